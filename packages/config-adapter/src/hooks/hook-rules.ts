/**
 * The rules a hook evaluates: compiled once (at a Lambda's cold start), each file with the input
 * shape it is written for (a Config-item rule, a Control Tower hook-form rule, a template rule).
 */
import { compileRules, type CompiledRules } from '@guardts/evaluator';
import { formatDiagnostic } from '@guardts/guard-parser';
import type { DocumentMode } from '../documents/documents-for-template.js';

export interface HookRuleSource {
  readonly fileName: string;
  readonly text: string;
  /** The document the rules are written against (default `hook`, what Control Tower controls read). */
  readonly as?: DocumentMode;
}

export interface HookRuleFile {
  readonly fileName: string;
  readonly rules: CompiledRules;
  readonly as: DocumentMode;
}

export type HookRuleSet = { readonly ok: true; readonly files: readonly HookRuleFile[] } | { readonly ok: false; readonly message: string };

export function compileHookRules(sources: readonly HookRuleSource[]): HookRuleSet {
  const files: HookRuleFile[] = [];
  for (const source of sources) {
    const compiled = compileRules(source.text, { fileName: source.fileName });
    if (!compiled.ok) {
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
      return { ok: false, message: errors.map((d) => formatDiagnostic(d, source.text)).join('\n') || `${source.fileName}: the rules do not parse` };
    }
    files.push({ fileName: source.fileName, rules: compiled.rules, as: source.as ?? 'hook' });
  }
  return { ok: true, files };
}
