/**
 * Unary clauses (`exists`, `empty`, `is_string`, …): cfn-guard 3.1.1's `unary_operation`, with its
 * special EMPTY mode on a lone variable or a filter (a test on the result list, §6.2).
 */
import type { CompiledAccessClause, CompiledPart } from '../compile/ir.js';
import type { CheckedValue, Comparison } from '../report/types.js';
import { abort } from './abort.js';
import { EMPTY_RESULT, recordCheck, SUCCESS, tracedQuery, type EvaluationResult } from './clause-checks.js';
import { typeInfo } from './compare-values.js';
import type { EvalContext } from './scopes.js';

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

export function unaryOperation(clause: CompiledAccessClause, context: EvalContext): EvaluationResult {
  const lhs = tracedQuery(context, clause.query, 'lhs', clause.span);
  const [operator, negated] = clause.comparison;
  const inverse = clause.negation;
  const label = clause.context;
  const custom = clause.customMessage;
  // Records only when the pass keeps them: a verdicts-only pass builds none of their objects.
  const recording = context.state.recorder.enabled;

  // Special EMPTY mode: about the result list, not the values (a resolved value is empty only if null).
  if (operator === 'Empty' && endsWithFilterOrIsLoneVariable(clause.query.parts)) {
    if (lhs.length === 0) {
      const pass = !negated !== inverse;
      if (recording) recordCheck(context, label, pass ? SUCCESS : { kind: 'NoValueForEmptyCheck', customMessage: custom, span: clause.span });
      return pass ? EMPTY_RESULT.PASS : EMPTY_RESULT.FAIL;
    }
    let passes = 0;
    for (const each of lhs) {
      const empty = each.kind === 'unresolved' || each.value.kind === 'null';
      const pass = (negated ? !empty : empty) !== inverse;
      if (pass) passes++;
      if (recording) {
        const result: CheckedValue = each.kind === 'literal' ? { kind: 'resolved', value: each.value } : each;
        recordCheck(
          context,
          label,
          pass ? SUCCESS : { kind: 'Unary', status: 'FAIL', comparison: clause.comparison, from: result, message: null, customMessage: custom, span: clause.span },
        );
      }
    }
    return { passes, fails: lhs.length - passes };
  }

  // A filter that selected nothing: nothing to check, whatever the operator.
  if (lhs.length === 0) return EMPTY_RESULT.SKIP;

  let passes = 0;
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
    if (result) passes++;
    if (recording) {
      recordCheck(
        context,
        label,
        result ? SUCCESS : { kind: 'Unary', status: 'FAIL', comparison: clause.comparison, from: each, message: null, customMessage: custom, span: clause.span },
      );
    }
  }
  return { passes, fails: lhs.length - passes };
}
