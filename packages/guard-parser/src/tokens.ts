/**
 * The token vocabulary of Guard. cfn-guard's parser is scannerless (nom combinators), so a few
 * tokens here are deliberately coarse and the grammar refines them: `r[1, 2]` is an identifier
 * `r` followed by `[` (a range only in literal positions), a map key like `a-b` is several
 * adjacent tokens, and any character no token describes becomes `UnknownCharacter` so that the
 * lexer never fails and the parser reports the problem in context.
 *
 * Keywords accept exactly the spellings cfn-guard 3.1.1 accepts (`exists`/`EXISTS`, never
 * `Exists`) and all belong to the `Word` category: keywords are not reserved as property names.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { NAME_CLASS, namePattern } from './lexer-name-pattern.js';

// A name's letters after the first ASCII one.
const NAME_TAIL = `${NAME_CLASS}*`;
const ASCII_LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * Chevrotain rebuilds RegExp patterns without the `u` flag, which `\p{…}` needs; a custom
 * matcher keeps its own sticky unicode RegExp instead.
 */
function unicodePattern(source: string): { exec: (text: string, offset: number) => RegExpExecArray | null } {
  const regex = new RegExp(source, 'uy');
  return {
    exec(text, offset) {
      regex.lastIndex = offset;
      return regex.exec(text);
    },
  };
}

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: Lexer.SKIPPED });

/** `<< text >>`: everything up to the first `>>`, newlines included. */
export const CustomMessage = createToken({ name: 'CustomMessage', pattern: /<<[\s\S]*?>>/, line_breaks: true });
/** `<<` without a closing `>>`; only ever an error. */
export const UnterminatedMessage = createToken({ name: 'UnterminatedMessage', pattern: /<<[\s\S]*/, line_breaks: true });

/** The only escape is a backslash before the delimiter; a lone backslash is literal. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\]|\\"|\\(?!"))*"|'(?:[^'\\]|\\'|\\(?!'))*'/,
  line_breaks: true,
});
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /["'][\s\S]*/, line_breaks: true });

/**
 * `/pattern/`; `\/` stands for `/`, every other backslash is kept for the regex engine. As in
 * cfn-guard, the text is read in pieces up to each `/`: a piece ending in a backslash escapes
 * that `/`, and every piece must be non-empty (so `/a\//` is not a regex).
 */
