/**
 * Key interpolation, `Resources.%names.Type` (§4.9): every string value of the variable is used as
 * a key of the current map, an index right after it first picks one of the variable's values.
 */
import { queryText, valueText } from '../compile/display.js';
import type { CheckedValue } from '../report/types.js';
import type { MapValue, Value } from '../values/value.js';
import { pathWithLocation } from '../values/value-location.js';
import { abort } from './abort.js';
import { typeInfo } from './compare-values.js';
import { retrieveQuery } from './query.js';
import { pushAll, unresolved, type ConverterIndex, type Parts } from './query-results.js';
import type { EvalContext } from './scopes.js';
import { resultsDebug } from './value-debug.js';

/** `Resources.%names`: every string value of the variable used as a key of the current map. */
export function interpolate(
  index: number,
  parts: Parts,
  name: string,
  map: MapValue,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] {
  let keys = context.resolveVariable(name);
  const next = parts[index + 1];
  if (next !== undefined) {
    if (next.kind === 'index' && !next.fromKey) {
      const position = Math.abs(next.index);
      if (position >= keys.length) {
        return [
          unresolved(
            map,
            () => `Index ${position} on the set of values returned for variable ${name} on the join, is out of bounds. Length ${keys.length}, Values = ${resultsDebug(keys)}`, parts, index),
        ];
      }
      keys = [keys[position]!];
    } else if (next.kind !== 'allIndices' && next.kind !== 'key' && next.kind !== 'index') {
      return abort('interpolation-key-type', `This type of query ${queryText([next])} based variable interpolation is not supported ${typeInfo(map)}, ${queryText(parts)}`);
    }
  }
  const results: CheckedValue[] = [];
  const byKey = (key: string) => {
    const value = map.entries.get(key);
    if (value !== undefined) pushAll(results, retrieveQuery(index + 1, parts, value, context, converter));
    else results.push(unresolved(map, () => `Could not locate key = ${key} inside struct at path = ${pathWithLocation(map)}`, parts, index));
  };
  const nonString = (key: Value): never =>
    abort('interpolation-key-type', `Variable projections inside Query ${queryText(parts)}, is returning a non-string value for key ${typeInfo(key)}, ${valueText(key)}`);
  for (const each of keys) {
    if (each.kind === 'unresolved') {
      results.push(
        unresolved(
          map,
          () => `Keys returned for variable ${name} could not completely resolve. Path traversed until ${pathWithLocation(each.traversedTo)}${each.reason}`, parts, index),
      );
      continue;
    }
    const key = each.value;
    if (key.kind === 'string') byKey(key.value);
    else if (key.kind === 'list') {
      for (const element of key.items) {
        if (element.kind !== 'string') nonString(key);
        else byKey(element.value);
      }
    } else nonString(key);
  }
  return results;
}
