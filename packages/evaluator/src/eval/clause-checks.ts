/**
 * What clause evaluation produces and records: one outcome per checked value, and one
 * `ClauseValueCheck` record per value (a success, or the failed check with what was compared).
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { CompiledPart, CompiledQuery } from '../compile/ir.js';
import type { Value } from '../values/value.js';
import type { QueryRole } from '../report/explain-model.js';
import type { CheckedValue, ClauseCheck, Status } from '../report/types.js';
import type { EvalContext } from './scopes.js';

export type Outcome = readonly [CheckedValue, 'PASS' | 'FAIL'];
/**
 * Either "no value to check" with a fixed status, or how many checked values passed and failed
 * (all a clause's status needs; the values themselves are in the records).
 */
export type EvaluationResult = { readonly empty: Status } | { readonly passes: number; readonly fails: number };

/** A clause's status from its counts: every value must pass (`matchAll`), or one (`some`). */
export function statusOfCounts(counts: { readonly passes: number; readonly fails: number }, matchAll: boolean): Status {
  if (matchAll) return counts.fails > 0 ? 'FAIL' : 'PASS';
  return counts.passes > 0 ? 'PASS' : 'FAIL';
}

/** The results of "no value to check", one per status: clauses return them at every evaluation. */
export const EMPTY_RESULT: { readonly [S in Status]: EvaluationResult } = { PASS: { empty: 'PASS' }, FAIL: { empty: 'FAIL' }, SKIP: { empty: 'SKIP' } };

export function recordCheck(context: EvalContext, label: string, check: ClauseCheck): void {
  if (!context.state.recorder.enabled) return;
  context.startRecord(label);
  context.endRecord({ kind: 'ClauseValueCheck', check });
}

export const SUCCESS: ClauseCheck = { kind: 'Success' };

/** `context.query`, noting the query step by step in the `--explain` trace when one is recorded. */
export function tracedQuery(context: EvalContext, query: CompiledQuery, role: QueryRole, clauseSpan: SourceSpan | null): CheckedValue[] {
  const trace = context.state.trace;
  if (trace === null || trace.paused) return context.query(query.parts);
  trace.beginQuery();
  let results: CheckedValue[];
  try {
    results = context.query(query.parts);
  } catch (error) {
    trace.abandonQuery();
    throw error;
  }
  let reached: Value[][];
  try {
    reached = trace.quietly(() => prefixValues(context, query.parts));
  } catch {
    // Only the explanation's steps are lost (a deadline met while re-resolving, say); the verdict stands.
    reached = [[context.root()]];
  }
  trace.endQuery(role, query, clauseSpan, context.root(), results, reached);
  return results;
}

/**
 * What reached each part of a query: `[start, values of parts[0..1), values of parts[0..2), …]`.
 * Resolving a prefix repeats work the whole query already did (filters, variables, rule
 * statuses are cached or deterministic), so it changes nothing; it runs paused, recording nothing.
 */
function prefixValues(context: EvalContext, parts: readonly CompiledPart[]): Value[][] {
  const reached: Value[][] = [[context.root()]];
  for (let length = 1; length < parts.length; length++) {
    reached.push(context.query(parts.slice(0, length)).flatMap((result) => (result.kind === 'unresolved' ? [] : [result.value])));
  }
  return reached;
}
