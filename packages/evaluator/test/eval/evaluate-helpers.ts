// Small helpers for evaluator unit tests: rules text + YAML data -> verdicts or error.
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { EvaluateOptions, EvaluationReport, Status } from '../../src/report/types.js';
import type { EvaluationError } from '../../src/values/evaluation-error.js';
import { yamlDocument } from './plain-document.js';

export function compiled(rules: string) {
  const result = compileRules(rules, { fileName: 'rules.guard' });
  if (!result.ok) throw new Error(`rules do not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.rules;
}

export function run(rules: string, data: string, options: EvaluateOptions = {}): { report: EvaluationReport } | { error: EvaluationError } {
  const result = evaluate(compiled(rules), yamlDocument(data), options);
  return result.ok ? { report: result.report } : { error: result.error };
}

/** `name -> status` of every top-level rule (duplicates: last one wins; tests avoid them). */
export function verdicts(rules: string, data: string): Record<string, Status> {
  const result = run(rules, data);
  if ('error' in result) throw new Error(`runtime error: ${result.error.code}: ${result.error.message}`);
  return Object.fromEntries(result.report.rules.map((r) => [r.name, r.status]));
}

/** The status of the single rule `r`. */
export function status(body: string, data: string): Status {
  const all = verdicts(`rule r {\n${body}\n}\n`, data);
  return all.r!;
}

export function errorOf(rules: string, data: string): EvaluationError {
  const result = run(rules, data);
  if (!('error' in result)) throw new Error(`expected a runtime error, got ${JSON.stringify(result.report.rules)}`);
  return result.error;
}
