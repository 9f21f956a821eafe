/**
 * StartResourceEvaluation: validates as the service does (first failure wins), honours
 * ClientToken idempotency, stores the evaluation IN_PROGRESS and starts the rules in the background.
 */
import { canonicalJson } from '../../client/client-token.js';
import { createHash } from 'node:crypto';
import { AwsError, validationError } from '../aws-error.js';
import { buildDocument } from '../document-shape.js';
import type { EmulatorContext } from '../emulator-context.js';
import type { EngineRun, EvaluationRecord, StoredResult } from '../evaluation-store.js';
import { asInteger, asObject, asString, type JsonObject } from '../input-checks.js';

const COMPLIANCE_OF = { PASS: 'COMPLIANT', FAIL: 'NON_COMPLIANT', SKIP: 'NOT_APPLICABLE' } as const;

export function startResourceEvaluation(input: JsonObject, context: EmulatorContext): JsonObject {
  const details = asObject(input.ResourceDetails, 'resourceDetails', true)!;
  const resourceId = asString(details.ResourceId, 'resourceDetails.resourceId', { min: 1, max: 768, required: true })!;
  const resourceType = asString(details.ResourceType, 'resourceDetails.resourceType', { min: 1, max: 256, required: true })!;
  const configuration = asString(details.ResourceConfiguration, 'resourceDetails.resourceConfiguration', { min: 1, max: 51_200, required: true })!;
  const schemaType = asString(details.ResourceConfigurationSchemaType, 'resourceDetails.resourceConfigurationSchemaType', { min: 0, max: 256, required: false });
  if (schemaType !== undefined && schemaType !== 'CFN_RESOURCE_SCHEMA') {
    throw validationError(schemaType, 'resourceDetails.resourceConfigurationSchemaType', 'Member must satisfy enum value set: [CFN_RESOURCE_SCHEMA]');
  }
  const evaluationContext = asObject(input.EvaluationContext, 'evaluationContext', false);
  if (evaluationContext !== undefined) asString(evaluationContext.EvaluationContextIdentifier, 'evaluationContext.evaluationContextIdentifier', { min: 1, max: 128, required: false });
  const mode = asString(input.EvaluationMode, 'evaluationMode', { min: 1, max: 64, required: true })!;
  if (mode !== 'DETECTIVE' && mode !== 'PROACTIVE') throw validationError(mode, 'evaluationMode', 'Member must satisfy enum value set: [DETECTIVE, PROACTIVE]');
  const timeout = asInteger(input.EvaluationTimeout, 'evaluationTimeout', { min: 0, max: 3600 });
  const token = asString(input.ClientToken, 'clientToken', { ...context.clientTokenLength, required: false });
  if (mode !== 'PROACTIVE') throw new AwsError('InvalidParameterValueException', `The EvaluationMode ${mode} is not supported for StartResourceEvaluation. Only PROACTIVE is supported.`);
  if (context.supportedTypes !== 'any' && !context.supportedTypes.includes(resourceType)) {
    throw new AwsError('InvalidParameterValueException', `The resource type ${resourceType} is invalid. Only the following values are permitted: [${context.supportedTypes.join(', ')}]`);
  }
  let properties: unknown;
  try {
    properties = JSON.parse(configuration);
  } catch {
    throw new AwsError('InvalidParameterValueException', 'The ResourceConfiguration is not valid JSON.');
  }
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
    throw new AwsError('InvalidParameterValueException', 'The ResourceConfiguration must be a JSON object.');
  }

  const { ClientToken: _token, ...withoutToken } = input;
  const requestHash = createHash('sha256').update(canonicalJson(withoutToken)).digest('hex');
  if (token !== undefined) {
    const previous = context.evaluations.byClientToken(token);
    if (previous !== undefined) {
      if (previous.requestHash !== requestHash) {
        throw new AwsError('IdempotentParameterMismatch', 'The client token was already used with different request parameters.');
      }
      return { ResourceEvaluationId: previous.id };
    }
  }

  const held = context.faults.take('StartResourceEvaluation', ['stay-in-progress']) !== undefined;
  const failing = context.faults.take('StartResourceEvaluation', ['fail-evaluation']) !== undefined;
  const record: EvaluationRecord = {
    id: context.evaluations.nextId(),
    ...(token !== undefined ? { clientToken: token } : {}),
    requestHash,
    resourceDetails: details,
    ...(evaluationContext !== undefined ? { evaluationContext } : {}),
    evaluationTimeoutSeconds: timeout === undefined || timeout === 0 ? 900 : timeout,
    startedAt: Date.now(),
    held,
    ...(failing ? { forcedFailure: 'Injected failure (emulator fault fail-evaluation)' } : {}),
    polls: 0,
  };
  context.evaluations.add(record);
  const pending = runRules(context, resourceType, resourceId, properties).then((run) => {
    record.run = run;
    record.runFinishedAt = Date.now();
  });
  context.pendingRuns.add(pending);
  void pending.finally(() => context.pendingRuns.delete(pending));
  return { ResourceEvaluationId: record.id };
}

async function runRules(context: EmulatorContext, resourceType: string, resourceId: string, properties: unknown): Promise<EngineRun> {
  try {
    const document = buildDocument(context.documentShape, context.projector, resourceType, resourceId, properties);
    const documentText = JSON.stringify(document);
    const results: StoredResult[] = [];
    for (const rule of context.rules.proactiveFor(resourceType)) {
      const invokedAt = Date.now();
      const outcome = await context.engine.evaluatePolicy(rule.policyText, rule.name, [documentText]);
      if (!outcome.ok) return { ok: false, failureReason: truncate(`Rule ${rule.name} could not be evaluated: ${outcome.error}`, 1024) };
      const verdict = outcome.verdicts[0]!;
      const annotation = verdict.status === 'FAIL' ? verdict.messages[0] : undefined;
      results.push({
        configRuleName: rule.name,
        complianceType: COMPLIANCE_OF[verdict.status],
        ...(annotation !== undefined ? { annotation: truncate(annotation, 256) } : {}),
        invokedAt,
        recordedAt: Date.now(),
        document,
      });
    }
    return { ok: true, results };
  } catch (error) {
    return { ok: false, failureReason: truncate(`Evaluation failed: ${error instanceof Error ? error.message : String(error)}`, 1024) };
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
