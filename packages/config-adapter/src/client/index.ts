export { evaluateRemotely, buildStartRequest, MAX_RESOURCE_CONFIGURATION_LENGTH } from './evaluate-remotely.js';
export type { RemoteResource, RemoteEvaluationOptions, RemoteEvaluation, RemoteEvaluationOutcome, RemoteRuleResult } from './evaluate-remotely.js';
export { createConfigService, loadConfigSdk, isLoopbackEndpoint } from './config-service.js';
export type { ConfigService, ConfigServiceSettings, GuardPolicyRule, DescribedRule } from './config-service.js';
export type { RemoteError, RemoteErrorCode } from './remote-error.js';
export type { RetryEvent, RetryPolicy } from './retry.js';
export { clientTokenFor, canonicalJson } from './client-token.js';
export { findUnresolvedIntrinsics } from './intrinsics.js';
