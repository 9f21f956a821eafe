/**
 * cfn-guard compiles every regex literal when it parses a rules file, and a pattern that does not
 * compile makes the whole file a parse error (exit 5). The guard-parser package cannot depend on
 * this translator, so this check is offered to whoever compiles the rules: it reports, with the
 * literal's span, every regex literal that compileGuardRegex refuses.
 */
import { DiagnosticCodes, type Diagnostic, type RulesFile, type SourceSpan } from '@guardts/guard-parser';
import { compileGuardRegex } from './guard-regex.js';

function collect(node: unknown, found: { pattern: string; span: SourceSpan }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.kind === 'RegexLiteral' && typeof record.pattern === 'string') {
    found.push({ pattern: record.pattern, span: record.span as SourceSpan });
    return;
  }
  // A plain key loop: the AST is walked once per rules file compiled (237 in a CT batch).
  for (const key in record) {
    if (key === 'span') continue;
    const value = record[key];
    if (value !== null && typeof value === 'object') collect(value, found);
  }
}

export function checkRegexLiterals(rules: RulesFile): Diagnostic[] {
  const literals: { pattern: string; span: SourceSpan }[] = [];
  collect(rules, literals);
  const diagnostics: Diagnostic[] = [];
  for (const { pattern, span } of literals) {
    const compiled = compileGuardRegex(pattern);
    if (!compiled.ok) {
      diagnostics.push({ code: DiagnosticCodes.invalidRegex, severity: 'error', message: `invalid regex /${pattern}/: ${compiled.message}`, span });
    }
  }
  return diagnostics;
}
