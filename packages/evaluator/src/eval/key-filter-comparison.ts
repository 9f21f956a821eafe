/**
 * The comparison routine of key filters (`[ keys == … ]`): cfn-guard 3.1.1's
 * `real_binary_operation`, whose pairing differs from ordinary clauses (`==` against several values
 * becomes `in`, and `in` between strings is substring containment, §4.7).
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { CheckedValue, Comparison } from '../report/types.js';
import type { Value } from '../values/value.js';
import { recordCheck, SUCCESS, type Outcome } from './clause-checks.js';
import { compareEq, NotComparable } from './compare-values.js';
import { compareGe, compareGt, compareLe, compareLt } from './operators.js';
import type { EvalContext } from './scopes.js';

type PairOutcome =
  | { readonly kind: 'comparable'; readonly outcome: boolean; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'notComparable'; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'rhsUnresolved'; readonly lhs: Value; readonly rhs: CheckedValue };

type PairComparator = (lhs: Value, rhs: Value) => boolean | NotComparable;

function invertible(comparator: PairComparator, invert: boolean): PairComparator {
  if (!invert) return comparator;
  return (lhs, rhs) => {
    const r = comparator(lhs, rhs);
    return r instanceof NotComparable ? r : !r;
  };
}

function inComparator(notIn: boolean): PairComparator {
  return (lhs, rhs) => {
    if (lhs.kind === 'string' && rhs.kind === 'string') return rhs.value.includes(lhs.value) !== notIn;
    if (rhs.kind === 'list') {
      let found = false;
      for (const each of rhs.items) {
        const equal = compareEq(lhs, each);
        if (equal instanceof NotComparable) return equal;
        if (equal) found = true;
      }
      return found !== notIn;
    }
    const equal = compareEq(lhs, rhs);
    return equal instanceof NotComparable ? equal : equal !== notIn;
  };
}

/** `each_lhs_compare`: one LHS value against every RHS result, with the list/one-element retries. */
function eachLhsCompare(comparator: PairComparator, lhs: Value, rhs: readonly CheckedValue[]): PairOutcome[] {
  const outcomes: PairOutcome[] = [];
  for (const each of rhs) {
    if (each.kind === 'unresolved') {
      outcomes.push({ kind: 'rhsUnresolved', lhs, rhs: each });
      continue;
    }
    const r = each.value;
    const outcome = comparator(lhs, r);
    if (!(outcome instanceof NotComparable)) {
      outcomes.push({ kind: 'comparable', outcome, lhs, rhs: r });
      continue;
    }
    if (lhs.kind === 'list') {
      for (const element of lhs.items) {
        const inner = comparator(element, r);
        outcomes.push(inner instanceof NotComparable ? { kind: 'notComparable', lhs: element, rhs: r } : { kind: 'comparable', outcome: inner, lhs: element, rhs: r });
      }
      continue;
    }
    if (lhs.kind !== 'map' && each.kind === 'literal' && r.kind === 'list' && r.items.length === 1) {
      const single = r.items[0]!;
      const inner = comparator(lhs, single);
      outcomes.push(inner instanceof NotComparable ? { kind: 'notComparable', lhs, rhs: single } : { kind: 'comparable', outcome: inner, lhs, rhs: single });
      continue;
    }
    outcomes.push({ kind: 'notComparable', lhs, rhs: r });
  }
  return outcomes;
}

/** The comparison routine of key filters (`[ keys == … ]`), with its own pairing rules. */
export function realBinaryOperation(
  lhs: readonly CheckedValue[],
  rhs: readonly CheckedValue[],
  comparison: Comparison,
  label: string,
  customMessage: string | null,
  span: SourceSpan | null,
  context: EvalContext,
): Outcome[] {
  const effective: Comparison = comparison[0] === 'Eq' && rhs.length > 1 ? ['In', comparison[1]] : comparison;
  const [operator, negated] = effective;
  const outcomes: Outcome[] = [];
  for (const each of lhs) {
    if (each.kind === 'unresolved') {
      recordCheck(context, label, { kind: 'Comparison', status: 'FAIL', message: null, customMessage, comparison: effective, from: each, to: null, span });
      outcomes.push([each, 'FAIL']);
      continue;
    }
    const comparator: PairComparator =
      operator === 'Eq'
        ? invertible(compareEq, negated)
        : operator === 'Ge'
          ? invertible(compareGe, negated)
          : operator === 'Gt'
            ? invertible(compareGt, negated)
            : operator === 'Lt'
              ? invertible(compareLt, negated)
              : operator === 'Le'
                ? invertible(compareLe, negated)
                : inComparator(negated);
    const pairs = eachLhsCompare(comparator, each.value, rhs);
    if (operator === 'In') {
      // At least one RHS must match, per LHS value (values grouped as the reference does).
      const byLhs = new Map<Value, { found: boolean; to: CheckedValue[] }>();
      for (const pair of pairs) {
        if (pair.kind === 'rhsUnresolved' && pair.rhs.kind !== 'unresolved') continue;
        let entry = byLhs.get(pair.lhs);
        if (entry === undefined) byLhs.set(pair.lhs, (entry = { found: false, to: [] }));
        if (pair.kind === 'comparable' && pair.outcome) entry.found = true;
        entry.to.push(pair.kind === 'rhsUnresolved' ? pair.rhs : { kind: 'resolved', value: pair.rhs });
      }
      for (const [value, entry] of byLhs) {
        if (entry.found) recordCheck(context, label, SUCCESS);
        else
          recordCheck(context, label, {
            kind: 'InComparison',
            status: 'FAIL',
            message: null,
            customMessage,
            comparison: effective,
            from: { kind: 'resolved', value },
            to: entry.to,
            span,
          });
        outcomes.push([{ kind: 'resolved', value }, entry.found ? 'PASS' : 'FAIL']);
      }
    } else {
      for (const pair of pairs) {
        const pass = pair.kind === 'comparable' && pair.outcome;
        const to: CheckedValue = pair.kind === 'rhsUnresolved' ? pair.rhs : { kind: 'resolved', value: pair.rhs };
        recordCheck(
          context,
          label,
          pass ? SUCCESS : { kind: 'Comparison', status: 'FAIL', message: null, customMessage, comparison: effective, from: { kind: 'resolved', value: pair.lhs }, to, span },
        );
        outcomes.push([{ kind: 'resolved', value: pair.lhs }, pass ? 'PASS' : 'FAIL']);
      }
    }
  }
  return outcomes;
}
