/**
 * Resources indexed by `Type`, for the ubiquitous `Resources.*[ Type == "AWS::X::Y" ]` selection.
 * The index is derived from an immutable document value, so it is memoised on the map (it goes
 * away with the document) and shared by every rules file evaluated against that document.
 * Only "regular" maps are indexed — every value a map with a string `Type` key — so that using
 * the index gives exactly what evaluating the filter on each value would.
 */
import type { MapValue, Value } from '../values/value.js';

type TypeIndex = ReadonlyMap<string, readonly Value[]> | null;

/**
 * Where a map keeps its index: a hidden (symbol-keyed, non-enumerable) property of the map itself,
 * so that it is neither copied by a spread nor seen by a comparison. A WeakMap held it before: with
 * a new document every few hundred microseconds, its entries cost more in garbage collection
 * than all the lookups (a fifth of a batch's time over templates-dev; docs/performance.md).
 */
const INDEX = Symbol('guardts.resourcesByType');
/** For a map that cannot take the property (frozen by the caller). */
const frozenIndexes = new WeakMap<MapValue, TypeIndex>();

export function resourcesByType(map: MapValue): TypeIndex {
  const held = (map as MapValue & { readonly [INDEX]?: TypeIndex })[INDEX];
  if (held !== undefined) return held;
  if (!Object.isExtensible(map)) {
    let index = frozenIndexes.get(map);
    if (index === undefined) frozenIndexes.set(map, (index = build(map)));
    return index;
  }
  const index = build(map);
  Object.defineProperty(map, INDEX, { value: index });
  return index;
}

function build(map: MapValue): ReadonlyMap<string, readonly Value[]> | null {
  if (map.entries.size === 0) return null;
  const index = new Map<string, Value[]>();
  for (const key of map.keys) {
    const value = map.entries.get(key.value)!;
    if (value.kind !== 'map') return null;
    const type = value.entries.get('Type');
    if (type === undefined || type.kind !== 'string') return null;
    const list = index.get(type.value);
    if (list === undefined) index.set(type.value, [value]);
    else list.push(value);
  }
  return index;
}
