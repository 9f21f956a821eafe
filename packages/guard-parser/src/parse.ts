/**
 * `parseRules`: text -> tokens -> CST -> AST, collecting diagnostics at every step. It never
 * throws for bad input. The AST is returned only when there is no error diagnostic: a file
 * cfn-guard would reject has no meaning to evaluate, so no partial AST is offered.
 */
import { EOF, tokenMatcher, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import type { RulesFile } from './ast.js';
import { AstBuilder } from './build-ast.js';
import type { Diagnostic } from './diagnostic.js';
import { DiagnosticCodes, type DiagnosticCode } from './diagnostic-codes.js';
import { splitKeysPrefix, splitOperatorPrefix, tokenize } from './lexer.js';
import * as t from './tokens.js';
import { OPERATOR_EXPECTED } from './parser-messages.js';
import { guardParser } from './parser.js';
import { positionAt, spanOfTokens } from './source-positions.js';
import type { SourceSpan } from './span.js';

export interface ParseOptions {
  /** The name put in every span and diagnostic (usually the path as given by the user). */
  readonly fileName: string;
}

export interface ParseResult {
  /** The AST, or null when `diagnostics` holds an error. */
  readonly ast: RulesFile | null;
  /** Every problem found, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

const CODE_BY_OFFENDING_TOKEN: Readonly<Record<string, DiagnosticCode>> = {
  UnterminatedString: DiagnosticCodes.unterminatedString,
  UnterminatedRegex: DiagnosticCodes.unterminatedRegex,
  UnterminatedMessage: DiagnosticCodes.unterminatedMessage,
  EmptyRegex: DiagnosticCodes.emptyRegex,
  UnknownCharacter: DiagnosticCodes.unknownCharacter,
};

export function parseRules(text: string, options: ParseOptions): ParseResult {
  const file = options.fileName;
  try {
    const cst = parseWithOperatorPrefixSplits(tokenize(text), text);
    const syntaxErrors = withoutCascades(guardParser.errors, file, text);
    if (syntaxErrors.length > 0) return { ast: null, diagnostics: sortAndDeduplicate([...syntaxErrors, ...checksOfRecoveredTree(cst, file, text)]) };
    const builder = new AstBuilder(file, text);
    const ast = builder.rulesFile(cst);
    const diagnostics = sortAndDeduplicate(builder.diagnostics);
    return { ast: diagnostics.some((d) => d.severity === 'error') ? null : ast, diagnostics };
  } catch (error) {
    // Nothing may escape as an exception: thousands of nested blocks exhaust the stack, and a
    // bug in the parser must not crash the caller either.
    const position = { offset: 0, line: 1, column: 1 };
    const span = { file, start: position, end: position };
    if (error instanceof RangeError) {
      return { ast: null, diagnostics: [{ code: DiagnosticCodes.nestingTooDeep, severity: 'error', message: 'the rules are nested too deeply to be parsed', span }] };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ast: null, diagnostics: [{ code: DiagnosticCodes.internalError, severity: 'error', message: `internal parser error: ${message}`, span }] };
  }
}

/**
 * Parses; when the first error is a word starting with an operator keyword where an operator
 * belongs (`V existsX`), splits that word as cfn-guard does and parses again.
 */
function parseWithOperatorPrefixSplits(initialTokens: IToken[], text: string): CstNode {
  let tokens = initialTokens;
  for (;;) {
    const cst = guardParser.parse(tokens, text);
    const first = earliest(guardParser.errors);
    const split = first === undefined ? null : splitWordAtError(first, tokens);
    if (split === null) return cst;
    tokens = split;
  }
}

/** The tokens with the word at the error split the way cfn-guard reads it, or null. */
function splitWordAtError(error: IRecognitionException, tokens: readonly IToken[]): IToken[] | null {
  const at = tokens.indexOf(error.token);
  if (at === -1) return null;
  const rule = error.context?.ruleStack?.[error.context.ruleStack.length - 1];
  if (rule === 'bracketPart' || rule === 'keysFilter') {
    const keys = splitKeysPrefix(tokens, at);
    if (keys !== null) return keys;
  }
  if (!expectsOperator(error)) return null;
  const wordIndex = tokenMatcher(error.token, t.Not) || tokenMatcher(error.token, t.Bang) ? at + 1 : at;
  return splitOperatorPrefix(tokens, wordIndex);
}

function earliest(errors: readonly IRecognitionException[]): IRecognitionException | undefined {
  let best: IRecognitionException | undefined;
  for (const error of errors) {
    if (best === undefined || tokenOffset(error.token) < tokenOffset(best.token)) best = error;
  }
  return best;
}

function tokenOffset(token: IToken): number {
  return tokenMatcher(token, EOF) || Number.isNaN(token.startOffset) ? Number.POSITIVE_INFINITY : token.startOffset;
}

const OPERATOR_RULES = new Set(['comparisonTail', 'binaryOperator', 'unaryKeyword', 'keysFilter']);

function expectsOperator(error: IRecognitionException): boolean {
  const rule = error.context?.ruleStack?.[error.context.ruleStack.length - 1];
  return error.message.startsWith(OPERATOR_EXPECTED) || (rule !== undefined && OPERATOR_RULES.has(rule));
}

/**
 * The checks made while building the AST (regexes, integers, …) on a tree that error recovery
 * left incomplete: whatever they find is reported too; a part they cannot read is skipped.
 */
function checksOfRecoveredTree(cst: CstNode, file: string, text: string): readonly Diagnostic[] {
  const builder = new AstBuilder(file, text);
  for (const [kind, items] of Object.entries(cst.children)) {
    for (const item of items) {
      try {
        if (kind === 'letStatement') builder.letStatement(item as CstNode);
        else if (kind === 'ruleDeclaration') builder.ruleDeclaration(item as CstNode);
        else if (kind === 'disjunction') builder.disjunction(item as CstNode);
      } catch {
        // Error recovery left this item incomplete; the syntax error already covers it.
      }
    }
  }
  return builder.diagnostics;
}

type RecognitionError = IRecognitionException & { previousToken?: IToken };

/**
 * After an error, recovery often trips over the rest of the same line (`X Exists` also makes
 * `Exists` look like a misplaced rule reference). Keep the first error of a line and drop the
 * errors that only follow from tokens of a line already reported.
 */
function withoutCascades(errors: readonly RecognitionError[], file: string, text: string): Diagnostic[] {
  const reportedLines = new Set<number>();
  const kept: Diagnostic[] = [];
  const diagnostics = errors.map((error) => ({ error, diagnostic: syntaxDiagnostic(error, file, text) }));
  diagnostics.sort((a, b) => a.diagnostic.span.start.offset - b.diagnostic.span.start.offset);
  for (const { error, diagnostic } of diagnostics) {
    const line = diagnostic.span.start.line;
    const previous = error.previousToken;
    const previousLine = previous === undefined || Number.isNaN(previous.startOffset) ? undefined : (previous.endLine ?? previous.startLine);
    if (reportedLines.has(line) || (previousLine !== undefined && reportedLines.has(previousLine))) continue;
    reportedLines.add(line);
    kept.push(diagnostic);
  }
  return kept;
}

function syntaxDiagnostic(error: RecognitionError, file: string, text: string): Diagnostic {
  const token = error.token;
  const code = CODE_BY_OFFENDING_TOKEN[token.tokenType?.name ?? ''] ?? DiagnosticCodes.unexpectedToken;
  return { code, severity: 'error', message: explainMissingOperator(error.message, error.previousToken, token, text), span: spanOfOffendingToken(token, file, text) };
}

const KEYWORD_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  ['exists', 'empty', 'in', 'is_string', 'is_list', 'is_struct', 'is_bool', 'is_int', 'is_float', 'is_null', 'not'].map((word) => [word, [word, word.toUpperCase()]]),
);

/** A name without an operator is usually a misplaced rule reference; say so. */
function explainMissingOperator(message: string, previous: IToken | undefined, found: IToken, text: string): string {
  if (!message.startsWith(OPERATOR_EXPECTED) || previous === undefined || Number.isNaN(previous.startOffset)) return message;
  const spellings = KEYWORD_SPELLINGS.get(found.image.toLowerCase());
  if (spellings !== undefined && !spellings.includes(found.image)) {
    return `${message} (keywords are case-sensitive: write ${spellings.map((s) => `\`${s}\``).join(' or ')})`;
  }
  const foundOffset = tokenMatcher(found, EOF) || Number.isNaN(found.startOffset) ? text.length : found.startOffset;
  const gap = text.slice(previous.endOffset ?? previous.startOffset, foundOffset);
  if (gap.includes('\n') || tokenMatcher(found, EOF)) {
    return `${message} (a lone \`${previous.image}\` is a rule reference, which is not allowed here: only in rule bodies, \`when\` blocks and conditions)`;
  }
  if (found.image === '}') return `${message} (a rule reference must be followed by a line break)`;
  return message;
}

function spanOfOffendingToken(token: IToken, file: string, text: string): SourceSpan {
  if (tokenMatcher(token, EOF) || Number.isNaN(token.startOffset)) {
    const end = positionAt(text, text.length);
    return { file, start: end, end };
  }
  return spanOfTokens(file, token);
}

function sortAndDeduplicate(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.span.start.offset}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.span.start.offset - b.span.start.offset);
}