export const RegexLiteral = createToken({ name: 'RegexLiteral', pattern: /\/(?:[^/]*\\\/)*[^/]*[^/\\]\//, line_breaks: true });
export const EmptyRegex = createToken({ name: 'EmptyRegex', pattern: /\/\// });
export const UnterminatedRegex = createToken({ name: 'UnterminatedRegex', pattern: /\/[\s\S]*/, line_breaks: true });

/**
 * A float needs digits on both sides of the point; an exponent needs a sign unless there is a
 * fractional part (`1.5e5` and `1e+5` parse, `1e5` is `1` followed by `e5`). A leading `-` is
 * accepted here only to report the negative float cfn-guard rejects.
 */
export const FloatLiteral = createToken({ name: 'FloatLiteral', pattern: /-?(?:\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]\d+)/ });
export const IntLiteral = createToken({ name: 'IntLiteral', pattern: /-?\d+/ });

/** Property names, rule names, variable names and every keyword. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: namePattern(`[A-Za-z]${NAME_TAIL}`),
  start_chars_hint: ASCII_LETTERS,
  line_breaks: false,
  categories: [Word],
});

/** `AWS::S3::Bucket`, `Custom::Thing`, `AWS::X::Y::MODULE`. */
export const TypeName = createToken({
  name: 'TypeName',
  pattern: namePattern(`[A-Za-z]${NAME_TAIL}::[A-Za-z]${NAME_TAIL}(?:::[A-Za-z]${NAME_TAIL}(?:::MODULE(?!${NAME_CLASS}))?)?`),
  start_chars_hint: ASCII_LETTERS,
  line_breaks: false,
});

/** `%name` (no space after `%`). */
export const VariableReference = createToken({
  name: 'VariableReference',
  pattern: namePattern(`%[A-Za-z]${NAME_TAIL}`),
  start_chars_hint: ['%'],
  line_breaks: false,
});

/** A keyword is an identifier spelled one of these ways (`longer_alt`: `existsX` is a name). */
function keyword(name: string, spellings: readonly string[]): TokenType {
  const alternatives = [...spellings].sort((a, b) => b.length - a.length).join('|');
  return createToken({ name, pattern: new RegExp(alternatives), longer_alt: Identifier, categories: [Word] });
}

export const Rule = keyword('Rule', ['rule']);
export const Let = keyword('Let', ['let']);
export const When = keyword('When', ['when', 'WHEN']);
export const OrWord = keyword('OrWord', ['or', 'OR']);
export const Not = keyword('Not', ['not', 'NOT']);
export const Some = keyword('Some', ['some', 'SOME']);
export const This = keyword('This', ['this', 'THIS']);
export const Keys = keyword('Keys', ['keys', 'KEYS']);
export const In = keyword('In', ['in', 'IN']);
export const Exists = keyword('Exists', ['exists', 'EXISTS']);
export const Empty = keyword('Empty', ['empty', 'EMPTY']);
export const IsString = keyword('IsString', ['is_string', 'IS_STRING']);
export const IsList = keyword('IsList', ['is_list', 'IS_LIST']);
export const IsStruct = keyword('IsStruct', ['is_struct', 'IS_STRUCT']);
export const IsBool = keyword('IsBool', ['is_bool', 'IS_BOOL']);
export const IsInt = keyword('IsInt', ['is_int', 'IS_INT']);
export const IsFloat = keyword('IsFloat', ['is_float', 'IS_FLOAT']);
export const IsNull = keyword('IsNull', ['is_null', 'IS_NULL']);
export const True = keyword('True', ['true', 'True']);
export const False = keyword('False', ['false', 'False']);
export const Null = keyword('Null', ['null', 'NULL']);

export const PipeOr = createToken({ name: 'PipeOr', pattern: /\|OR\|/ });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/ });
export const Equals = createToken({ name: 'Equals', pattern: /==/ });
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=/ });
export const GreaterEquals = createToken({ name: 'GreaterEquals', pattern: />=/ });
export const LessEquals = createToken({ name: 'LessEquals', pattern: /<=/ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Bang = createToken({ name: 'Bang', pattern: /!/ });
export const ColonAssign = createToken({ name: 'ColonAssign', pattern: /:=/ });
export const Assign = createToken({ name: 'Assign', pattern: /=/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Star = createToken({ name: 'Star', pattern: /\*/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Dash = createToken({ name: 'Dash', pattern: /-/ });
/**
 * Hints for a token that may start with any character: every non-space Latin-1 code, and one
 * code per 256-code block above, which is how Chevrotain buckets larger codes. With hints on
 * every custom pattern, the lexer keeps its first-character optimisation.
 */
const ANY_START_CHARACTER: number[] = [
  ...Array.from({ length: 256 }, (_, code) => code).filter((code) => !/\s/.test(String.fromCharCode(code))),
  ...Array.from({ length: 255 }, (_, block) => (block + 1) * 256),
];

export const UnknownCharacter = createToken({
  name: 'UnknownCharacter',
  pattern: unicodePattern('[^\\s]'),
  start_chars_hint: ANY_START_CHARACTER,
  line_breaks: false,
});

export const KEYWORDS: readonly TokenType[] = [
  Rule, Let, When, OrWord, Not, Some, This, Keys, In, Exists, Empty,
  IsString, IsList, IsStruct, IsBool, IsInt, IsFloat, IsNull, True, False, Null,
];

/** Lexer order: longer and more specific patterns first. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  CustomMessage,
  UnterminatedMessage,
  StringLiteral,
  UnterminatedString,
  EmptyRegex,
  RegexLiteral,
  UnterminatedRegex,
  FloatLiteral,
  IntLiteral,
  TypeName,
  ...KEYWORDS,
  Identifier,
  Word,
  VariableReference,
  PipeOr,
  Pipe,
  Equals,
  NotEquals,
  GreaterEquals,
  LessEquals,
  Greater,
  Less,
  Bang,
  ColonAssign,
  Assign,
  Colon,
  Comma,
  Dot,
  Star,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Dash,
  UnknownCharacter,
];
