/**
 * The two renderings of a lint run: for people, `FILE:LINE:COL: warning[code]: message` with a
 * code frame (as compilers print them); for machines, one JSON document.
 */
import type { LintedFile, LintFinding } from './lint-findings.js';

export function formatLintText(files: readonly LintedFile[]): string {
  const blocks: string[] = [];
  for (const file of files) {
    for (const finding of file.findings) blocks.push(formatFinding(finding, file.source));
  }
  const { warnings, errors } = countFindings(files);
  const summary = `${plural(warnings, 'warning')}, ${plural(errors, 'error')} in ${plural(files.length, 'file')}`;
  return blocks.length === 0 ? `${summary}\n` : `${blocks.join('\n\n')}\n\n${summary}\n`;
}

export function formatLintJson(files: readonly LintedFile[]): string {
  const position = (span: LintFinding['span']) => ({ file: span.file, line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column });
  const document = {
    files: files.map((file) => ({ file: file.file, parsed: file.parsed })),
    findings: files.flatMap((file) =>
      file.findings.map((finding) => ({
        severity: finding.severity,
        code: finding.code,
        message: finding.message,
        ...position(finding.span),
        related: finding.related.map((related) => ({ message: related.message, ...position(related.span) })),
      })),
    ),
    summary: { files: files.length, ...countFindings(files) },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function countFindings(files: readonly LintedFile[]): { warnings: number; errors: number } {
  const all = files.flatMap((file) => file.findings);
  return { warnings: all.filter((f) => f.severity === 'warning').length, errors: all.filter((f) => f.severity === 'error').length };
}

function formatFinding(finding: LintFinding, source: string): string {
  const { file, start } = finding.span;
  const header = `${file}:${start.line}:${start.column}: ${finding.severity}[${finding.code}]: ${finding.message}`;
  const notes = finding.related.map((related) => `  = note: ${related.message} at ${related.span.file}:${related.span.start.line}:${related.span.start.column}`);
  return [header, ...codeFrame(finding.span, source), ...notes].join('\n');
}

function codeFrame(span: LintFinding['span'], source: string): string[] {
  const line = source.split('\n')[span.start.line - 1];
  if (line === undefined) return [];
  const text = line.replace(/\r$/, '').replace(/\t/g, ' ');
  const gutter = String(span.start.line);
  const lastColumn = span.end.line === span.start.line ? span.end.column : text.length + 1;
  const width = Math.max(1, Math.min(lastColumn, text.length + 1) - span.start.column);
  return [` ${gutter} | ${text}`, ` ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, span.start.column - 1))}${'^'.repeat(width)}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
