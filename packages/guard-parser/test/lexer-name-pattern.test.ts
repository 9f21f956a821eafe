// The name tokens' matchers (src/lexer-name-pattern.ts) use an ASCII form of their pattern when the
// text at the offset allows it. Property: at any offset of any text, each matcher matches exactly
// what the Unicode pattern alone matches (the lexer's behaviour before the ASCII form).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namePattern, nameStretchIsAscii, type CustomMatcher } from '../src/lexer-name-pattern.js';
import { Identifier, TypeName, VariableReference } from '../src/tokens.js';

// The sources as tokens.ts spells them; checked against the tokens' own matchers below.
const NAME_TAIL = String.raw`[\p{Alphabetic}\p{N}_]*`;
const SOURCES = {
  Identifier: `[A-Za-z]${NAME_TAIL}`,
  TypeName: String.raw`[A-Za-z]${NAME_TAIL}::[A-Za-z]${NAME_TAIL}(?:::[A-Za-z]${NAME_TAIL}(?:::MODULE(?![\p{Alphabetic}\p{N}_]))?)?`,
  VariableReference: `%[A-Za-z]${NAME_TAIL}`,
};
const TOKENS = { Identifier, TypeName, VariableReference };

function unicodeMatch(source: string, text: string, offset: number): string | null {
  const regex = new RegExp(source, 'uy');
  regex.lastIndex = offset;
  return regex.exec(text)?.[0] ?? null;
}

function expectSameEverywhere(text: string): void {
  for (const [name, source] of Object.entries(SOURCES)) {
    const matcher = TOKENS[name as keyof typeof TOKENS].PATTERN as CustomMatcher;
    for (let offset = 0; offset <= text.length; offset++) {
      expect(matcher.exec(text, offset)?.[0] ?? null, `${name} at ${offset} of ${JSON.stringify(text)}`).toBe(unicodeMatch(source, text, offset));
    }
  }
}

// Pieces that reach each branch: type names with and without ::MODULE, names followed by
// characters inside and outside the name class, non-ASCII letters, digits (Ⅻ, ²), marks and
// astral characters next to ASCII names.
const PIECES = [
  'AWS', '::', 'S3', 'Bucket', 'MODULE', 'x', '%', '%v', '_', '1', ':', ' ', '.', '[', '*', '-', '\n', 'é', 'Ⅻ', '²',
  '\u0301', '𝐀', '日本', 'Ünï', 'MODULEé', 'MODULE_', 'MODULE1',
];
const texts = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'grapheme-ascii', maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

describe('name-token matchers: the ASCII form matches as the Unicode pattern does', () => {
  it('the tokens use these matchers', () => {
    for (const token of Object.values(TOKENS)) expect(typeof (token.PATTERN as CustomMatcher).exec).toBe('function');
    expect((Identifier.PATTERN as CustomMatcher).exec('BucketName x', 0)?.[0]).toBe('BucketName');
  });

  it('on type names, variables and names next to non-ASCII text', () => {
    for (const text of ['AWS::S3::Bucket', 'AWS::X::Y::MODULE', 'AWS::X::Y::MODULEé', 'Custom::Thingé x', 'Bucketé', '%namé', 'aé::b', 'AWS::S3é::B', 'x²', '𝐀x', 'a\u0301b']) {
      expectSameEverywhere(text);
    }
    expect(nameStretchIsAscii('AWS::S3::Bucket ]', 0)).toBe(true);
    expect(nameStretchIsAscii('Bucket é', 0)).toBe(true);
    expect(nameStretchIsAscii('Bucketé', 0)).toBe(false);
  });

  it('on generated text, at every offset', () => {
    fc.assert(fc.property(texts, (text) => expectSameEverywhere(text)), { numRuns: 2000 });
  });

  it('refuses a pattern with a Unicode class it has no ASCII form for', () => {
    expect(() => namePattern(String.raw`\p{Lu}+`)).toThrow(/no ASCII form/);
  });
});
