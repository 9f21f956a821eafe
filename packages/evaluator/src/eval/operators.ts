/**
 * Binary comparison algorithms of cfn-guard 3.1.1 (`eval/operators.rs`): how the LHS and RHS
 * result lists are paired for `==`, `in` and the orderings, and how `!=` / `not in` invert them.
 * The pairing depends on whether each side is a literal (§6.4, §6.5 of the spec), which is why
 * results carry the `literal` kind.
 */
import type { CheckedValue, Comparison } from '../report/types.js';
import type { UnresolvedResult } from '../values/query-result.js';
import type { ListValue, Value } from '../values/value.js';
import { compareEq, compareOrder, containsValue, isScalar, NotComparable } from './compare-values.js';
import { pathValueText } from '../compile/display.js';

export type Compare =
  | { readonly kind: 'value'; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'valueIn'; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'listIn'; readonly diff: readonly Value[]; readonly lhs: ListValue; readonly rhs: Value }
  | { readonly kind: 'queryIn'; readonly diff: readonly Value[]; readonly lhs: readonly Value[]; readonly rhs: readonly Value[] };

export type ValueEvalResult =
  | { readonly kind: 'lhsUnresolved'; readonly unresolved: UnresolvedResult }
  | { readonly kind: 'success'; readonly compare: Compare }
  | { readonly kind: 'fail'; readonly compare: Compare }
  | { readonly kind: 'notComparable'; readonly reason: string; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'rhsUnresolved'; readonly unresolved: UnresolvedResult; readonly lhs: Value };

type Comparator = (lhs: Value, rhs: Value) => boolean | NotComparable;

function selected(results: readonly CheckedValue[], onUnresolved: (u: UnresolvedResult) => void): Value[] {
  const values: Value[] = [];
  for (const each of results) {
    if (each.kind === 'unresolved') onUnresolved(each);
    else values.push(each.value);
  }
  return values;
}

function flattened(results: readonly CheckedValue[], onUnresolved: (u: UnresolvedResult) => void): Value[] {
  const values: Value[] = [];
  for (const each of results) {
    if (each.kind === 'unresolved') onUnresolved(each);
    else if (each.value.kind === 'list') values.push(...each.value.items);
    else values.push(each.value);
  }
  return values;
}

function isLiteral(results: readonly CheckedValue[]): Value | null {
  return results.length === 1 && results[0]!.kind === 'literal' ? results[0]!.value : null;
}

const success = (lhs: Value, rhs: Value): ValueEvalResult => ({ kind: 'success', compare: { kind: 'value', lhs, rhs } });
const fail = (lhs: Value, rhs: Value): ValueEvalResult => ({ kind: 'fail', compare: { kind: 'value', lhs, rhs } });

function notComparable(lhs: Value, rhs: Value, reason?: string): ValueEvalResult {
  return { kind: 'notComparable', lhs, rhs, reason: reason ?? `Type not comparable, ${pathValueText(lhs)}, ${pathValueText(rhs)}` };
}

function matchValue(lhs: Value, rhs: Value, comparator: Comparator): ValueEvalResult {
  const outcome = comparator(lhs, rhs);
  if (outcome instanceof NotComparable) return notComparable(lhs, rhs, outcome.reason);
  return outcome ? success(lhs, rhs) : fail(lhs, rhs);
}

function ordering(test: (order: -1 | 0 | 1) => boolean): Comparator {
  return (lhs, rhs) => {
    const order = compareOrder(lhs, rhs);
    return order instanceof NotComparable ? order : test(order);
  };
}

export const compareLt = ordering((o) => o < 0);
export const compareLe = ordering((o) => o <= 0);
export const compareGt = ordering((o) => o > 0);
export const compareGe = ordering((o) => o >= 0);

function commonOperation(lhs: readonly CheckedValue[], rhs: readonly CheckedValue[], comparator: Comparator): ValueEvalResult[] {
  const results: ValueEvalResult[] = [];
  const lhsValues = flattened(lhs, (u) => results.push({ kind: 'lhsUnresolved', unresolved: u }));
  const rhsValues = flattened(rhs, (u) => {
    for (const l of lhsValues) results.push({ kind: 'rhsUnresolved', unresolved: u, lhs: l });
  });
  for (const l of lhsValues) for (const r of rhsValues) results.push(matchValue(l, r, comparator));
  return results;
}

function stringIn(lhs: Value, rhs: Value): ValueEvalResult {
  if (lhs.kind === 'string' && rhs.kind === 'string') return rhs.value.includes(lhs.value) ? success(lhs, rhs) : fail(lhs, rhs);
  return notComparable(lhs, rhs);
}

