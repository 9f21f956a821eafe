/**
 * Clause evaluation (cfn-guard 3.1.1 `eval.rs`: `unary_operation`, `binary_operation`,
 * `real_binary_operation`, `eval_guard_access_clause`, `eval_guard_named_clause`): each clause
 * yields PASS/FAIL/SKIP and records one check per value it looked at.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { CompiledAccessClause, CompiledPart, CompiledRuleReference } from '../compile/ir.js';
import type { CheckedValue, ClauseCheck, Comparison, Status } from '../report/types.js';
import type { Value } from '../values/value.js';
import { abort, withSpan } from './abort.js';
import { compareEq, NOT_COMPARABLE, typeInfo } from './compare-values.js';
import { resolveFunction } from './functions-bridge.js';
import { compareGe, compareGt, compareLe, compareLt, compareResults, type ValueEvalResult } from './operators.js';
import type { EvalContext } from './scopes.js';

type Outcome = readonly [CheckedValue, 'PASS' | 'FAIL'];
/** Either "no value to check" with a fixed status, or one outcome per checked value. */
type EvaluationResult = { readonly empty: Status } | { readonly outcomes: Outcome[] };

function recordCheck(context: EvalContext, label: string, check: ClauseCheck): void {
  if (!context.state.recorder.enabled) return;
  context.startRecord(label);
  context.endRecord({ kind: 'ClauseValueCheck', check });
}

const SUCCESS: ClauseCheck = { kind: 'Success' };

// ------------------------------------------------------------------ unary

function unaryTest(operator: Comparison[0], value: CheckedValue): boolean {
  if (value.kind === 'unresolved') return operator === 'Empty';
  const v = value.value;
  switch (operator) {
    case 'Exists':
      return true;
    case 'Empty':
      switch (v.kind) {
        case 'list':
          return v.items.length === 0;
        case 'map':
          return v.entries.size === 0;
        case 'string':
          return v.value.length === 0;
        case 'bool':
          return false;
        default:
          return abort('not-applicable-operator', `Attempting EMPTY operation on type ${typeInfo(v)} that does not support it at ${v.path}`);
      }
    case 'IsString':
      return v.kind === 'string';
    case 'IsList':
      return v.kind === 'list';
    case 'IsMap':
      return v.kind === 'map';
    case 'IsInt':
      return v.kind === 'int';
    case 'IsFloat':
      return v.kind === 'float';
    case 'IsBool':
      return v.kind === 'bool';
    case 'IsNull':
      return v.kind === 'null';
    default:
      throw new Error(`operator ${operator} is not unary`);
  }
}

function endsWithFilterOrIsLoneVariable(parts: readonly CompiledPart[]): boolean {
  const last = parts[parts.length - 1]!;
  if (last.kind === 'filter' || last.kind === 'keysFilter') return true;
  return last.kind === 'variable' && parts.length === 1;
}

function unaryOperation(clause: CompiledAccessClause, context: EvalContext): EvaluationResult {
  const lhs = context.query(clause.query.parts);
  traceQuery(context, clause.query.span, lhs);
  const [operator, negated] = clause.comparison;
  const inverse = clause.negation;
  const label = clause.context;
  const custom = clause.customMessage;

  // Special EMPTY mode: about the result list, not the values (a resolved value is empty only if null).
  if (operator === 'Empty' && endsWithFilterOrIsLoneVariable(clause.query.parts)) {
    if (lhs.length === 0) {
      const pass = !negated !== inverse;
      recordCheck(context, label, pass ? SUCCESS : { kind: 'NoValueForEmptyCheck', customMessage: custom, span: clause.span });
      return { empty: pass ? 'PASS' : 'FAIL' };
    }
    const outcomes: Outcome[] = [];
    for (const each of lhs) {
      const empty = each.kind === 'unresolved' || each.value.kind === 'null';
      const pass = (negated ? !empty : empty) !== inverse;
      const result: CheckedValue = each.kind === 'literal' ? { kind: 'resolved', value: each.value } : each;
      recordCheck(
        context,
        label,
        pass ? SUCCESS : { kind: 'Unary', status: 'FAIL', comparison: clause.comparison, from: result, message: null, customMessage: custom, span: clause.span },
      );
      outcomes.push([result, pass ? 'PASS' : 'FAIL']);
    }
    return { outcomes };
  }

  // A filter that selected nothing: nothing to check, whatever the operator.
  if (lhs.length === 0) return { empty: 'SKIP' };

  const outcomes: Outcome[] = [];
  for (const each of lhs) {
    let result: boolean;
    try {
      result = unaryTest(operator, each);
    } catch (error) {
      recordCheck(context, label, {
        kind: 'Unary',
        status: 'FAIL',
        comparison: clause.comparison,
        from: each,
        message: error instanceof Error ? error.message : String(error),
        customMessage: custom,
        span: clause.span,
      });
      throw error;
    }
    if (negated) result = !result;
    if (inverse) result = !result;
    recordCheck(
      context,
      label,
      result ? SUCCESS : { kind: 'Unary', status: 'FAIL', comparison: clause.comparison, from: each, message: null, customMessage: custom, span: clause.span },
    );
    outcomes.push([each, result ? 'PASS' : 'FAIL']);
  }
  return { outcomes };
}

// ------------------------------------------------------------------ binary

