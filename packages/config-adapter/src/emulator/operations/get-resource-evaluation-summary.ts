/** GetResourceEvaluationSummary: every call counts as a poll towards completion. */
import { AwsError } from '../aws-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { rollUp, statusOf } from '../evaluation-store.js';
import { asString, type JsonObject } from '../input-checks.js';

export function getResourceEvaluationSummary(input: JsonObject, context: EmulatorContext): JsonObject {
  const id = asString(input.ResourceEvaluationId, 'resourceEvaluationId', { min: 1, max: 128, required: true })!;
  const record = context.evaluations.get(id);
  if (record === undefined) throw new AwsError('ResourceNotFoundException', `The resource evaluation ${id} does not exist.`);
  record.polls += 1;
  const state = statusOf(record, context.completion, Date.now());
  return {
    ResourceEvaluationId: record.id,
    EvaluationMode: 'PROACTIVE',
    EvaluationStatus: state.status === 'FAILED' ? { Status: 'FAILED', FailureReason: state.reason } : { Status: state.status },
    EvaluationStartTimestamp: record.startedAt / 1000,
    ...(state.status === 'SUCCEEDED' ? { Compliance: rollUp(state.results) } : {}),
    ...(record.evaluationContext !== undefined ? { EvaluationContext: record.evaluationContext } : {}),
    ResourceDetails: record.resourceDetails,
  };
}
