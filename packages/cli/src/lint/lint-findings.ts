/** What `guardts lint` reports for one rules file: its warnings, or the parser's errors. */
import type { SourceSpan } from '@guardts/guard-parser';

export interface LintFinding {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly span: SourceSpan;
  readonly related: readonly { readonly message: string; readonly span: SourceSpan }[];
}

export interface LintedFile {
  /** The name shown in reports. */
  readonly file: string;
  readonly source: string;
  /** False when the file does not parse (its findings are then the parse errors). */
  readonly parsed: boolean;
  readonly findings: readonly LintFinding[];
}
