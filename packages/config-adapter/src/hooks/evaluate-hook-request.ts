/**
 * A custom hook's handler (CloudFormation CLI hooks, config-proactive.md §4.1): the same evaluation
 * as the Lambda hook, for CREATE_/UPDATE_/DELETE_PRE_PROVISION requests on RESOURCE targets.
 * Accepts the wire `HookInvocationRequest` and the handler-side `{ hookContext }` form alike.
 */
import { evaluateTargets, type HookEvaluationOptions } from './evaluate-targets.js';
import type { HookRuleFile } from './hook-rules.js';
import { resourceTarget } from './hook-targets.js';
import type { HookInvocationRequest, HookResponse, InvocationPoint, TargetModel } from './hook-types.js';

/** The handler-side request of the CloudFormation CLI plugins. */
export interface HookHandlerRequest {
  readonly clientRequestToken?: string;
  readonly hookContext: {
    readonly invocationPoint: InvocationPoint;
    readonly targetName: string;
    readonly targetType?: string;
    readonly targetLogicalId?: string;
    readonly targetModel?: TargetModel;
  };
}

export function evaluateHookRequest(
  rules: readonly HookRuleFile[],
  request: HookInvocationRequest | HookHandlerRequest,
  options: HookEvaluationOptions = {},
): HookResponse {
  const token = request.clientRequestToken;
  const context = 'hookContext' in request ? request.hookContext : undefined;
  const point = context?.invocationPoint ?? (request as HookInvocationRequest).actionInvocationPoint;
  const data = context
    ? { targetName: context.targetName, targetType: context.targetType ?? context.targetName, targetLogicalId: context.targetLogicalId, targetModel: context.targetModel }
    : (request as HookInvocationRequest).requestData;
  if (data === undefined || typeof data.targetName !== 'string') {
    return { hookStatus: 'FAILED', errorCode: 'InvalidRequest', message: 'the request names no target', ...(token ? { clientRequestToken: token } : {}), annotations: [] };
  }
  if (point === 'DELETE_PRE_PROVISION') {
    return { hookStatus: 'SUCCESS', message: 'deletions are not evaluated', ...(token ? { clientRequestToken: token } : {}), annotations: [] };
  }
  // An update is judged on the properties it would leave in place (resourceProperties).
  return evaluateTargets(rules, [resourceTarget(data)], token, { ...options, ...(point ? { invocationPoint: point } : {}) });
}
