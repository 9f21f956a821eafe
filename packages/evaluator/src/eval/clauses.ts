/**
 * Clause evaluation (cfn-guard 3.1.1 `eval.rs`: `eval_guard_access_clause`,
 * `eval_guard_named_clause`): each clause yields PASS/FAIL/SKIP from its per-value outcomes.
 */
import type { CompiledAccessClause, CompiledRuleReference } from '../compile/ir.js';
import type { CheckedValue, Status } from '../report/types.js';
import { abort, withSpan } from './abort.js';
import { binaryOperation } from './binary-clause.js';
import { statusOfCounts, SUCCESS, tracedQuery, type EvaluationResult } from './clause-checks.js';
import { resolveFunction } from './functions-bridge.js';
import type { EvalContext } from './scopes.js';
import { unaryOperation } from './unary-clause.js';

function rhsResults(clause: CompiledAccessClause, context: EvalContext): CheckedValue[] {
  const rhs = clause.rhs;
  if (rhs === null) return abort('internal', `clause ${clause.context} has no right-hand side`, clause.span);
  if (rhs.kind === 'literal') return [{ kind: 'literal', value: rhs.value }];
  if (rhs.kind === 'query') return tracedQuery(context, rhs.query, 'rhs', clause.span);
  return resolveFunction(rhs, context);
}

export function evaluateAccessClause(clause: CompiledAccessClause, context: EvalContext): Status {
  context.state.tick();
  const all = clause.query.matchAll;
  const recording = context.state.recorder.enabled;
  if (recording) context.startRecord(`GuardAccessClause#block${clause.context}`);
  let result: EvaluationResult;
  try {
    result = clause.unary ? unaryOperation(clause, context) : binaryOperation(clause, rhsResults(clause, context), context);
  } catch (error) {
    if (recording) context.endRecord({
      kind: 'GuardClauseBlockCheck',
      block: { status: 'FAIL', atLeastOneMatches: !all, message: `Error ${error instanceof Error ? error.message : String(error)} when handling clause, bailing` },
    });
    return withSpan(error, clause.span);
  }
  if ('empty' in result) {
    if (recording) context.endRecord({ kind: 'GuardClauseBlockCheck', block: { status: result.empty, atLeastOneMatches: all, message: null } });
    return result.empty;
  }
  const status = statusOfCounts(result, all);
  if (recording) context.endRecord({ kind: 'GuardClauseBlockCheck', block: { status, atLeastOneMatches: !all, message: null } });
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
