/**
 * Query resolution: cfn-guard 3.1.1's `query_retrieval_with_converter` (eval_context.rs), part by
 * part. A query yields a list of results: resolved values, unresolved results (traversal stopped,
 * with the deepest value reached) — or nothing at all when a filter selects nothing.
 */
import { queryText } from '../compile/display.js';
import type { CompiledPart } from '../compile/ir.js';
import type { CheckedValue } from '../report/types.js';
import type { UnresolvedResult } from '../values/query-result.js';
import type { ListValue, MapValue, Value } from '../values/value.js';
import { pathWithLocation } from '../values/value-location.js';
import { typeInfo } from './compare-values.js';
import { filter, keysFilter, selectByType } from './query-filters.js';
import { interpolate } from './query-interpolation.js';
import { capturedKey, NO_CONVERTER, pushAll, unresolved, type ConverterIndex, type Parts } from './query-results.js';
import { ValueScope, type EvalContext } from './scopes.js';
import { listDebug, valueDebug } from './value-debug.js';

export { NO_CONVERTER, type ConverterIndex };

export function retrieveQuery(
  index: number,
  parts: Parts,
  current: Value,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] {
  if (index >= parts.length) return [{ kind: 'resolved', value: current }];
  const part = parts[index]!;

  if (index === 0 && part.kind === 'variable') return retrieveFromVariable(parts, part.name, context, converter);

  switch (part.kind) {
    case 'this':
      return retrieveQuery(index + 1, parts, current, context, converter);

    case 'variable':
      if (current.kind !== 'map') return [notAStruct(current, `%${part.name}`, parts, index)];
      return interpolate(index, parts, part.name, current, context, converter);

    case 'key':
      if (current.kind !== 'map') return [notAStruct(current, part.name, parts, index)];
      return lookupKey(index, parts, part, current, context, converter);

    case 'index': {
      if (current.kind !== 'list') {
        if (part.fromKey) {
          return [unresolved(current, () => `Attempting to retrieve from index ${part.index} but type is not an array at path ${pathWithLocation(current)}`, parts, 0)];
        }
        return [
          unresolved(
            current,
            () => `Attempting to retrieve from index ${part.index} but type is not an array at path ${pathWithLocation(current)}, type ${typeInfo(current)}`, parts, index),
        ];
      }
      const element = elementAt(current, part.index);
      if (element === undefined) {
        return [
          unresolved(
            current,
            () => `Array Index out of bounds for path = ${pathWithLocation(current)} on index = ${part.index} inside Array = ${listDebug(current.items)}, remaining query = ${queryText(parts)}`, parts, 0),
        ];
      }
      return retrieveQuery(index + 1, parts, element, context, converter);
    }

    case 'allIndices':
      if (current.kind === 'list') return accumulate(current, index, parts, context, converter);
      if (current.kind === 'map') {
        if (part.capture === null) return retrieveQuery(index + 1, parts, current, context, converter);
        return accumulateMap(current, index, parts, context, converter, captureAndContinue(part.capture));
      }
      return retrieveQuery(index + 1, parts, current, context, converter);

    case 'allValues':
      if (current.kind === 'list') return accumulate(current, index, parts, context, converter);
      if (current.kind === 'map') {
        if (part.capture === null) {
          const indexed = selectByType(current, index, parts, context, converter);
          if (indexed !== null) return indexed;
        }
        return accumulateMap(current, index, parts, context, converter, part.capture === null ? continueWith : captureAndContinue(part.capture));
      }
      return retrieveQuery(index + 1, parts, current, context, converter);

    case 'filter':
      return filter(index, parts, part.clauses, part.capture, current, context, converter);

    case 'keysFilter':
      return keysFilter(index, parts, part, current, context, converter);
  }
}

/** `[-1]` is element 1: cfn-guard takes the absolute value of the index. */
function elementAt(list: ListValue, index: number): Value | undefined {
  return list.items[Math.abs(index)];
}

