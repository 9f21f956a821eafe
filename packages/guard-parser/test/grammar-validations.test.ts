// Production skips Chevrotain's grammar and token-definition checks (a cost paid by every CLI
// start); this is where they run, so a grammar or token change that breaks them still fails.
import { describe, expect, it } from 'vitest';
import { createToken, Lexer } from 'chevrotain';
import { createGuardLexer } from '../src/lexer.js';
import { GuardParser } from '../src/parser.js';
import { GuardParserBase, type GrammarCheckOptions } from '../src/parser-base.js';

/** A grammar Chevrotain's checks reject (left recursion): shows that the option really runs them. */
class LeftRecursiveParser extends GuardParserBase {
  constructor(options: GrammarCheckOptions) {
    super(options);
    const self = this as unknown as { RULE(name: string, body: () => void): () => void; SUBRULE(rule: () => void): void };
    const rule: () => void = self.RULE('loop', () => self.SUBRULE(rule));
    this.performSelfAnalysis();
  }
}

describe('grammar validations (skipped in production)', () => {
  it('the parser grammar passes all of Chevrotain checks (they throw on any definition error)', () => {
    expect(() => new LeftRecursiveParser({ validateGrammar: true })).toThrow(/Left Recursion/);
    expect(() => new GuardParser({ validateGrammar: true })).not.toThrow();
  });

  it('the token definitions pass the lexer checks, first-character optimisation included', () => {
    const unreachable = [createToken({ name: 'A', pattern: /a/ }), createToken({ name: 'B', pattern: /a/ })];
    expect(() => new Lexer(unreachable, { skipValidations: false })).toThrow(/unreachable/i);
    expect(createGuardLexer({ validateTokens: true }).lexerDefinitionErrors).toEqual([]);
  });

  it('a parser built without the checks parses the same as one built with them', () => {
    const source = "let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]\nrule r when %buckets !empty { %buckets.Properties.BucketName exists }\n";
    const tokens = () => createGuardLexer().tokenize(source).tokens;
    const checked = new GuardParser({ validateGrammar: true });
    const unchecked = new GuardParser();
    const treeOf = (parser: GuardParser) => JSON.stringify(parser.parse(tokens(), source));
    expect(treeOf(unchecked)).toEqual(treeOf(checked));
    expect(unchecked.errors).toEqual([]);
  });
});
