/**
 * The only module that touches `@aws-sdk/client-config-service`. It is imported dynamically, so a
 * command that never talks to Config never loads the SDK, and every other module sees plain data
 * through the small `ConfigService` interface below instead of SDK types.
 */
import type * as ConfigSdk from '@aws-sdk/client-config-service';

export interface ConfigServiceSettings {
  /** Overrides the regional endpoint, e.g. the loopback emulator. */
  readonly endpoint?: string;
  /** Falls back to the SDK's default chain (AWS_REGION, profile); `us-east-1` on a loopback endpoint. */
  readonly region?: string;
  /** Only for tests and the emulator; otherwise the SDK's default credential chain is used. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Socket-level bound of one HTTP attempt. */
  readonly requestTimeoutMs?: number;
}

export interface StartEvaluationRequest {
  readonly ResourceDetails: {
    readonly ResourceId: string;
    readonly ResourceType: string;
    readonly ResourceConfiguration: string;
    readonly ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA';
  };
  readonly EvaluationMode: 'PROACTIVE';
  readonly EvaluationContext?: { readonly EvaluationContextIdentifier: string };
  readonly EvaluationTimeout?: number;
  readonly ClientToken: string;
}

export interface EvaluationSummary {
  readonly status: string | undefined;
  readonly failureReason: string | undefined;
  readonly compliance: string | undefined;
}

export interface ComplianceDetail {
  readonly configRuleName: string | undefined;
  readonly resourceType: string | undefined;
  readonly resourceId: string | undefined;
  readonly complianceType: string | undefined;
  readonly annotation: string | undefined;
}

export interface ComplianceDetailsPage {
  readonly results: readonly ComplianceDetail[];
  readonly nextToken: string | undefined;
}

export interface GuardPolicyRule {
  readonly name: string;
  readonly policyText: string;
  /** Resource types of the rule's scope; none means every type. */
  readonly resourceTypes?: readonly string[];
  /** Defaults to PROACTIVE only. */
  readonly evaluationModes?: readonly ('PROACTIVE' | 'DETECTIVE')[];
}

export interface DescribedRule {
  readonly name: string;
  readonly policyText: string | undefined;
  readonly resourceTypes: readonly string[];
  readonly evaluationModes: readonly string[];
}

export interface RulesPage {
  readonly rules: readonly DescribedRule[];
  readonly nextToken: string | undefined;
}

export interface EvaluationsPage {
  readonly evaluations: readonly { readonly id: string | undefined; readonly mode: string | undefined; readonly startedAt: Date | undefined }[];
  readonly nextToken: string | undefined;
}

/** One call per method, no retries: the caller owns retry and deadline policy. */
export interface ConfigService {
  startResourceEvaluation(request: StartEvaluationRequest, signal: AbortSignal): Promise<string | undefined>;
  getResourceEvaluationSummary(evaluationId: string, signal: AbortSignal): Promise<EvaluationSummary>;
  getComplianceDetailsPage(evaluationId: string, nextToken: string | undefined, signal: AbortSignal): Promise<ComplianceDetailsPage>;
  listResourceEvaluations(options: { contextId?: string; limit?: number; nextToken?: string }, signal: AbortSignal): Promise<EvaluationsPage>;
  putGuardPolicyRule(rule: GuardPolicyRule, signal: AbortSignal): Promise<void>;
  describeConfigRules(names: readonly string[] | undefined, nextToken: string | undefined, signal: AbortSignal): Promise<RulesPage>;
  deleteConfigRule(name: string, signal: AbortSignal): Promise<void>;
  destroy(): void;
}

let sdk: Promise<typeof ConfigSdk> | undefined;

/** The SDK module, loaded on first use. Tests use it to drive the emulator with the real SDK. */
export function loadConfigSdk(): Promise<typeof ConfigSdk> {
  sdk ??= import('@aws-sdk/client-config-service');
  return sdk;
}

/** Loopback endpoints never go through the credential chain: it could reach the instance metadata service. */
export function isLoopbackEndpoint(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** `localhost` may resolve to ::1 while the emulator listens on 127.0.0.1 only. */
function pinnedLoopback(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.toString().replace(/\/$/, '');
}

function loopbackCredentials(): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  if (AWS_ACCESS_KEY_ID && AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY, ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}) };
  }
  return { accessKeyId: 'guardts-loopback', secretAccessKey: 'guardts-loopback' };
}

