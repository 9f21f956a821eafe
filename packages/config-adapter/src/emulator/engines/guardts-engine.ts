/**
 * guardts' own evaluator behind the GuardEngine interface: `compileRules`, `loadDocument` (the
 * `validate` loader, so the JSON text is read exactly as `guardts validate` reads a file) and
 * `evaluate`. It is loaded lazily and checked structurally, so an evaluator that is missing or
 * changes shape gives a clear error value instead of a crash.
 */
import type { GuardEngine, GuardStatus, PolicyVerdict } from './guard-engine.js';

type Loose = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const STATUSES = new Set<GuardStatus>(['PASS', 'FAIL', 'SKIP']);

export function guardtsEngine(): GuardEngine {
  return {
    name: 'guardts',
    async evaluatePolicy(policyText, policyName, documents) {
      let evaluator: Loose;
      try {
        evaluator = (await import('@guardts/evaluator')) as unknown as Loose;
      } catch (error) {
        return { ok: false, error: `the guardts evaluator cannot be loaded: ${error instanceof Error ? error.message : String(error)}` };
      }
      const compileRules = evaluator.compileRules as Fn | undefined;
      const loadDocument = evaluator.loadDocument as Fn | undefined;
      const evaluate = evaluator.evaluate as Fn | undefined;
      if (typeof compileRules !== 'function' || typeof evaluate !== 'function' || typeof loadDocument !== 'function') {
        return { ok: false, error: 'the guardts evaluator does not provide compileRules / loadDocument / evaluate yet' };
      }
      try {
        const compiled = compileRules(policyText, { fileName: policyName }) as Loose;
        if (compiled.ok !== true) return { ok: false, error: `${policyName}: ${describe(compiled.diagnostics) || 'the rules do not compile'}` };
        const verdicts: PolicyVerdict[] = [];
        for (const [index, text] of documents.entries()) {
          const loaded = loadDocument(text, { fileName: `document-${index + 1}` }) as Loose;
          if (loaded.ok !== true) return { ok: false, error: `${policyName}: ${describe(loaded.error)}` };
          // The evaluator's own wall-clock bound keeps a pathological policy from hanging the emulator.
          const evaluated = evaluate(compiled.rules, loaded.document, { dataName: `document-${index + 1}`, deadlineMs: 30_000 }) as Loose;
          if (evaluated.ok !== true) return { ok: false, error: `${policyName}: ${describe(evaluated.error)}` };
          const report = (evaluated.report ?? {}) as Loose;
          const status = report.status as GuardStatus;
          if (!STATUSES.has(status)) return { ok: false, error: `${policyName}: the evaluator returned no status` };
          verdicts.push({ status, messages: status === 'FAIL' ? failureMessages(report.events) : [] });
        }
        return { ok: true, verdicts };
      } catch (error) {
        return { ok: false, error: `${policyName}: guardts evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(describe).filter((s) => s !== '').join('; ');
  if (value !== null && typeof value === 'object' && typeof (value as Loose).message === 'string') return (value as Loose).message as string;
  return '';
}

/** Custom messages first, then the evaluator's own explanations, from the failed checks of the event tree. */
function failureMessages(events: unknown): string[] {
  const custom: string[] = [];
  const other: string[] = [];
  let visited = 0;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || visited > 20_000 || node === null || typeof node !== 'object') return;
    visited += 1;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, depth + 1));
    const record = node as Loose;
    if (typeof record.customMessage === 'string' && record.customMessage.trim() !== '') custom.push(record.customMessage.trim());
    if (record.status === 'FAIL' && typeof record.message === 'string' && record.message.trim() !== '') other.push(record.message.trim());
    for (const [key, child] of Object.entries(record)) {
      // Values and spans hold document data, not messages.
      if (key !== 'value' && key !== 'span' && key !== 'from' && key !== 'to' && typeof child === 'object') visit(child, depth + 1);
    }
  };
  visit(events, 0);
  return [...new Set([...custom, ...other])].slice(0, 20);
}