function containedIn(lhs: Value, rhs: Value): ValueEvalResult {
  if (lhs.kind === 'list') {
    if (rhs.kind !== 'list') return notComparable(lhs, rhs, `Can not compare type ${pathValueText(lhs)}, ${pathValueText(rhs)}`);
    if (rhs.items.length > 0 && rhs.items[0]!.kind === 'list') {
      return containsValue(rhs.items, lhs)
        ? { kind: 'success', compare: { kind: 'listIn', diff: [], lhs, rhs } }
        : { kind: 'fail', compare: { kind: 'listIn', diff: [lhs], lhs, rhs } };
    }
    const diff = lhs.items.filter((each) => !containsValue(rhs.items, each));
    return { kind: diff.length === 0 ? 'success' : 'fail', compare: { kind: 'listIn', diff, lhs, rhs } };
  }
  if (rhs.kind === 'list') {
    return { kind: containsValue(rhs.items, lhs) ? 'success' : 'fail', compare: { kind: 'valueIn', lhs, rhs } };
  }
  return matchValue(lhs, rhs, compareEq);
}

function inOperation(lhs: readonly CheckedValue[], rhs: readonly CheckedValue[]): ValueEvalResult[] {
  const results: ValueEvalResult[] = [];
  const l = isLiteral(lhs);
  const r = isLiteral(rhs);
  if (l !== null && r !== null) {
    const first = stringIn(l, r);
    results.push(first.kind === 'success' ? first : containedIn(l, r));
  } else if (l !== null) {
    const rhsValues = selected(rhs, (u) => results.push({ kind: 'rhsUnresolved', unresolved: u, lhs: l }));
    if (rhsValues.some((v) => v.kind === 'list')) {
      for (const each of rhsValues) results.push(containedIn(l, each));
    } else if (l.kind === 'list') {
      const diff = l.items.filter((each) => !containsValue(rhsValues, each));
      results.push({ kind: diff.length === 0 ? 'success' : 'fail', compare: { kind: 'queryIn', diff, rhs: rhsValues, lhs: [l] } });
    } else {
      for (const each of rhsValues) results.push(containedIn(l, each));
    }
  } else if (r !== null) {
    for (const each of selected(lhs, (u) => results.push({ kind: 'lhsUnresolved', unresolved: u }))) {
      if (r.kind === 'string') {
        if (each.kind === 'list') for (const element of each.items) results.push(stringIn(element, r));
        else results.push(stringIn(each, r));
      } else {
        results.push(containedIn(each, r));
      }
    }
  } else {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'lhsUnresolved', unresolved: u }));
    const rhsValues = selected(rhs, (u) => {
      for (const each of lhsValues) results.push({ kind: 'rhsUnresolved', unresolved: u, lhs: each });
    });
    const diff: Value[] = [];
    for (const each of lhsValues) {
      if (!rhsValues.some((candidate) => containedIn(each, candidate).kind === 'success')) diff.push(each);
    }
    results.push({ kind: diff.length === 0 ? 'success' : 'fail', compare: { kind: 'queryIn', diff, lhs: lhsValues, rhs: rhsValues } });
  }
  return results;
}

function eqOperation(lhs: readonly CheckedValue[], rhs: readonly CheckedValue[]): ValueEvalResult[] {
  const results: ValueEvalResult[] = [];
  const l = isLiteral(lhs);
  const r = isLiteral(rhs);
  if (l !== null && r !== null) {
    results.push(matchValue(l, r, compareEq));
  } else if (l !== null) {
    const rhsValues = selected(rhs, (u) => results.push({ kind: 'rhsUnresolved', unresolved: u, lhs: l }));
    if (l.kind === 'list') {
      for (const each of rhsValues) results.push(matchValue(l, each, compareEq));
    } else {
      for (const each of rhsValues) {
        if (each.kind === 'list') for (const element of each.items) results.push(matchValue(l, element, compareEq));
        else results.push(matchValue(l, each, compareEq));
      }
    }
  } else if (r !== null) {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'lhsUnresolved', unresolved: u }));
    if (r.kind === 'list') {
      for (const each of lhsValues) {
        if (isScalar(each) && r.items.length === 1) results.push(matchValue(each, r.items[0]!, compareEq));
        else results.push(matchValue(each, r, compareEq));
      }
    } else {
      for (const each of lhsValues) {
        if (each.kind === 'list') for (const element of each.items) results.push(matchValue(element, r, compareEq));
        else results.push(matchValue(each, r, compareEq));
      }
    }
  } else {
    const lhsValues = selected(lhs, (u) => results.push({ kind: 'lhsUnresolved', unresolved: u }));
    const rhsValues = selected(rhs, (u) => {
      for (const each of lhsValues) results.push({ kind: 'rhsUnresolved', unresolved: u, lhs: each });
    });
    const diff =
      lhsValues.length > rhsValues.length
        ? lhsValues.filter((e) => !containsValue(rhsValues, e))
        : rhsValues.filter((e) => !containsValue(lhsValues, e));
    results.push({ kind: diff.length === 0 ? 'success' : 'fail', compare: { kind: 'queryIn', diff, lhs: lhsValues, rhs: rhsValues } });
  }
  return results;
}