export async function createConfigService(settings: ConfigServiceSettings): Promise<ConfigService> {
  const sdkModule = await loadConfigSdk();
  const loopback = isLoopbackEndpoint(settings.endpoint);
  const client = new sdkModule.ConfigServiceClient({
    ...(settings.endpoint !== undefined ? { endpoint: loopback ? pinnedLoopback(settings.endpoint) : settings.endpoint } : {}),
    ...(settings.region !== undefined ? { region: settings.region } : loopback ? { region: process.env.AWS_REGION ?? 'us-east-1' } : {}),
    ...(settings.credentials !== undefined ? { credentials: settings.credentials } : loopback ? { credentials: loopbackCredentials() } : {}),
    // Retries belong to the caller (jittered backoff, bounded by its deadline, visible in its result).
    maxAttempts: 1,
    requestHandler: { requestTimeout: settings.requestTimeoutMs ?? 10_000, connectionTimeout: Math.min(settings.requestTimeoutMs ?? 10_000, 5_000) },
  });
  return {
    async startResourceEvaluation(request, signal) {
      const output = await client.send(new sdkModule.StartResourceEvaluationCommand({ ...request, ResourceDetails: { ...request.ResourceDetails } }), { abortSignal: signal });
      return output.ResourceEvaluationId;
    },
    async getResourceEvaluationSummary(evaluationId, signal) {
      const output = await client.send(new sdkModule.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: evaluationId }), { abortSignal: signal });
      return { status: output.EvaluationStatus?.Status, failureReason: output.EvaluationStatus?.FailureReason, compliance: output.Compliance };
    },
    async getComplianceDetailsPage(evaluationId, nextToken, signal) {
      const output = await client.send(
        new sdkModule.GetComplianceDetailsByResourceCommand({ ResourceEvaluationId: evaluationId, ...(nextToken !== undefined ? { NextToken: nextToken } : {}) }),
        { abortSignal: signal },
      );
      if (output.EvaluationResults !== undefined && !Array.isArray(output.EvaluationResults)) throw new MalformedResponseError('EvaluationResults is not a list');
      const results = (output.EvaluationResults ?? []).map((result) => {
        const qualifier = result?.EvaluationResultIdentifier?.EvaluationResultQualifier;
        return {
          configRuleName: qualifier?.ConfigRuleName,
          resourceType: qualifier?.ResourceType,
          resourceId: qualifier?.ResourceId,
          complianceType: result?.ComplianceType,
          annotation: result?.Annotation,
        };
      });
      return { results, nextToken: output.NextToken };
    },
    async listResourceEvaluations(options, signal) {
      const output = await client.send(
        new sdkModule.ListResourceEvaluationsCommand({
          Filters: { EvaluationMode: 'PROACTIVE', ...(options.contextId !== undefined ? { EvaluationContextIdentifier: options.contextId } : {}) },
          ...(options.limit !== undefined ? { Limit: options.limit } : {}),
          ...(options.nextToken !== undefined ? { NextToken: options.nextToken } : {}),
        }),
        { abortSignal: signal },
      );
      return {
        evaluations: (output.ResourceEvaluations ?? []).map((e) => ({ id: e.ResourceEvaluationId, mode: e.EvaluationMode, startedAt: e.EvaluationStartTimestamp })),
        nextToken: output.NextToken,
      };
    },
    async putGuardPolicyRule(rule, signal) {
      await client.send(
        new sdkModule.PutConfigRuleCommand({
          ConfigRule: {
            ConfigRuleName: rule.name,
            ...(rule.resourceTypes !== undefined && rule.resourceTypes.length > 0 ? { Scope: { ComplianceResourceTypes: [...rule.resourceTypes] } } : {}),
            Source: {
              Owner: 'CUSTOM_POLICY',
              SourceDetails: [{ EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' }],
              CustomPolicyDetails: { PolicyRuntime: 'guard-2.x.x', PolicyText: rule.policyText },
            },
            EvaluationModes: (rule.evaluationModes ?? ['PROACTIVE']).map((Mode) => ({ Mode })),
          },
        }),
        { abortSignal: signal },
      );
    },
    async describeConfigRules(names, nextToken, signal) {
      const output = await client.send(
        new sdkModule.DescribeConfigRulesCommand({
          ...(names !== undefined ? { ConfigRuleNames: [...names] } : {}),
          ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
        }),
        { abortSignal: signal },
      );
      return {
        rules: (output.ConfigRules ?? []).map((rule) => ({
          name: rule.ConfigRuleName ?? '',
          policyText: rule.Source?.CustomPolicyDetails?.PolicyText,
          resourceTypes: rule.Scope?.ComplianceResourceTypes ?? [],
          evaluationModes: (rule.EvaluationModes ?? []).map((m) => m.Mode ?? ''),
        })),
        nextToken: output.NextToken,
      };
    },
    async deleteConfigRule(name, signal) {
      await client.send(new sdkModule.DeleteConfigRuleCommand({ ConfigRuleName: name }), { abortSignal: signal });
    },
    destroy() {
      client.destroy();
    },
  };
}

/** A response that deserialised but does not have the modeled shape. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
}
