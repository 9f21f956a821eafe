/**
 * Function calls (`resolve_function` in cfn-guard's eval_context.rs): the name and the number of
 * arguments are checked when the call is evaluated, before its arguments; every argument is then
 * evaluated in the caller's context into a result list and the built-in (src/functions) maps them.
 */
import type { CompiledCall } from '../compile/ir.js';
import { callFunction } from '../functions/call-function.js';
import { FUNCTION_ARITY } from '../functions/function-table.js';
import type { CheckedValue } from '../report/types.js';
import type { QueryResult } from '../values/query-result.js';
import { abort, EvaluationAbort } from './abort.js';
import type { EvalContext } from './scopes.js';

export function resolveFunction(call: CompiledCall, context: EvalContext): CheckedValue[] {
  const expected = Object.hasOwn(FUNCTION_ARITY, call.name) ? FUNCTION_ARITY[call.name] : undefined;
  if (expected === undefined) return abort('unknown-function', `no such function named ${call.name} exists`, call.span);
  if (expected !== call.args.length) {
    return abort('function-arity', `${call.name} function requires ${expected} arguments be passed, but received ${call.args.length}`, call.span);
  }
  const args: QueryResult[][] = call.args.map((arg) => {
    if (arg.kind === 'literal') return [{ kind: 'resolved', value: arg.value }];
    const results = arg.kind === 'query' ? context.query(arg.query.parts) : resolveFunction(arg, context);
    return results.map((r) => (r.kind === 'literal' ? { kind: 'resolved', value: r.value } : r));
  });
  const outcome = callFunction(call.name, args, call.span);
  if (!outcome.ok) throw new EvaluationAbort(outcome.error);
  return outcome.results;
}
