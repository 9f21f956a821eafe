/** ListResourceEvaluations: newest first, `Limit` 0–100 (0 means 10), filters by context and time window. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../client/client-token.js';
import { AwsError } from '../aws-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { asInteger, asObject, asString, asTimestamp, type JsonObject } from '../input-checks.js';
import { decodePageToken, encodePageToken } from '../page-token.js';

export function listResourceEvaluations(input: JsonObject, context: EmulatorContext): JsonObject {
  const filters = asObject(input.Filters, 'filters', false) ?? {};
  const mode = asString(filters.EvaluationMode, 'filters.evaluationMode', { min: 1, max: 64, required: false });
  if (mode !== undefined && mode !== 'PROACTIVE') throw new AwsError('InvalidParameterValueException', `The EvaluationMode ${mode} is not supported. Only PROACTIVE is supported.`);
  const window = asObject(filters.TimeWindow, 'filters.timeWindow', false);
  const start = asTimestamp(window?.StartTime, 'filters.timeWindow.startTime');
  const end = asTimestamp(window?.EndTime, 'filters.timeWindow.endTime');
  if (start !== undefined && end !== undefined && end <= start) throw new AwsError('InvalidTimeRangeException', 'The EndTime must be after the StartTime.');
  const contextId = asString(filters.EvaluationContextIdentifier, 'filters.evaluationContextIdentifier', { min: 1, max: 128, required: false });
  const limit = asInteger(input.Limit, 'limit', { min: 0, max: 100 });
  const pageSize = limit === undefined || limit === 0 ? 10 : limit;
  const nextToken = asString(input.NextToken, 'nextToken', { min: 0, max: 4096, required: false });

  const key = `list:${createHash('sha256').update(canonicalJson({ mode, start, end, contextId, pageSize })).digest('hex').slice(0, 16)}`;
  const offset = decodePageToken(nextToken, key);
  const matching = context.evaluations.all().filter((record) => {
    const seconds = record.startedAt / 1000;
    if (start !== undefined && seconds < start) return false;
    if (end !== undefined && seconds > end) return false;
    return contextId === undefined || record.evaluationContext?.EvaluationContextIdentifier === contextId;
  });
  const page = matching.slice(offset, offset + pageSize);
  return {
    ResourceEvaluations: page.map((record) => ({ ResourceEvaluationId: record.id, EvaluationMode: 'PROACTIVE', EvaluationStartTimestamp: record.startedAt / 1000 })),
    ...(offset + pageSize < matching.length ? { NextToken: encodePageToken(key, offset + pageSize) } : {}),
  };
}