function binaryOperation(clause: CompiledAccessClause, rhs: readonly CheckedValue[], context: EvalContext): EvaluationResult {
  const lhs = context.query(clause.query.parts);
  traceQuery(context, clause.query.span, lhs);
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
  const failedIn = (from: Value, to: readonly Value[]): void => {
    recordCheck(context, label, {
      kind: 'InComparison',
      status: 'FAIL',
      message: null,
      customMessage,
      comparison,
      from: { kind: 'resolved', value: from },
      to: to.map((value) => ({ kind: 'resolved', value })),
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

type PairOutcome =
  | { readonly kind: 'comparable'; readonly outcome: boolean; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'notComparable'; readonly lhs: Value; readonly rhs: Value }
  | { readonly kind: 'rhsUnresolved'; readonly lhs: Value; readonly rhs: CheckedValue };

type PairComparator = (lhs: Value, rhs: Value) => boolean | typeof NOT_COMPARABLE;

function invertible(comparator: PairComparator, invert: boolean): PairComparator {
  if (!invert) return comparator;
  return (lhs, rhs) => {
    const r = comparator(lhs, rhs);
    return r === NOT_COMPARABLE ? r : !r;
  };
}

function inComparator(notIn: boolean): PairComparator {
  return (lhs, rhs) => {
    if (lhs.kind === 'string' && rhs.kind === 'string') return rhs.value.includes(lhs.value) !== notIn;
    if (rhs.kind === 'list') {
      let found = false;
      for (const each of rhs.items) {
        const equal = compareEq(lhs, each);
        if (equal === NOT_COMPARABLE) return NOT_COMPARABLE;
        if (equal) found = true;
      }
      return found !== notIn;
    }
    const equal = compareEq(lhs, rhs);
    return equal === NOT_COMPARABLE ? equal : equal !== notIn;
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
    if (outcome !== NOT_COMPARABLE) {
      outcomes.push({ kind: 'comparable', outcome, lhs, rhs: r });
      continue;
    }
    if (lhs.kind === 'list') {
      for (const element of lhs.items) {
        const inner = comparator(element, r);
        outcomes.push(inner === NOT_COMPARABLE ? { kind: 'notComparable', lhs: element, rhs: r } : { kind: 'comparable', outcome: inner, lhs: element, rhs: r });
      }
      continue;
    }
    if (lhs.kind !== 'map' && each.kind === 'literal' && r.kind === 'list' && r.items.length === 1) {
      const single = r.items[0]!;
      const inner = comparator(lhs, single);
      outcomes.push(inner === NOT_COMPARABLE ? { kind: 'notComparable', lhs, rhs: single } : { kind: 'comparable', outcome: inner, lhs, rhs: single });
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

// ------------------------------------------------------------------ clause wrappers

function rhsResults(clause: CompiledAccessClause, context: EvalContext): CheckedValue[] {
  const rhs = clause.rhs;
  if (rhs === null) return abort('internal', `clause ${clause.context} has no right-hand side`, clause.span);
  if (rhs.kind === 'literal') return [{ kind: 'literal', value: rhs.value }];
  if (rhs.kind === 'query') {
    const results = context.query(rhs.query.parts);
    traceQuery(context, rhs.query.span, results);
    return results;
  }
  return resolveFunction(rhs, context);
}

export function evaluateAccessClause(clause: CompiledAccessClause, context: EvalContext): Status {
  context.state.tick();
  const all = clause.query.matchAll;
  const blockLabel = `GuardAccessClause#block${clause.context}`;
  context.startRecord(blockLabel);
  let result: EvaluationResult;
  try {
    result = clause.unary ? unaryOperation(clause, context) : binaryOperation(clause, rhsResults(clause, context), context);
  } catch (error) {
    context.endRecord({
      kind: 'GuardClauseBlockCheck',
      block: { status: 'FAIL', atLeastOneMatches: !all, message: `Error ${error instanceof Error ? error.message : String(error)} when handling clause, bailing` },
    });
    return withSpan(error, clause.span);
  }
  if ('empty' in result) {
    context.endRecord({ kind: 'GuardClauseBlockCheck', block: { status: result.empty, atLeastOneMatches: all, message: null } });
    return result.empty;
  }
  let fails = 0;
  let passes = 0;
  for (const [, status] of result.outcomes) {
    if (status === 'PASS') passes++;
    else fails++;
  }
  const status: Status = all ? (fails > 0 ? 'FAIL' : 'PASS') : passes > 0 ? 'PASS' : 'FAIL';
  context.endRecord({ kind: 'GuardClauseBlockCheck', block: { status, atLeastOneMatches: !all, message: null } });
  return status;
}

/** A named-rule reference: PASS -> PASS, FAIL or SKIP -> FAIL (inverted by `not`). */
export function evaluateRuleReference(clause: CompiledRuleReference, context: EvalContext): Status {
  context.state.tick();
  context.startRecord(clause.context);
  let referenced: Status;
  try {
    referenced = context.ruleStatus(clause.name, clause.span);
  } catch (error) {
    context.endRecord({
      kind: 'ClauseValueCheck',
      check: {
        kind: 'DependentRule',
        rule: clause.name,
        status: 'FAIL',
        message: `${clause.context} failed due to error ${error instanceof Error ? error.message : String(error)}`,
        customMessage: clause.customMessage,
        span: clause.span,
      },
    });
    return withSpan(error, clause.span);
  }
  const status: Status = (referenced === 'PASS') !== clause.negation ? 'PASS' : 'FAIL';
  context.endRecord({
    kind: 'ClauseValueCheck',
    check:
      status === 'PASS'
        ? SUCCESS
        : { kind: 'DependentRule', rule: clause.name, status: 'FAIL', message: null, customMessage: clause.customMessage, span: clause.span },
  });
  return status;
}

function traceQuery(context: EvalContext, span: SourceSpan, results: readonly CheckedValue[]): void {
  const trace = context.state.trace;
  if (trace === null) return;
  trace.push({
    kind: 'query',
    span,
    contextPath: context.root().path,
    results: results.map((r) => (r.kind === 'literal' ? { kind: 'resolved', value: r.value } : r)),
  });
}

export type { ValueEvalResult };
