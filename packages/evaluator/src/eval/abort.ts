/**
 * A runtime error unwinding the evaluation. Inside the evaluator a failure deep in a query or a
 * nested rule must stop everything (cfn-guard exits 255), so it travels as this exception; the
 * public `evaluate` catches it and returns the `EvaluationError` value — callers never see a throw.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { EvaluationError, EvaluationErrorCode } from '../values/evaluation-error.js';

export class EvaluationAbort extends Error {
  constructor(readonly error: EvaluationError) {
    super(error.message);
  }
}

export function abort(code: EvaluationErrorCode, message: string, span: SourceSpan | null = null): never {
  throw new EvaluationAbort({ code, message, span });
}

/** Gives a span-less error the span of the construct being evaluated, then rethrows it. */
export function withSpan(error: unknown, span: SourceSpan): never {
  if (error instanceof EvaluationAbort && error.error.span === null) {
    throw new EvaluationAbort({ ...error.error, span });
  }
  throw error;
}
