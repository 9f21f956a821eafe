/**
 * Renders a diagnostic for a terminal: a `FILE:LINE:COL: message` line, then the source line
 * with a caret under the problem (a code frame). The message itself stays one line; this is
 * the only place that knows about presentation.
 */
import type { Diagnostic } from './diagnostic.js';

export function formatDiagnostic(diagnostic: Diagnostic, sourceText: string): string {
  const { start, end } = diagnostic.span;
  const header = `${diagnostic.span.file}:${start.line}:${start.column}: ${diagnostic.severity === 'warning' ? 'warning: ' : ''}${diagnostic.message} [${diagnostic.code}]`;
  const lines = sourceText.split('\n');
  const line = lines[start.line - 1];
  if (line === undefined) return header;
  const text = line.replace(/\r$/, '').replace(/\t/g, ' ');
  const gutter = String(start.line);
  const width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, text.length - start.column + 1);
  const caret = ' '.repeat(Math.max(0, start.column - 1)) + '^'.repeat(Math.min(width, Math.max(1, text.length - start.column + 2)));
  return `${header}\n ${gutter} | ${text}\n ${' '.repeat(gutter.length)} | ${caret}`;
}
