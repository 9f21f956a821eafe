/**
 * One resource through AWS Config proactive evaluation: StartResourceEvaluation, then
 * GetResourceEvaluationSummary polled with backoff until it leaves IN_PROGRESS, then every page of
 * GetComplianceDetailsByResource for the evaluation id. Every loop is bounded by the deadline and
 * by a count; every failure comes back as a `RemoteError` value.
 */
import { clientTokenFor } from './client-token.js';
import { createConfigService, type ConfigService, type ConfigServiceSettings, type StartEvaluationRequest } from './config-service.js';
import { findUnresolvedIntrinsics } from './intrinsics.js';
import { remoteError, type RemoteError } from './remote-error.js';
import { callWithRetry, sleep, type RetryEvent, type RetryPolicy } from './retry.js';

export const MAX_RESOURCE_CONFIGURATION_LENGTH = 51_200;
const COMPLIANCE_TYPES = new Set(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA']);
const EVALUATION_STATUSES = new Set(['IN_PROGRESS', 'FAILED', 'SUCCEEDED']);

export interface RemoteResource {
  /** Sent as `ResourceId`; the template's logical id. */
  readonly logicalId: string;
  readonly resourceType: string;
  /** The CloudFormation `Properties`, intrinsics already resolved. */
  readonly properties: unknown;
}

export interface RemoteEvaluationOptions extends ConfigServiceSettings {
  /** `EvaluationContext.EvaluationContextIdentifier`, e.g. the stack name. */
  readonly evaluationContext?: string;
  /** `EvaluationTimeout` in seconds (0–3600); default 25, as AWS's own hook does. */
  readonly evaluationTimeoutSeconds?: number;
  /** Bound of the whole evaluation, polling included. Default 60 s. */
  readonly deadlineMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** First and longest wait between summary polls. Defaults 500 ms and 4 s. */
  readonly pollInitialMs?: number;
  readonly pollMaxMs?: number;
  /** Bound on detail pages read (empty pages included). Default 1000. */
  readonly maxPages?: number;
  /** Mixed into the ClientToken hash, to force a fresh evaluation of an identical request. */
  readonly clientTokenSeed?: string;
  /** Reuse one SDK client for many resources. */
  readonly service?: ConfigService;
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface RemoteRuleResult {
  readonly configRuleName: string;
  readonly complianceType: 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | 'INSUFFICIENT_DATA';
  readonly annotation?: string;
}

export interface RemoteEvaluation {
  readonly evaluationId: string;
  readonly clientToken: string;
  /** The summary's roll-up. */
  readonly compliance?: string;
  readonly results: readonly RemoteRuleResult[];
  /** HTTP requests made, retries and polls included. */
  readonly requests: number;
}

export type RemoteEvaluationOutcome = { readonly ok: true; readonly evaluation: RemoteEvaluation } | { readonly ok: false; readonly error: RemoteError; readonly evaluationId?: string };

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, attemptTimeoutMs: 10_000 };

/** The request exactly as it will be sent, or the reason it must not be sent. */
export function buildStartRequest(resource: RemoteResource, options: RemoteEvaluationOptions = {}): { ok: true; request: StartEvaluationRequest } | { ok: false; error: RemoteError } {
  const intrinsics = findUnresolvedIntrinsics(resource.properties);
  if (intrinsics.length > 0) {
    return { ok: false, error: remoteError('UNRESOLVED_INTRINSIC', `${resource.logicalId}: unresolved intrinsic functions at ${intrinsics.join(', ')}; resolve or substitute them before evaluating remotely`) };
  }
  const configuration = JSON.stringify(resource.properties ?? {});
  if (configuration.length > MAX_RESOURCE_CONFIGURATION_LENGTH) {
    return {
      ok: false,
      error: remoteError('CONFIGURATION_TOO_LARGE', `${resource.logicalId}: ResourceConfiguration is ${configuration.length} characters; Config accepts at most ${MAX_RESOURCE_CONFIGURATION_LENGTH}`),
    };
  }
  const timeout = options.evaluationTimeoutSeconds ?? 25;
  const unsigned = {
    ResourceDetails: {
      ResourceId: resource.logicalId,
      ResourceType: resource.resourceType,
      ResourceConfiguration: configuration,
      ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA' as const,
    },
    EvaluationMode: 'PROACTIVE' as const,
    ...(options.evaluationContext !== undefined ? { EvaluationContext: { EvaluationContextIdentifier: options.evaluationContext } } : {}),
    EvaluationTimeout: timeout,
  };
  return { ok: true, request: { ...unsigned, ClientToken: clientTokenFor(unsigned, options.clientTokenSeed) } };
}

export async function evaluateRemotely(resource: RemoteResource, options: RemoteEvaluationOptions = {}): Promise<RemoteEvaluationOutcome> {
  const built = buildStartRequest(resource, options);
  if (!built.ok) return built;
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  let service = options.service;
  let owned = false;
  try {
    if (service === undefined) {
      service = await createConfigService({ ...options, requestTimeoutMs: options.requestTimeoutMs ?? policy.attemptTimeoutMs });
      owned = true;
    }
    return await runEvaluation(service, built.request, deadline, policy, options);
  } catch (thrown) {
    // Only programming errors get here; they still come back as a value.
    return { ok: false, error: remoteError('UNEXPECTED', thrown instanceof Error ? thrown.message : String(thrown)) };
  } finally {
    if (owned) service?.destroy();
  }
}

async function runEvaluation(
  service: ConfigService,
  request: StartEvaluationRequest,
  deadline: number,
  policy: RetryPolicy,
  options: RemoteEvaluationOptions,
): Promise<RemoteEvaluationOutcome> {
  let requests = 0;
  const call = async <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) => {
    const outcome = await callWithRetry(operation, fn, policy, deadline, options.onRetry);
    requests += outcome.ok ? outcome.attempts : (outcome.error.attempts ?? 1);
    return outcome;
  };

  const started = await call('StartResourceEvaluation', (signal) => service.startResourceEvaluation(request, signal));
  if (!started.ok) return { ok: false, error: started.error };
  const evaluationId = started.value;
  if (typeof evaluationId !== 'string' || evaluationId.length === 0) {
    return { ok: false, error: remoteError('MALFORMED_RESPONSE', 'StartResourceEvaluation returned no ResourceEvaluationId') };
  }

  let wait = options.pollInitialMs ?? 500;
  const maxWait = options.pollMaxMs ?? 4_000;
  let compliance: string | undefined;
  // The count bound is a backstop; the deadline normally ends the loop first.
  for (let poll = 0; ; poll += 1) {
    const summary = await call('GetResourceEvaluationSummary', (signal) => service.getResourceEvaluationSummary(evaluationId, signal));
    if (!summary.ok) return { ok: false, error: summary.error, evaluationId };
    const { status, failureReason } = summary.value;
    if (status === undefined || !EVALUATION_STATUSES.has(status)) {
      return { ok: false, error: remoteError('MALFORMED_RESPONSE', `GetResourceEvaluationSummary returned status ${JSON.stringify(status)}`), evaluationId };
    }
    if (summary.value.compliance !== undefined && !COMPLIANCE_TYPES.has(summary.value.compliance)) {
      return { ok: false, error: remoteError('MALFORMED_RESPONSE', `GetResourceEvaluationSummary returned compliance ${JSON.stringify(summary.value.compliance)}`), evaluationId };
    }
    if (status === 'FAILED') {
      return { ok: false, error: remoteError('EVALUATION_FAILED', `Config could not evaluate ${request.ResourceDetails.ResourceId}: ${failureReason ?? 'no reason given'}`), evaluationId };
    }
    if (status === 'SUCCEEDED') {
      compliance = summary.value.compliance;
      break;
    }
    if (Date.now() + wait >= deadline || poll >= 10_000) {
      return { ok: false, error: remoteError('TIMEOUT', `evaluation ${evaluationId} was still IN_PROGRESS when the deadline passed (${poll + 1} polls)`), evaluationId };
    }
    await sleep(wait);
    wait = Math.min(maxWait, Math.ceil(wait * 1.5));
  }

  const results: RemoteRuleResult[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  const maxPages = options.maxPages ?? 1_000;
  for (let page = 0; ; page += 1) {
    if (page >= maxPages) {
      return { ok: false, error: remoteError('TIMEOUT', `GetComplianceDetailsByResource still had pages after ${maxPages}`), evaluationId };
    }
    const token = nextToken;
    const details = await call('GetComplianceDetailsByResource', (signal) => service.getComplianceDetailsPage(evaluationId, token, signal));
    if (!details.ok) return { ok: false, error: details.error, evaluationId };
    for (const result of details.value.results) {
      if (typeof result.configRuleName !== 'string' || result.complianceType === undefined || !COMPLIANCE_TYPES.has(result.complianceType)) {
        return { ok: false, error: remoteError('MALFORMED_RESPONSE', `GetComplianceDetailsByResource returned a result without a rule name or a known ComplianceType (${JSON.stringify(result)})`), evaluationId };
      }
      results.push({
        configRuleName: result.configRuleName,
        complianceType: result.complianceType as RemoteRuleResult['complianceType'],
        ...(result.annotation !== undefined ? { annotation: result.annotation } : {}),
      });
    }
    nextToken = details.value.nextToken;
    if (nextToken === undefined || nextToken === '') break;
    // A service that hands back a token it already gave would page forever.
    if (seenTokens.has(nextToken)) {
      return { ok: false, error: remoteError('MALFORMED_RESPONSE', 'GetComplianceDetailsByResource repeated a NextToken'), evaluationId };
    }
    seenTokens.add(nextToken);
  }
  return {
    ok: true,
    evaluation: { evaluationId, clientToken: request.ClientToken, ...(compliance !== undefined ? { compliance } : {}), results, requests },
  };
}
