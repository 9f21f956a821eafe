/**
 * The `yaml` package's CST parser fed by a lexer that reads indentation as libyaml does.
 *
 * libyaml (behind cfn-guard's loaders) ignores indentation inside `[ … ]` and `{ … }` and on the
 * continuation lines of quoted scalars: such a line may start at any column, even left of the
 * key (`V: [a,\nb]`, `K: "x\ny"`). The `yaml` package ends the collection or scalar there and
 * reports "must be sufficiently indented". Its lexer measures that against its `indentNext` (the
 * indentation the enclosing block requires); here that requirement is lifted while a flow
 * collection or a quoted scalar is lexed, and restored for the block lines that follow. Well-
 * indented text lexes exactly as before.
 */
import type { CST } from 'yaml';
import { Lexer, Parser } from 'yaml';

/** The lexer's internals this relies on (yaml 2.9.1, pinned): private in its typings. */
interface LexerInternals {
  indentNext: number;
  parseFlowCollection(): Generator<string, string>;
  parseQuotedScalar(): Generator<string, string>;
}

type Step = LexerInternals['parseFlowCollection'];

/** `step` run with no indentation required of continuation lines, the block's requirement kept for afterwards. */
function withoutIndentRequirement(step: Step): Step {
  return function* lenient(this: LexerInternals): Generator<string, string> {
    const blockIndent = this.indentNext;
    this.indentNext = 0;
    try {
      return yield* step.call(this);
    } finally {
      // A step that left the collection for a new document line may have set its own.
      if (this.indentNext === 0) this.indentNext = blockIndent;
    }
  };
}

function libyamlLexer(): Lexer {
  const lexer = new Lexer();
  const internals = lexer as unknown as LexerInternals;
  internals.parseFlowCollection = withoutIndentRequirement(internals.parseFlowCollection);
  internals.parseQuotedScalar = withoutIndentRequirement(internals.parseQuotedScalar);
  return lexer;
}

/** The CST tokens of `text`, as `new Parser().parse(text)` yields them but with libyaml's flow indentation. */
export function* parseYamlTokens(text: string): Generator<CST.Token> {
  const parser = new Parser();
  for (const lexeme of libyamlLexer().lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}
