/**
 * GetComplianceDetailsByResource, proactive path (by ResourceEvaluationId). Empty until the
 * evaluation succeeds; pages of `detailsPageSize`, optionally with empty pages that still carry a
 * NextToken (the service may send those). The detective path (type + id) returns no results.
 */
import { AwsError, validationError } from '../aws-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { statusOf, type StoredResult } from '../evaluation-store.js';
import { asString, asStringList, type JsonObject } from '../input-checks.js';
import { decodePageToken, encodePageToken } from '../page-token.js';

const FILTERABLE = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'];

export function getComplianceDetailsByResource(input: JsonObject, context: EmulatorContext): JsonObject {
  const evaluationId = asString(input.ResourceEvaluationId, 'resourceEvaluationId', { min: 1, max: 128, required: false });
  const resourceType = asString(input.ResourceType, 'resourceType', { min: 1, max: 256, required: false });
  const resourceId = asString(input.ResourceId, 'resourceId', { min: 1, max: 768, required: false });
  const types = asStringList(input.ComplianceTypes, 'complianceTypes');
  if (types !== undefined) {
    if (types.length > 3) throw validationError(types, 'complianceTypes', 'Member must have length less than or equal to 3');
    const bad = types.find((t) => !FILTERABLE.includes(t));
    if (bad !== undefined) throw new AwsError('InvalidParameterValueException', `The ComplianceType ${bad} is not valid here. Valid values: [${FILTERABLE.join(', ')}]`);
  }
  const nextToken = asString(input.NextToken, 'nextToken', { min: 0, max: 4096, required: false });
  if (evaluationId === undefined) {
    if (resourceType === undefined || resourceId === undefined) {
      throw new AwsError('InvalidParameterValueException', 'Specify either ResourceEvaluationId, or ResourceType and ResourceId.');
    }
    decodePageToken(nextToken, `resource:${resourceType}:${resourceId}`);
    return { EvaluationResults: [] };
  }
  if (resourceType !== undefined || resourceId !== undefined) {
    throw new AwsError('InvalidParameterValueException', 'Specify either ResourceEvaluationId, or ResourceType and ResourceId, not both.');
  }
  const record = context.evaluations.get(evaluationId);
  if (record === undefined) throw new AwsError('InvalidParameterValueException', `The resource evaluation ${evaluationId} does not exist.`);
  const state = statusOf(record, context.completion, Date.now());
  const all = state.status === 'SUCCEEDED' ? state.results.filter((r) => types === undefined || types.length === 0 || types.includes(r.complianceType)) : [];

  const pageKey = `details:${evaluationId}:${(types ?? []).join(',')}`;
  const pages = virtualPages(all, context);
  const index = decodePageToken(nextToken, pageKey);
  if (index >= pages.length) throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  return {
    EvaluationResults: pages[index]!.map((result) => toWire(result, record.resourceDetails, record.id)),
    ...(index + 1 < pages.length ? { NextToken: encodePageToken(pageKey, index + 1) } : {}),
  };
}

function virtualPages(results: readonly StoredResult[], context: EmulatorContext): StoredResult[][] {
  const size = Math.max(1, context.detailsPageSize);
  const pages: StoredResult[][] = [];
  for (let i = 0; i < results.length; i += size) pages.push(results.slice(i, i + size));
  if (context.emptyDetailsPages === 'first') pages.unshift([]);
  if (context.emptyDetailsPages === 'interleaved') return pages.flatMap((page) => [[], page]).concat(pages.length === 0 ? [[]] : []);
  return pages.length === 0 ? [[]] : pages;
}

function toWire(result: StoredResult, details: Readonly<Record<string, unknown>>, evaluationId: string): JsonObject {
  return {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: {
        ConfigRuleName: result.configRuleName,
        ResourceType: details.ResourceType,
        ResourceId: details.ResourceId,
        EvaluationMode: 'PROACTIVE',
      },
      OrderingTimestamp: result.invokedAt / 1000,
      ResourceEvaluationId: evaluationId,
    },
    ComplianceType: result.complianceType,
    ResultRecordedTime: result.recordedAt / 1000,
    ConfigRuleInvokedTime: result.invokedAt / 1000,
    ...(result.annotation !== undefined ? { Annotation: result.annotation } : {}),
  };
}
