/**
 * `guardts lint -o sarif`: SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure
 * DevOps) read, one result per finding. Parse errors are results with level `error`.
 */
import { LINT_CODES } from '@guardts/evaluator';
import type { LintedFile } from './lint-findings.js';

export function formatLintSarif(files: readonly LintedFile[]): string {
  const results = files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.code,
      level: finding.severity,
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(finding.span.file) },
            region: { startLine: finding.span.start.line, startColumn: finding.span.start.column, endLine: finding.span.end.line, endColumn: finding.span.end.column },
          },
        },
      ],
      relatedLocations: finding.related.map((related, index) => ({
        id: index,
        message: { text: related.message },
        physicalLocation: { artifactLocation: { uri: toUri(related.span.file) }, region: { startLine: related.span.start.line, startColumn: related.span.start.column } },
      })),
    })),
  );
  const document = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'guardts lint',
            rules: LINT_CODES.map((code) => ({ id: code, defaultConfiguration: { level: 'warning' } })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A relative path with forward slashes, as SARIF artifact URIs are written. */
function toUri(path: string): string {
  return path.split('\\').map(encodeURIComponent).join('/').replaceAll('%2F', '/');
}
