/**
 * Binary clauses (`==`, `in`, `<`, …): cfn-guard 3.1.1's `binary_operation` — the operators pair
 * the results (operators.ts), and each pairing outcome is recorded as a check.
 */
import type { CompiledAccessClause } from '../compile/ir.js';
import type { CheckedValue } from '../report/types.js';
import type { Value } from '../values/value.js';
import { EMPTY_RESULT, recordCheck, SUCCESS, tracedQuery, type EvaluationResult } from './clause-checks.js';
import { compareResults, countLiteralComparison, type ValueEvalResult } from './operators.js';
import type { EvalContext } from './scopes.js';

export function binaryOperation(clause: CompiledAccessClause, rhs: readonly CheckedValue[], context: EvalContext): EvaluationResult {
  const lhs = tracedQuery(context, clause.query, 'lhs', clause.span);
  const recording = context.state.recorder.enabled;
  if (!recording) {
    const counted = countLiteralComparison(lhs, rhs, clause.comparison);
    if (counted !== null) return counted;
  }
  const results = compareResults(lhs, rhs, clause.comparison);
  if (results === null) return EMPTY_RESULT.SKIP;
  // The records, one per checked value, only when a pass records them: a verdicts-only pass
  // builds none of their objects.
  if (recording) recordChecks(clause, results, context);
  return countResults(results);
}

/** How many checked values the pairings pass and fail: a `query in query` pairing checks each of its values. */
export function countResults(results: readonly ValueEvalResult[]): { passes: number; fails: number } {
  let passes = 0;
  let fails = 0;
  for (const each of results) {
    if (each.kind === 'success') passes += each.compare.kind === 'queryIn' ? each.compare.lhs.length : 1;
    else fails += each.kind === 'fail' && each.compare.kind === 'queryIn' ? each.compare.diff.length : 1;
  }
  return { passes, fails };
}

function recordChecks(clause: CompiledAccessClause, results: readonly ValueEvalResult[], context: EvalContext): void {
  const label = clause.context;
  const comparison = clause.comparison;
  const customMessage = clause.customMessage;
  const span = clause.span;
  const failed = (from: Value, to: CheckedValue | null, message: string | null = null): void => {
    recordCheck(context, label, { kind: 'Comparison', status: 'FAIL', message, customMessage, comparison, from: { kind: 'resolved', value: from }, to, span });
  };
  // Every value of a query `in` a query fails against the same right-hand side: the checks share
  // one copy of it (a cross product records n checks of n values each: n^2 objects otherwise).
  let sharedTo: { readonly values: readonly Value[]; readonly results: readonly CheckedValue[] } | null = null;
  const failedIn = (from: Value, to: readonly Value[]): void => {
    if (sharedTo?.values !== to) sharedTo = { values: to, results: to.map((value) => ({ kind: 'resolved', value })) };
    recordCheck(context, label, {
      kind: 'InComparison',
      status: 'FAIL',
      message: null,
      customMessage,
      comparison,
      from: { kind: 'resolved', value: from },
      to: sharedTo.results,
      span,
    });
  };
  for (const each of results) {
    switch (each.kind) {
      case 'lhsUnresolved':
        recordCheck(context, label, { kind: 'Comparison', status: 'FAIL', message: null, customMessage, comparison, from: each.unresolved, to: null, span });
        break;
      case 'rhsUnresolved':
        failed(each.lhs, each.unresolved);
        break;
      case 'notComparable':
        failed(each.lhs, { kind: 'resolved', value: each.rhs }, each.reason);
        break;
      case 'success': {
        const c = each.compare;
        const count = c.kind === 'queryIn' ? c.lhs.length : 1;
        for (let i = 0; i < count; i++) recordCheck(context, label, SUCCESS);
        break;
      }
      case 'fail': {
        const c = each.compare;
        if (c.kind === 'value') failed(c.lhs, { kind: 'resolved', value: c.rhs });
        else if (c.kind === 'valueIn') failedIn(c.lhs, [c.rhs]);
        else if (c.kind === 'listIn') failedIn(c.lhs, [c.rhs]);
        else for (const value of c.diff) failedIn(value, c.rhs);
        break;
      }
    }
  }
}
