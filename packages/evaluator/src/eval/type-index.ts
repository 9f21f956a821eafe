/**
 * Resources indexed by `Type`, for the ubiquitous `Resources.*[ Type == "AWS::X::Y" ]` selection.
 * The index is derived from an immutable document value, so it is memoised per map (weakly: it
 * goes away with the document) and shared by every rules file evaluated against that document.
 * Only "regular" maps are indexed — every value a map with a string `Type` key — so that using
 * the index gives exactly what evaluating the filter on each value would.
 */
import type { MapValue, Value } from '../values/value.js';

const indexes = new WeakMap<MapValue, ReadonlyMap<string, readonly Value[]> | null>();

export function resourcesByType(map: MapValue): ReadonlyMap<string, readonly Value[]> | null {
  let index = indexes.get(map);
  if (index === undefined) {
    index = build(map);
    indexes.set(map, index);
  }
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
