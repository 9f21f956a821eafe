export type { SourcePosition, SourceSpan } from './span.js';
export type { Diagnostic, DiagnosticSeverity } from './diagnostic.js';
export * from './ast.js';
export { parseRules } from './parse.js';
export type { ParseOptions, ParseResult } from './parse.js';
export { DiagnosticCodes } from './diagnostic-codes.js';
export type { DiagnosticCode } from './diagnostic-codes.js';
export { formatDiagnostic } from './format-diagnostic.js';
export { printRules, printClause, printQuery, printValue, printLiteral, printComparator } from './print.js';
export {
  displayQuery,
  displayValue,
  displayLiteral,
  displayComparator,
  displayOperator,
  displayAccessClause,
  displayFloat,
} from './report-display.js';
