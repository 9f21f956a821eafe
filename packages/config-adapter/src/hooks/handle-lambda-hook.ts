/**
 * A CloudFormation Lambda hook in TypeScript (config-proactive.md §4.3): RESOURCE targets are
 * judged from the target model; STACK and CHANGE_SET targets from their payload (fetched from its
 * presigned URL unless it is given inline). Never throws: bad input is an `InvalidRequest`
 * response, an evaluation error an `InternalFailure`.
 */
import type { JsonValue } from '../projection/json.js';
import { evaluateTargets, internalFailure, type HookEvaluationOptions, type HookTarget } from './evaluate-targets.js';
import type { HookRuleFile } from './hook-rules.js';
import { changeSetTargets, resourceTarget, stackTargets, targetKind } from './hook-targets.js';
import type { ChangeSetPayload, HookResponse, LambdaHookEvent, StackPayload } from './hook-types.js';

export interface LambdaHookOptions extends HookEvaluationOptions {
  /** Reads a presigned payload URL (default: `fetch`, as the deployed function does). */
  readonly fetchPayload?: (url: string) => Promise<JsonValue>;
}

export async function handleLambdaHook(rules: readonly HookRuleFile[], event: LambdaHookEvent, options: LambdaHookOptions = {}): Promise<HookResponse> {
  const token = event?.clientRequestToken;
  if (event?.requestData === undefined || typeof event.requestData.targetName !== 'string') {
    return { hookStatus: 'FAILED', errorCode: 'InvalidRequest', message: 'the event has no requestData.targetName', ...(token ? { clientRequestToken: token } : {}), annotations: [] };
  }
  const point = event.actionInvocationPoint;
  if (point === 'DELETE_PRE_PROVISION') {
    return { hookStatus: 'SUCCESS', message: 'deletions are not evaluated', ...(token ? { clientRequestToken: token } : {}), annotations: [] };
  }
  const evaluation: HookEvaluationOptions = { ...options, ...(point ? { invocationPoint: point } : {}) };
  const data = event.requestData;
  let targets: HookTarget[];
  try {
    switch (targetKind(data)) {
      case 'RESOURCE':
        targets = [resourceTarget(data)];
        break;
      case 'STACK':
        targets = stackTargets((await payloadOf(data.payload, options)) as unknown as StackPayload, options.parameters);
        break;
      case 'CHANGE_SET': {
        const payload = (await payloadOf(data.payload, options)) as unknown as ChangeSetPayload;
        targets = changeSetTargets({ ...payload, changedResources: payload?.changedResources ?? [] });
        break;
      }
    }
  } catch (error) {
    return internalFailure(`cannot read the hook payload: ${(error as Error).message}`, token, evaluation);
  }
  return evaluateTargets(rules, targets, token, evaluation);
}

async function payloadOf(payload: unknown, options: LambdaHookOptions): Promise<JsonValue> {
  if (payload === undefined || payload === null) throw new Error('the STACK/CHANGE_SET event carries no payload');
  if (typeof payload !== 'string') return payload as JsonValue;
  if (options.fetchPayload) return options.fetchPayload(payload);
  const response = await fetch(payload);
  if (!response.ok) throw new Error(`GET payload answered ${response.status}`);
  return (await response.json()) as JsonValue;
}
