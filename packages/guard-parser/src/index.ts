export type { SourcePosition, SourceSpan } from './span.js';
export type { Diagnostic, DiagnosticSeverity } from './diagnostic.js';
export * from './ast.js';
