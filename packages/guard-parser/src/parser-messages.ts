/**
 * Error messages for the parser in a rule author's words ("expected a value after `==`, found
 * the end of the file") instead of Chevrotain's token-sequence dumps.
 */
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

const TOKEN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  LCurly: '`{`',
  RCurly: '`}`',
  LBracket: '`[`',
  RBracket: '`]`',
  LParen: '`(`',
  RParen: '`)`',
  Comma: '`,`',
  Colon: '`:`',
  Dot: '`.`',
  Pipe: '`|`',
  Assign: '`=`',
  ColonAssign: '`:=`',
  Word: 'a name',
  Identifier: 'a name',
  StringLiteral: 'a string',
  IntLiteral: 'an integer',
  FloatLiteral: 'a float',
  In: '`in`',
  When: '`when`',
  TypeName: 'a resource type name',
};

/** How a token found in the input reads in a message. */
export function describeFoundToken(token: IToken): string {
  if (tokenMatcher(token, EOF)) return 'the end of the file';
  switch (token.tokenType.name) {
    case 'UnterminatedString':
      return 'a string without its closing quote';
    case 'UnterminatedRegex':
      return 'a regex without its closing `/`';
    case 'UnterminatedMessage':
      return 'a `<<` message without its closing `>>`';
    case 'EmptyRegex':
      return 'an empty regex `//`';
    case 'CustomMessage':
      return 'a `<< … >>` message';
  }
  const firstLine = token.image.split(/\r?\n/)[0] ?? '';
  const shown = firstLine.length > 30 ? `${firstLine.slice(0, 30)}…` : firstLine;
  return `\`${shown}\``;
}

function describeExpected(type: TokenType): string {
  return TOKEN_DESCRIPTIONS[type.name] ?? `\`${type.name}\``;
}

function after(previous: IToken): string {
  return tokenMatcher(previous, EOF) || previous.image === '' ? '' : ` after ${describeFoundToken(previous)}`;
}

/** The start of the message for a query not followed by an operator; parse.ts refines it. */
export const OPERATOR_EXPECTED = 'expected an operator such as `==`, `in` or `exists`';

const NO_VIABLE_ALTERNATIVE: Readonly<Record<string, string>> = {
  rulesFile: 'expected `rule`, `let` or a clause',
  clause: 'expected a clause',
  queryClause: OPERATOR_EXPECTED,
  comparisonTail: OPERATOR_EXPECTED,
  binaryOperator: 'expected a comparison operator',
  unaryKeyword: 'expected `exists`, `empty` or an `is_…` check',
  value: 'expected a value',
  literal: 'expected a literal value',
  query: 'expected a query (a property name, `%variable`, `this` or a quoted key)',
  queryPart: 'expected `.` or `[`',
  dotPart: 'expected a property name, an index, `*` or `%variable` right after `.`',
  bracketPart: 'expected `*`, an index, a key, a capture name or a filter inside `[ ]`',
  keysFilter: 'expected a value to compare the keys with',
  rangeBound: 'expected a range bound (an integer, a float or a single character)',
  mapEntry: 'expected a map key',
  bareKeyPiece: 'expected a map key',
  typeBlock: 'expected a space, then `when`, `{` or a clause after the type name',
  ruleDeclaration: 'expected `{`, `when` or a parameter list after the rule name',
  letStatement: 'expected `=` or `:=`',
  negation: 'expected `not` or `!`',
};

const EARLY_EXIT: Readonly<Record<string, string>> = {
  block: 'a block needs at least one clause or `let` between `{` and `}`',
  conditions: 'expected a condition after `when`',
  bracketPart: 'expected a filter clause inside `[ ]`',
};

export const guardErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    return `expected ${describeExpected(expected)}${after(previous)}, found ${describeFoundToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeFoundToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    const found = actual[0] as IToken;
    const expectation = NO_VIABLE_ALTERNATIVE[ruleName] ?? 'unexpected input';
    return `${expectation}${after(previous)}, found ${describeFoundToken(found)}`;
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    const found = actual[0] as IToken;
    const expectation = EARLY_EXIT[ruleName] ?? 'expected at least one item';
    return `${expectation}${after(previous)}, found ${describeFoundToken(found)}`;
  },
};
