/**
 * CloudFormation resource -> the configuration item AWS Config's Guard custom policy rules read
 * (config-proactive.md §2.4, §2.5). Nothing here is guessed silently: properties placed by the
 * mechanical rule without a Config fact, properties Config has no field for, and intrinsics that
 * stay unresolved are all listed in the result.
 */
import { JSONPath } from 'jsonpath-plus';
import { configKey } from './config-key.js';
import { resolveIntrinsics, type UnresolvedValue } from './intrinsics/resolve-intrinsics.js';
import { emptyTemplateContext, type TemplateContext } from './intrinsics/template-context.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import type { HandMove, KeyStyle } from './mapping-types.js';
import { parseTargetPath, setAtPath, type PathStep } from './target-path.js';
import { typeMapping, type MappingSource } from './type-mapping.js';

export interface ProjectionOptions {
  /** Parameter values and template sections for intrinsic resolution; parameters alone also work. */
  readonly context?: TemplateContext;
  readonly parameters?: Readonly<Record<string, JsonValue>>;
  /** Properties nobody mapped: placed by the mechanical rule (default) or left out. */
  readonly unmapped?: 'mechanical' | 'drop';
}

export interface ConfigItemProjection {
  readonly document: JsonObject;
  /** Where the hand-written and generated facts for the type come from. */
  readonly mappingSource: MappingSource;
  /** `false`: Config records no item of this type; the document follows the mechanical rule only. */
  readonly recordedByConfig: boolean;
  /** Intrinsics left as written (paths relative to `Properties`); a verdict may depend on them. */
  readonly unresolved: readonly UnresolvedValue[];
  /** Top-level properties placed by the mechanical rule without any Config fact behind them. */
  readonly unmappedProperties: readonly string[];
  /** Top-level properties with no Config counterpart (CloudFormation-only inputs such as Lambda `Code`). */
  readonly droppedProperties: readonly string[];
}

interface Claim {
  readonly move: HandMove;
  readonly indexes: readonly number[];
}

/** Config item envelope fields that exist before deployment. */
const CONFIGURATION_ITEM_VERSION = '1.3';

export function projectToConfigItem(
  resourceType: string,
  logicalId: string,
  properties: JsonValue | undefined,
  options: ProjectionOptions = {},
): ConfigItemProjection {
  const context = options.context ?? emptyTemplateContext(options.parameters ?? {});
  const resolution = resolveIntrinsics(isJsonObject(properties) ? properties : {}, context);
  const resolved = isJsonObject(resolution.value) ? resolution.value : {};
  const mapping = typeMapping(resourceType);
  const claims = claimsFor(mapping.moves, resolved);

  const item: JsonObject = {};
  const dropped = new Set<string>();
  const claimedTops = new Set<string>();
  for (const pointer of claims.keys()) claimedTops.add(decodePointerStep(pointer.split('/')[1] ?? ''));

  const write = (steps: readonly PathStep[], value: JsonValue) => setAtPath(item, steps, value);
  const walk = (node: JsonValue, pointer: string, target: readonly PathStep[], keys: KeyStyle): void => {
    if (Array.isArray(node)) {
      if (node.length === 0) write(target, []);
      node.forEach((child, index) => visit(child, `${pointer}/${index}`, [...target, index], keys));
      return;
    }
    if (isJsonObject(node)) {
      const entries = Object.entries(node);
      if (entries.length === 0) write(target, {});
      for (const [key, child] of entries) {
        visit(child, `${pointer}/${encodePointerStep(key)}`, [...target, keys === 'config' ? configKey(key) : key], keys);
      }
      return;
    }
    write(target, node);
  };
  const visit = (node: JsonValue, pointer: string, defaultTarget: readonly PathStep[], keys: KeyStyle): void => {
    const claim = claims.get(pointer);
    if (claim === undefined) return walk(node, pointer, defaultTarget, keys);
    const { move } = claim;
    if (move.to === null) {
      if (pointer.lastIndexOf('/') === 0) dropped.add(decodePointerStep(pointer.slice(1)));
      return;
    }
    const target = parseTargetPath(move.to, claim.indexes);
    if (move.transform) {
      const shaped = move.transform(node);
      if (shaped !== undefined) write(target, shaped);
      return;
    }
    walk(node, pointer, target, move.keys ?? keys);
  };

  const unmappedProperties: string[] = [];
  for (const [key, value] of Object.entries(resolved)) {
    const pointer = `/${encodePointerStep(key)}`;
    const known = mapping.confirmed.has(key) || claimedTops.has(key);
    if (!known && !claims.has(pointer)) {
      unmappedProperties.push(key);
      if (options.unmapped === 'drop') continue;
    }
    visit(value, pointer, ['configuration', mapping.keys === 'config' ? configKey(key) : key], mapping.keys);
  }

  return {
    document: envelope(resourceType, logicalId, resolved, mapping.nameProperty, context, item),
    mappingSource: mapping.source,
    recordedByConfig: mapping.recordedByConfig,
    unresolved: resolution.unresolved,
    unmappedProperties,
    droppedProperties: [...dropped],
  };
}

/** Finds every node each move's JSONPath selects; the later (hand) move wins on the same node. */
function claimsFor(moves: readonly HandMove[], properties: JsonObject): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  for (const move of moves) {
    // Most moves name a top-level property the resource does not set: skip the JSONPath walk.
    const top = /^\$\.([A-Za-z0-9_]+)/.exec(move.from)?.[1];
    if (top !== undefined && !(top in properties)) continue;
    const matches = JSONPath({ path: move.from, json: properties, resultType: 'pointer', wrap: true }) as string[];
    for (const pointer of matches) {
      const indexes = pointer
        .split('/')
        .slice(1)
        .filter((step) => /^\d+$/.test(step))
        .map(Number);
      claims.set(pointer, { move, indexes });
    }
  }
  return claims;
}

function envelope(
  resourceType: string,
  logicalId: string,
  properties: JsonObject,
  nameProperty: string | undefined,
  context: TemplateContext,
  projected: JsonObject,
): JsonObject {
  const givenName = nameProperty !== undefined ? properties[nameProperty] : undefined;
  const name = typeof givenName === 'string' ? givenName : logicalId;
  const pseudo = (key: string) => context.parameterValues[key];
  const document: JsonObject = {
    version: CONFIGURATION_ITEM_VERSION,
    configurationItemStatus: 'ResourceDiscovered',
    resourceType,
    resourceId: logicalId,
    resourceName: name,
  };
  const account = pseudo('AWS::AccountId');
  const region = pseudo('AWS::Region');
  if (account !== undefined) document['accountId'] = account;
  if (region !== undefined) document['awsRegion'] = region;
  document['configuration'] = isJsonObject(projected['configuration']) ? projected['configuration'] : {};
  document['supplementaryConfiguration'] = isJsonObject(projected['supplementaryConfiguration']) ? projected['supplementaryConfiguration'] : {};
  document['tags'] = isJsonObject(projected['tags']) ? projected['tags'] : {};
  document['relationships'] = [];
  // Moves that target other envelope fields (rare) keep their place.
  for (const [key, value] of Object.entries(projected)) if (!(key in document)) document[key] = value;
  return document;
}

function encodePointerStep(step: string): string {
  return step.replace(/~/g, '~0').replace(/\//g, '~1');
}

function decodePointerStep(step: string): string {
  return step.replace(/~1/g, '/').replace(/~0/g, '~');
}