function notAStruct(current: Value, key: string, parts: Parts, index: number): UnresolvedResult {
  return unresolved(
    current,
    () => `Attempting to retrieve from key ${key} but type is not an struct type at path ${pathWithLocation(current)}, Type = ${typeInfo(current)}, Value = ${valueDebug(current)}`, parts, index);
}

/** A leading `%v`: each of its values starts the rest of the query (an `[*]` after it is skipped). */
function retrieveFromVariable(parts: Parts, name: string, context: EvalContext, converter: ConverterIndex): CheckedValue[] {
  const retrieved = context.resolveVariable(name);
  const next = parts.length > 1 && parts[1]!.kind === 'allIndices' ? 2 : 1;
  if (next >= parts.length) return retrieved;
  const results: CheckedValue[] = [];
  for (const each of retrieved) {
    if (each.kind === 'unresolved') {
      results.push(each);
      continue;
    }
    const scope = new ValueScope(each.value, context);
    pushAll(results, retrieveQuery(next, parts, each.value, scope, converter));
  }
  return results;
}

function lookupKey(
  index: number,
  parts: Parts,
  part: Extract<CompiledPart, { kind: 'key' }>,
  map: MapValue,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] {
  const value = map.entries.get(part.name);
  if (value !== undefined) return retrieveQuery(index + 1, parts, value, context, converter);
  if (converter !== NO_CONVERTER) {
    const converted = map.entries.get(part.variants[converter]!);
    if (converted !== undefined) return retrieveQuery(index + 1, parts, converted, context, converter);
  } else {
    for (let i = 0; i < part.variants.length; i++) {
      const converted = map.entries.get(part.variants[i]!);
      if (converted !== undefined) return retrieveQuery(index + 1, parts, converted, context, i);
    }
  }
  return [unresolved(map, () => `Could not find key ${part.name} inside struct at path ${pathWithLocation(map)}`, parts, index)];
}

/** `[*]` / `.*` over a list: every element; an empty list is unresolved. */
function accumulate(list: ListValue, index: number, parts: Parts, context: EvalContext, converter: ConverterIndex): CheckedValue[] {
  if (list.items.length === 0) {
    return [unresolved(list, () => `No more entries for value at path = ${pathWithLocation(list)} on type = ${typeInfo(list)} `, parts, index)];
  }
  const results: CheckedValue[] = [];
  for (const each of list.items) pushAll(results, retrieveQuery(index + 1, parts, each, context, converter));
  return results;
}

export type MapEntryStep = (
  index: number,
  parts: Parts,
  key: Value,
  /** The map `key` belongs to (null when the step is not over a map's entries). */
  owner: MapValue | null,
  value: Value,
  context: EvalContext,
  converter: ConverterIndex,
) => CheckedValue[];

const continueWith: MapEntryStep = (index, parts, _key, _owner, value, context, converter) => retrieveQuery(index, parts, value, context, converter);

function captureAndContinue(name: string): MapEntryStep {
  return (index, parts, key, owner, value, context, converter) => {
    context.addCaptureKey(name, capturedKey(key, owner));
    return retrieveQuery(index, parts, value, context, converter);
  };
}

/** `.*` over a map: every value, each in a scope of its own; an empty map is unresolved. */
export function accumulateMap(
  map: MapValue,
  index: number,
  parts: Parts,
  context: EvalContext,
  converter: ConverterIndex,
  step: MapEntryStep,
): CheckedValue[] {
  if (map.entries.size === 0) {
    return [unresolved(map, () => `No more entries for value at path = ${pathWithLocation(map)} on type = ${typeInfo(map)} `, parts, index)];
  }
  const results: CheckedValue[] = [];
  for (const key of map.keys) {
    const value = map.entries.get(key.value)!;
    pushAll(results, step(index + 1, parts, key, map, value, new ValueScope(value, context), converter));
  }
  return results;
}
