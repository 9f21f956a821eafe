/**
 * What a built-in function returns: its values (as resolved results) or a runtime error. Errors
 * are values; the evaluator turns them into cfn-guard's exit 255.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { EvaluationError, EvaluationErrorCode } from '../values/evaluation-error.js';
import type { QueryResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';

export type FunctionResult =
  | { readonly ok: true; readonly results: QueryResult[] }
  | { readonly ok: false; readonly error: EvaluationError };

export function succeed(values: readonly Value[]): FunctionResult {
  return { ok: true, results: values.map((value) => ({ kind: 'resolved', value })) };
}

export function fail(code: EvaluationErrorCode, message: string, span: SourceSpan | null): FunctionResult {
  return { ok: false, error: { code, message, span } };
}
