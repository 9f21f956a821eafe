/**
 * A runtime error: evaluation stops and the command exits 255, as cfn-guard does. Errors are
 * values returned by the functions that detect them, not exceptions, so that callers decide.
 */
import type { SourceSpan } from '@guardts/guard-parser';

export type EvaluationErrorCode =
  | 'unknown-variable'
  | 'unknown-rule'
  | 'unknown-function'
  | 'function-arity'
  | 'function-argument'
  | 'function-failed'
  | 'parameterized-rule-arity'
  | 'not-applicable-operator'
  | 'interpolation-key-type'
  | 'type-block-without-resources'
  | 'filter-on-map-after-index'
  | 'rule-recursion'
  | 'regex-invalid'
  | 'deadline-exceeded'
  | 'depth-exceeded'
  /** The event tree of one evaluation held more records than `maxChecks` allows. */
  | 'checks-exceeded'
  /** The JavaScript heap was nearly full while recording the event tree (see `heapFraction`). */
  | 'memory-exceeded'
  | 'internal';

export interface EvaluationError {
  readonly code: EvaluationErrorCode;
  readonly message: string;
  /** The rules-file span of the construct that failed, when there is one. */
  readonly span: SourceSpan | null;
}
