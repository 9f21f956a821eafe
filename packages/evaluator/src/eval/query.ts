/**
 * Query resolution: cfn-guard 3.1.1's `query_retrieval_with_converter` (eval_context.rs), part by
 * part. A query yields a list of results: resolved values, unresolved results (traversal stopped,
 * with the deepest value reached) — or nothing at all when a filter selects nothing.
 */
import { queryText, valueText } from '../compile/display.js';
import type { CompiledConjunctions, CompiledGuardClause, CompiledPart, TypeEquals } from '../compile/ir.js';
import type { CheckedValue } from '../report/types.js';
import type { UnresolvedResult } from '../values/query-result.js';
import type { ListValue, MapValue, StringValue, Value } from '../values/value.js';
import { pathWithLocation } from '../values/value-location.js';
import { abort } from './abort.js';
import { listDebug, valueDebug } from './value-debug.js';
import { realBinaryOperation } from './clauses.js';
import { typeInfo } from './compare-values.js';
import { evaluateConjunctions, evaluateGuardClause } from './evaluate-rules.js';
import { resolveFunction } from './functions-bridge.js';
import { ValueScope, type EvalContext } from './scopes.js';
import { resourcesByType } from './type-index.js';

type Parts = readonly CompiledPart[];

/**
 * Which case converter this query settled on (an index into each key part's `variants`), or
 * NO_CONVERTER while none was needed: once one converter found a key, only it is retried.
 */
export type ConverterIndex = number;
export const NO_CONVERTER: ConverterIndex = -1;

/** An unresolved result whose texts are built only when read: most are never printed. */
class LazyUnresolved implements UnresolvedResult {
  readonly kind = 'unresolved';

  constructor(
    readonly traversedTo: Value,
    private readonly describe: () => string,
    private readonly parts: Parts,
    private readonly from: number,
  ) {}

  get remainingQuery(): string {
    return queryText(this.from === 0 ? this.parts : this.parts.slice(this.from));
  }

  get reason(): string {
    return this.describe();
  }

  /** Serialises like a plain `UnresolvedResult`. */
  toJSON(): UnresolvedResult {
    return { kind: this.kind, traversedTo: this.traversedTo, remainingQuery: this.remainingQuery, reason: this.reason };
  }
}

function unresolved(current: Value, reason: () => string, parts: Parts, from: number): UnresolvedResult {
  return new LazyUnresolved(current, reason, parts, from);
}

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

/**
 * `map.*[ Type == "X" ]` answered from the type index — same results as running the filter on
 * every value, without recording its events, so only used when no events or trace are wanted.
 */
function selectByType(map: MapValue, index: number, parts: Parts, context: EvalContext, converter: ConverterIndex): CheckedValue[] | null {
  const next = parts[index + 1];
  if (next?.kind !== 'filter' || next.typeEquals === null) return null;
  if (context.state.recorder.enabled || context.state.trace !== null) return null;
  const wanted = typeName(next.typeEquals, context);
  if (wanted === null) return null;
  const byType = resourcesByType(map);
  if (byType === null) return null;
  const results: CheckedValue[] = [];
  for (const value of byType.get(wanted) ?? []) pushAll(results, retrieveQuery(index + 2, parts, value, new ValueScope(value, context), converter));
  return results;
}

