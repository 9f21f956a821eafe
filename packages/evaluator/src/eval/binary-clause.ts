/**
 * Binary clauses (`==`, `in`, `<`, …): cfn-guard 3.1.1's `binary_operation` — the operators pair
 * the results (operators.ts), and each pairing outcome is recorded as a check.
 */
import type { CompiledAccessClause } from '../compile/ir.js';
import type { CheckedValue } from '../report/types.js';
import type { Value } from '../values/value.js';
import { recordCheck, SUCCESS, tracedQuery, type EvaluationResult, type Outcome } from './clause-checks.js';
import { compareResults } from './operators.js';
import type { EvalContext } from './scopes.js';

export function binaryOperation(clause: CompiledAccessClause, rhs: readonly CheckedValue[], context: EvalContext): EvaluationResult {
  const lhs = tracedQuery(context, clause.query, 'lhs', clause.span);
  const results = compareResults(lhs, rhs, clause.comparison);
  if (results === null) return { empty: 'SKIP' };
  const label = clause.context;
  const comparison = clause.comparison;
  const customMessage = clause.customMessage;
  const span = clause.span;
  const outcomes: Outcome[] = [];
  const failed = (from: Value, to: CheckedValue | null, message: string | null = null): void => {
    recordCheck(context, label, { kind: 'Comparison', status: 'FAIL', message, customMessage, comparison, from: { kind: 'resolved', value: from }, to, span });
    outcomes.push([{ kind: 'resolved', value: from }, 'FAIL']);
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
    outcomes.push([{ kind: 'resolved', value: from }, 'FAIL']);
  };
  const passed = (value: Value): void => {
    recordCheck(context, label, SUCCESS);
    outcomes.push([{ kind: 'resolved', value }, 'PASS']);
  };
  for (const each of results) {
    switch (each.kind) {
      case 'lhsUnresolved':
        recordCheck(context, label, { kind: 'Comparison', status: 'FAIL', message: null, customMessage, comparison, from: each.unresolved, to: null, span });
        outcomes.push([each.unresolved, 'FAIL']);
        break;
      case 'rhsUnresolved':
        failed(each.lhs, each.unresolved);
        break;
      case 'notComparable':
        failed(each.lhs, { kind: 'resolved', value: each.rhs }, each.reason);
        break;
      case 'success': {
        const c = each.compare;
        if (c.kind === 'queryIn') for (const value of c.lhs) passed(value);
        else passed(c.lhs);
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
  return { outcomes };
}
