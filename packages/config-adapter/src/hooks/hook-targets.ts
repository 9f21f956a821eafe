/** The resources a hook invocation is about, read from a RESOURCE target model, a stack's template, or a change set. */
import { resolveIntrinsics } from '../projection/intrinsics/resolve-intrinsics.js';
import { templateContext } from '../projection/intrinsics/template-context.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../projection/json.js';
import type { HookTarget } from './evaluate-targets.js';
import type { ChangeSetPayload, HookRequestData, StackPayload } from './hook-types.js';

export type TargetKind = 'RESOURCE' | 'STACK' | 'CHANGE_SET';

export function targetKind(data: HookRequestData): TargetKind {
  if (data.targetType === 'STACK' || data.targetName === 'STACK') return 'STACK';
  if (data.targetType === 'CHANGE_SET' || data.targetName === 'CHANGE_SET') return 'CHANGE_SET';
  return 'RESOURCE';
}

export function resourceTarget(data: HookRequestData): HookTarget {
  const model = data.targetModel ?? {};
  return {
    logicalId: data.targetLogicalId ?? data.targetName,
    resourceType: data.targetName,
    properties: model.resourceProperties ?? {},
    ...(model.previousResourceProperties === undefined ? {} : { previousProperties: model.previousResourceProperties }),
  };
}

/** Every resource of the proposed template; intrinsics resolved with the given parameters where possible. */
export function stackTargets(payload: StackPayload, parameters: Readonly<Record<string, JsonValue>> = {}): HookTarget[] {
  const template = isJsonObject(payload.template) ? payload.template : {};
  const resources = isJsonObject(template['Resources']) ? template['Resources'] : {};
  const context = templateContext(template, parameters);
  const targets: HookTarget[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isJsonObject(resource) || typeof resource['Type'] !== 'string') continue;
    const resolved = resolveIntrinsics(isJsonObject(resource['Properties']) ? resource['Properties'] : {}, context).value;
    targets.push({ logicalId, resourceType: resource['Type'], properties: isJsonObject(resolved) ? resolved : {} });
  }
  return targets;
}

/** Created and updated resources of a change set, with their `afterContext` properties. */
export function changeSetTargets(payload: ChangeSetPayload): HookTarget[] {
  return payload.changedResources
    .filter((change) => change.action !== 'DELETE')
    .map((change) => ({
      logicalId: change.logicalResourceId,
      resourceType: change.resourceType,
      properties: contextProperties(change.afterContext),
      ...(change.beforeContext === undefined ? {} : { previousProperties: contextProperties(change.beforeContext) }),
    }));
}

/**
 * Change-set contexts are JSON text in which booleans arrive as strings (§4.3); `"true"`/`"false"`
 * become booleans again so rules written for templates compare as they would there.
 */
function contextProperties(text: string | undefined): JsonObject {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  const properties = isJsonObject(parsed) && isJsonObject(parsed['Properties']) ? parsed['Properties'] : {};
  return restoreBooleans(properties) as JsonObject;
}

function restoreBooleans(value: JsonValue): JsonValue {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (Array.isArray(value)) return value.map(restoreBooleans);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restoreBooleans(item)]));
  return value;
}