function typeName(shape: TypeEquals, context: EvalContext): string | null {
  if ('literal' in shape) return shape.literal;
  const values = context.resolveVariable(shape.variable);
  const only = values.length === 1 ? values[0]! : null;
  return only !== null && only.kind === 'literal' && only.value.kind === 'string' ? only.value.value : null;
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

/** `Resources.%names`: every string value of the variable used as a key of the current map. */
function interpolate(
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
            () => `Index ${position} on the set of values returned for variable ${name} on the join, is out of bounds. Length ${keys.length}`, parts, index),
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

/** `[*]` / `.*` over a list: every element; an empty list is unresolved. */
function accumulate(list: ListValue, index: number, parts: Parts, context: EvalContext, converter: ConverterIndex): CheckedValue[] {
  if (list.items.length === 0) {
    return [unresolved(list, () => `No more entries for value at path = ${pathWithLocation(list)} on type = ${typeInfo(list)} `, parts, index)];
  }
  const results: CheckedValue[] = [];
  for (const each of list.items) pushAll(results, retrieveQuery(index + 1, parts, each, context, converter));
  return results;
}

type MapEntryStep = (
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
function accumulateMap(
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

/** Runs the filter clauses in `context` and continues with `value` when they PASS. */
function checkAndDelegate(clauses: CompiledConjunctions<CompiledGuardClause>, capture: string | null): MapEntryStep {
  return (index, parts, key, owner, value, context, converter) => {
    context.startRecord(`Filter/Map#${clauses.length}`);
    let status;
    try {
      status = context.state.nested(() => evaluateConjunctions(clauses, context, evaluateGuardClause));
    } catch (error) {
      context.endRecord({ kind: 'Filter', status: 'FAIL' });
      throw error;
    }
    context.endRecord({ kind: 'Filter', status });
    traceFilter(context, value, status);
    if (capture !== null && status === 'PASS') context.addCaptureKey(capture, capturedKey(key, owner));
    return status === 'PASS' ? retrieveQuery(index, parts, value, context, converter) : [];
  };
}

function traceFilter(context: EvalContext, candidate: Value, status: 'PASS' | 'FAIL' | 'SKIP'): void {
  const trace = context.state.trace;
  if (trace !== null) trace.push({ kind: 'filter', span: candidate.span, candidatePath: candidate.path, status });
}

function filter(
  index: number,
  parts: Parts,
  clauses: CompiledConjunctions<CompiledGuardClause>,
  capture: string | null,
  current: Value,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] {
  const previous = parts[index - 1];
  if (current.kind === 'map') {
    switch (previous?.kind) {
      case 'allValues':
      case 'allIndices':
        // The reference evaluates the clauses in the scope it was given, which after a wildcard
        // over a list is the enclosing one (its "wrong context" bug, reproduced on purpose).
        return checkAndDelegate(clauses, null)(index + 1, parts, current, null, current, context, converter);
      case 'key':
      case 'variable':
        if (current.entries.size === 0) return [];
        return accumulateMap(current, index, parts, context, converter, checkAndDelegate(clauses, capture));
      default:
        // cfn-guard 3.1.1 panics here (exit 101); a clean runtime error instead (docs/divergences.md).
        return abort(
          'filter-on-map-after-index',
          `A filter on a map value is only supported after a key or a wildcard (query ${queryText(parts)}); cfn-guard 3.1.1 panics here`,
        );
    }
  }
  if (current.kind === 'list') {
    const results: CheckedValue[] = [];
    for (const each of current.items) {
      context.startRecord(`Filter/List#${clauses.length}`);
      let status;
      try {
        status = context.state.nested(() => evaluateConjunctions(clauses, new ValueScope(each, context), evaluateGuardClause));
      } catch (error) {
        context.endRecord({ kind: 'Filter', status: 'FAIL' });
        throw error;
      }
      context.endRecord({ kind: 'Filter', status });
      traceFilter(context, each, status);
      if (status === 'PASS') pushAll(results, retrieveQuery(index + 1, parts, each, context, converter));
    }
    return results;
  }
  if (previous?.kind === 'allIndices') {
    const status = context.state.nested(() => evaluateConjunctions(clauses, new ValueScope(current, context), evaluateGuardClause));
    return status === 'PASS' ? retrieveQuery(index + 1, parts, current, context, converter) : [];
  }
  return [
    unresolved(current, () => `Filter on value type that was not a struct or array ${typeInfo(current)} ${pathWithLocation(current)}`, parts, index),
  ];
}

function keysFilter(
  index: number,
  parts: Parts,
  part: Extract<CompiledPart, { kind: 'keysFilter' }>,
  current: Value,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] {
  if (current.kind !== 'map') {
    return [unresolved(current, () => `Map Filter for keys was not a struct ${typeInfo(current)} ${pathWithLocation(current)}`, parts, index)];
  }
  const rhs: CheckedValue[] =
    part.rhs.kind === 'query'
      ? retrieveQuery(0, part.rhs.query.parts, current, context, converter)
      : part.rhs.kind === 'literal'
        ? [{ kind: 'literal', value: part.rhs.value }]
        : resolveFunction(part.rhs, context);
  const keys: CheckedValue[] = current.keys.map((key) => ({ kind: 'resolved', value: keyValue(key, current) }));
  const outcomes = realBinaryOperation(keys, rhs, part.comparison, '', null, null, context);
  const results: CheckedValue[] = [];
  for (const [result, status] of outcomes) {
    if (result.kind === 'unresolved') results.push(result);
    else if (status === 'PASS' && result.kind === 'resolved' && result.value.kind === 'string') {
      pushAll(results, retrieveQuery(index + 1, parts, current.entries.get(result.value.value)!, context, converter));
    }
  }
  return results;
}

/** A map key as cfn-guard sees it: data keys carry the map's path (and the key's position). */
function keyValue(key: StringValue, map: MapValue): StringValue {
  return key.span === null ? key : { ...key, path: map.path };
}

function capturedKey(key: Value, owner: MapValue | null): Value {
  return key.kind === 'string' && owner !== null ? keyValue(key, owner) : key;
}

function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
