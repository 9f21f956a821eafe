/**
 * Tokenises Guard text with one shared Chevrotain lexer, then applies the context-dependent
 * re-tokenisations cfn-guard's scannerless parser implies: in a value position (after a
 * comparison operator, a `let … =`, or as a function argument), a word that merely starts with
 * `true`/`false`/`null` (`trueish`, `Falsey`, `NULLX`) is read as that literal followed by the
 * rest of the word; the parser asks for two more splits (operator keywords, `keys`) on errors.
 */
import { createTokenInstance, Lexer, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import * as t from './tokens.js';

/**
 * The lexer's definition checks (unreachable patterns, unoptimisable tokens) cost every CLI start
 * and only change with tokens.ts: the tests run them (test/grammar-validations.test.ts).
 */
export function createGuardLexer(options: { readonly validateTokens?: boolean } = {}): Lexer {
  const validate = options.validateTokens === true;
  return new Lexer([...t.ALL_TOKENS], {
    positionTracking: 'full',
    // Only meaningful with the checks on: it turns a token that defeats the first-character
    // optimisation into a definition error.
    ensureOptimizations: validate,
    skipValidations: !validate,
    lineTerminatorCharacters: ['\n'],
    lineTerminatorsPattern: /\n/g,
  });
}

const lexer = createGuardLexer();

const VALUE_POSITION_TOKENS: readonly TokenType[] = [
  t.Equals, t.NotEquals, t.GreaterEquals, t.LessEquals, t.Greater, t.Less, t.In, t.Assign, t.ColonAssign,
];

const LITERAL_WORD_PREFIX = /^(true|True|false|False|null|NULL)/;

const OPERATOR_KEYWORDS: ReadonlyMap<string, TokenType> = new Map(
  (
    [
      [t.IsString, 'is_string'], [t.IsList, 'is_list'], [t.IsStruct, 'is_struct'], [t.IsBool, 'is_bool'],
      [t.IsInt, 'is_int'], [t.IsFloat, 'is_float'], [t.IsNull, 'is_null'], [t.Exists, 'exists'], [t.Empty, 'empty'], [t.In, 'in'],
    ] as const
  ).flatMap(([type, spelling]) => [[spelling, type] as const, [spelling.toUpperCase(), type] as const]),
);
const OPERATOR_PREFIX = new RegExp(`^(${[...OPERATOR_KEYWORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`);

/** Does this word start with an operator keyword (`existsX`, `inventory`, `IS_STRINGS`)? */
export function hasOperatorPrefix(token: IToken): boolean {
  return token.tokenType === t.Identifier && OPERATOR_PREFIX.test(token.image);
}

/**
 * cfn-guard matches operator keywords as prefixes where it expects an operator: `V existsX`
 * is `V exists` followed by `X`, and `base` then `inventory` on the next line is `base in
 * ventory`. The parser asks for this split when it finds such a word where an operator belongs.
 */
export function splitOperatorPrefix(tokens: readonly IToken[], index: number): IToken[] | null {
  const token = tokens[index];
  if (token === undefined || !hasOperatorPrefix(token)) return null;
  const spelling = (OPERATOR_PREFIX.exec(token.image) as RegExpExecArray)[1] as string;
  const type = OPERATOR_KEYWORDS.get(spelling) as TokenType;
  return [...tokens.slice(0, index), ...splitToken(token, spelling.length, type), ...tokens.slice(index + 1)];
}

/** Tokens of `text`; never fails: characters no token describes become `UnknownCharacter`. */
export function tokenize(text: string): IToken[] {
  const { tokens } = lexer.tokenize(text);
  return splitLiteralWordPrefixes(tokens);
}

function isValuePosition(previous: IToken | undefined): boolean {
  return previous !== undefined && VALUE_POSITION_TOKENS.some((type) => tokenMatcher(previous, type));
}

/** After `(` or `,`: a function argument (or a list element, where a split changes nothing). */
function isArgumentPosition(previous: IToken | undefined): boolean {
  return previous !== undefined && (previous.tokenType === t.LParen || previous.tokenType === t.Comma);
}

function splitLiteralWordPrefixes(tokens: IToken[]): IToken[] {
  let result: IToken[] | null = null;
  // Parameter names of `rule name(a, b)` are names, not values.
  let inRuleParameters = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    if (token.tokenType === t.LParen && tokens[i - 2]?.tokenType === t.Rule) inRuleParameters = true;
    else if (token.tokenType === t.RParen) inRuleParameters = false;
    const valuePosition = isValuePosition(tokens[i - 1]) || (!inRuleParameters && isArgumentPosition(tokens[i - 1]));
    const prefix = token.tokenType === t.Identifier && valuePosition ? LITERAL_WORD_PREFIX.exec(token.image) : null;
    if (prefix === null) {
      result?.push(token);
      continue;
    }
    result ??= tokens.slice(0, i);
    const word = prefix[1] as string;
    result.push(...splitToken(token, word.length, literalTypeOf(word)));
  }
  return result ?? tokens;
}

/**
 * After `[`, cfn-guard reads a word starting with `keys` as the `keys` keyword followed by the
 * rest (`[ keysin %names ]` is `[ keys in %names ]`).
 */
export function splitKeysPrefix(tokens: readonly IToken[], index: number): IToken[] | null {
  const token = tokens[index];
  if (token === undefined || token.tokenType !== t.Identifier || !/^(keys|KEYS)./.test(token.image)) return null;
  return [...tokens.slice(0, index), ...splitToken(token, 4, t.Keys), ...tokens.slice(index + 1)];
}

function literalTypeOf(word: string): TokenType {
  if (word.startsWith('t') || word.startsWith('T')) return t.True;
  if (word.startsWith('f') || word.startsWith('F')) return t.False;
  return t.Null;
}

function splitToken(token: IToken, prefixLength: number, prefixType: TokenType): IToken[] {
  const image = token.image;
  const line = token.startLine ?? 1;
  const column = token.startColumn ?? 1;
  const prefix = createTokenInstance(
    prefixType,
    image.slice(0, prefixLength),
    token.startOffset,
    token.startOffset + prefixLength - 1,
    line,
    line,
    column,
    column + prefixLength - 1,
  );
  // The rest of the word is re-lexed on its own (`trueish` -> `ish`, `true2` -> `2`).
  const rest = lexer.tokenize(image.slice(prefixLength)).tokens.map((part) =>
    createTokenInstance(
      part.tokenType,
      part.image,
      part.startOffset + token.startOffset + prefixLength,
      (part.endOffset ?? part.startOffset) + token.startOffset + prefixLength,
      line,
      line,
      (part.startColumn ?? 1) + column + prefixLength - 1,
      (part.endColumn ?? 1) + column + prefixLength - 1,
    ),
  );
  return [prefix, ...rest];
}
