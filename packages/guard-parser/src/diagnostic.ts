import type { SourceSpan } from './span.js';

export type DiagnosticSeverity = 'error' | 'warning';

/**
 * A problem found in a rules file. Diagnostics are values: the parser collects every one it
 * can find and never throws for bad input. `code` is stable (tests and tools match on it),
 * `message` is written for a rule author.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly span: SourceSpan;
}