/** `!=` / `not in`: every comparable outcome inverted; set outcomes recomputed as the reference does. */
function negate(result: ValueEvalResult): ValueEvalResult {
  if (result.kind === 'fail') {
    const c = result.compare;
    if (c.kind === 'queryIn') {
      const reverse = c.lhs.filter((each) => !containsValue(c.diff, each));
      return { kind: reverse.length === 0 ? 'success' : 'fail', compare: { kind: 'queryIn', diff: reverse, lhs: c.lhs, rhs: c.rhs } };
    }
    if (c.kind === 'listIn') {
      const reverse = c.lhs.items.filter((each) => !containsValue(c.diff, each));
      return { kind: reverse.length === 0 ? 'success' : 'fail', compare: { kind: 'listIn', diff: reverse, lhs: c.lhs, rhs: c.rhs } };
    }
    return { kind: 'success', compare: c };
  }
  if (result.kind === 'success') {
    const c = result.compare;
    if (c.kind === 'queryIn') return { kind: 'fail', compare: { kind: 'queryIn', diff: [...c.lhs], lhs: c.lhs, rhs: c.rhs } };
    if (c.kind === 'listIn') return { kind: 'fail', compare: { kind: 'listIn', diff: [...c.lhs.items], lhs: c.lhs, rhs: c.rhs } };
    return { kind: 'fail', compare: c };
  }
  return result;
}

/** `null` means SKIP: one side produced no result at all. */
export function compareResults(
  lhs: readonly CheckedValue[],
  rhs: readonly CheckedValue[],
  [operator, negated]: Comparison,
): ValueEvalResult[] | null {
  if (lhs.length === 0 || rhs.length === 0) return null;
  let results: ValueEvalResult[];
  switch (operator) {
    case 'Eq':
      results = eqOperation(lhs, rhs);
      break;
    case 'In':
      results = inOperation(lhs, rhs);
      break;
    case 'Lt':
      results = commonOperation(lhs, rhs, compareLt);
      break;
    case 'Gt':
      results = commonOperation(lhs, rhs, compareGt);
      break;
    case 'Le':
      results = commonOperation(lhs, rhs, compareLe);
      break;
    case 'Ge':
      results = commonOperation(lhs, rhs, compareGe);
      break;
    default:
      throw new Error(`operator ${operator} is not binary`);
  }
  return negated ? results.map(negate) : results;
}

/**
 * For the commonest clause shape — `query == literal` or `query in literal`, the literal not a
 * list of lists — how many checked values pass and fail, as `countResults(compareResults(…))`
 * counts them, without building one result object per value: a verdicts-only pass needs nothing
 * more. Null for any other shape (or a value that the generic pairing treats as a whole list).
 */
export function countLiteralComparison(lhs: readonly CheckedValue[], rhs: readonly CheckedValue[], [operator, negated]: Comparison): { passes: number; fails: number } | null {
  if ((operator !== 'Eq' && operator !== 'In') || lhs.length === 0) return null;
  const r = isLiteral(rhs);
  if (r === null || isLiteral(lhs) !== null) return null;
  if (operator === 'Eq' ? r.kind === 'list' : r.kind !== 'string' && !isFlatList(r)) return null;
  /** true / false, or null when not comparable: as `eqOperation`'s matchValue, `stringIn`, `containedIn` pair them. */
  const compare = (value: Value): boolean | null => {
    if (operator === 'Eq') {
      const outcome = compareEq(value, r);
      return outcome instanceof NotComparable ? null : outcome;
    }
    if (r.kind === 'string') return value.kind === 'string' ? r.value.includes(value.value) : null;
    return containsValue((r as ListValue).items, value);
  };
  let passes = 0;
  let fails = 0;
  const check = (value: Value): void => {
    // Not comparable fails either way; `!=` and `not in` invert the comparable outcomes.
    const outcome = compare(value);
    if (outcome !== null && outcome !== negated) passes++;
    else fails++;
  };
  for (const each of lhs) {
    if (each.kind === 'unresolved') fails++;
    else if (each.value.kind === 'list') {
      // `in` a list compares a list value as a whole (containedIn's listIn): not counted here.
      if (operator === 'In' && r.kind !== 'string') return null;
      for (const element of each.value.items) check(element);
    } else check(each.value);
  }
  return { passes, fails };
}

function isFlatList(value: Value): value is ListValue {
  return value.kind === 'list' && (value.items.length === 0 || value.items[0]!.kind !== 'list');
}
