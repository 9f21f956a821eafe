/**
 * What clause evaluation produces and records: one outcome per checked value, and one
 * `ClauseValueCheck` record per value (a success, or the failed check with what was compared).
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { CheckedValue, ClauseCheck, Status } from '../report/types.js';
import type { EvalContext } from './scopes.js';

export type Outcome = readonly [CheckedValue, 'PASS' | 'FAIL'];
/** Either "no value to check" with a fixed status, or one outcome per checked value. */
export type EvaluationResult = { readonly empty: Status } | { readonly outcomes: Outcome[] };

export function recordCheck(context: EvalContext, label: string, check: ClauseCheck): void {
  if (!context.state.recorder.enabled) return;
  context.startRecord(label);
  context.endRecord({ kind: 'ClauseValueCheck', check });
}

export const SUCCESS: ClauseCheck = { kind: 'Success' };

export function traceQuery(context: EvalContext, span: SourceSpan, results: readonly CheckedValue[]): void {
  const trace = context.state.trace;
  if (trace === null) return;
  trace.push({
    kind: 'query',
    span,
    contextPath: context.root().path,
    results: results.map((r) => (r.kind === 'literal' ? { kind: 'resolved', value: r.value } : r)),
  });
}
