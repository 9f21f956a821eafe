/**
 * Filters in queries (cfn-guard 3.1.1 `query_retrieval_with_converter`, the `Filter` and
 * `MapKeyFilter` parts): `[ clauses ]` on lists, maps and scalars — with the reference's choice of
 * candidates and its wrong-context behaviour after a wildcard (§4.6) — key filters (§4.7), and the
 * type index that answers `Resources.*[ Type == "X" ]` without running the filter (and narrows
 * `Resources.*[ Type == "X" … ]` to the values of that type, filter-type-guard.ts).
 */
import { queryText } from '../compile/display.js';
import type { CompiledConjunctions, CompiledGuardClause, CompiledPart, TypeEquals } from '../compile/ir.js';
import type { CheckedValue } from '../report/types.js';
import type { MapValue, Value } from '../values/value.js';
import { pathWithLocation } from '../values/value-location.js';
import { abort } from './abort.js';
import { typeInfo } from './compare-values.js';
import { DISJUNCTION_OF, evaluateConjunctions, evaluateGuardClause } from './evaluate-rules.js';
import { resolveFunction } from './functions-bridge.js';
import { realBinaryOperation } from './key-filter-comparison.js';
import { accumulateMap, retrieveQuery, type MapEntryStep } from './query.js';
import { capturedKey, keyValue, pushAll, unresolved, type ConverterIndex, type Parts } from './query-results.js';
import { ValueScope, type EvalContext } from './scopes.js';
import { resourcesByType } from './type-index.js';
import { filterTypeGuard, guardAdmitsQuietly, selectByTypeGuard, type TypeGuard } from './filter-type-guard.js';

/**
 * `map.*[ Type == "X" ]` answered from the type index — same results as running the filter on
 * every value, without recording its events, so only used when no events or trace are wanted.
 */
export function selectByType(map: MapValue, index: number, parts: Parts, context: EvalContext, converter: ConverterIndex): CheckedValue[] | null {
  const next = parts[index + 1];
  if (next?.kind !== 'filter' || next.capture !== null) return null;
  const exact = next.typeEquals;
  // Not exactly `[ Type == … ]`: maybe a filter with a line on `Type` that picks the candidates.
  const guard = exact === null ? filterTypeGuard(next.clauses) : null;
  if (exact === null && guard === null) return null;
  if (context.state.trace !== null) return null;
  const recording = context.state.recorder.enabled;
  if (recording && context.state.recordFilterClauses) return null;
  // The index first: on an empty or irregular map the filter (and its variable) is never evaluated.
  const byType = resourcesByType(map);
  if (byType === null) return null;
  if (exact === null) {
    if (guard === null) return null;
    if (recording) return selectByTypeGuardRecorded(map, byType, guard, next.clauses, index, parts, context, converter);
    return selectByTypeGuard(map, byType, guard, index, parts, context, converter);
  }
  const wanted = typeName(exact, context);
  if (wanted === null) return null;
  if (recording) return selectByTypeRecorded(map, wanted, `Filter/Map#${next.clauses.length}`, index, parts, context, converter);
  const results: CheckedValue[] = [];
  for (const value of byType.get(wanted) ?? []) pushAll(results, retrieveQuery(index + 2, parts, value, new ValueScope(value, context), converter));
  return results;
}

/**
 * The same selection while recording the events of a report: every candidate leaves its `Filter`
 * record with the filter's outcome, in document order, as running the filter would — without the
 * records of the `Type == X` check inside, which no report reads (reports skip filter records; the
 * verbose tree asks for them with `recordFilterClauses`). A failing template's recording pass
 * used to run the filter on every resource for each rules file.
 */
function selectByTypeRecorded(map: MapValue, wanted: string, label: string, index: number, parts: Parts, context: EvalContext, converter: ConverterIndex): CheckedValue[] {
  const results: CheckedValue[] = [];
  for (const key of map.keys) {
    const value = map.entries.get(key.value)!;
    // resourcesByType indexed this map, so every value is a map with a string `Type`.
    const type = value.kind === 'map' ? value.entries.get('Type') : undefined;
    const status = type?.kind === 'string' && type.value === wanted ? 'PASS' : 'FAIL';
    const scope = new ValueScope(value, context);
    scope.startRecord(label);
    scope.endRecord({ kind: 'Filter', status });
    if (status === 'PASS') pushAll(results, retrieveQuery(index + 2, parts, value, scope, converter));
  }
  return results;
}

/**
 * The same for a filter with a line on `Type` among others (filter-type-guard.ts), while recording
 * a report's events: a candidate of a type the line rejects leaves its `Filter` record with the
 * outcome FAIL, as running the filter would (its other lines cannot raise), without the records
 * inside that no report reads; every other candidate runs the filter as usual, records and all,
 * since what fails inside a passing filter decides which of its ancestors the report keeps
 * (recorder.ts). Null, to run the filter on every candidate, when deciding a type takes an
 * evaluation (a variable on the right of the line), which could record.
 */
function selectByTypeGuardRecorded(
  map: MapValue,
  byType: ReadonlyMap<string, readonly Value[]>,
  guard: TypeGuard,
  clauses: CompiledConjunctions<CompiledGuardClause>,
  index: number,
  parts: Parts,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] | null {
  const admitted = new Set<Value>();
  for (const values of byType.values()) {
    const first = values[0]!;
    const admits = first.kind === 'map' ? guardAdmitsQuietly(guard, first.entries.get('Type')!, context) : null;
    if (admits === null) return null;
    if (admits) for (const value of values) admitted.add(value);
  }
  const step = checkAndDelegate(clauses, null);
  const label = `Filter/Map#${clauses.length}`;
  const results: CheckedValue[] = [];
  for (const key of map.keys) {
    const value = map.entries.get(key.value)!;
    const scope = new ValueScope(value, context);
    // As `filter` runs it on a map's value after a wildcard (accumulateMap, then checkAndDelegate).
    if (admitted.has(value)) pushAll(results, step(index + 2, parts, value, null, value, scope, converter));
    else {
      scope.startRecord(label);
      scope.endRecord({ kind: 'Filter', status: 'FAIL' });
    }
  }
  return results;
}

function typeName(shape: TypeEquals, context: EvalContext): string | null {
  if ('literal' in shape) return shape.literal;
  const values = context.resolveVariable(shape.variable);
  const only = values.length === 1 ? values[0]! : null;
  return only !== null && only.kind === 'literal' && only.value.kind === 'string' ? only.value.value : null;
}

/** Runs the filter clauses in `context` and continues with `value` when they PASS. */
function checkAndDelegate(clauses: CompiledConjunctions<CompiledGuardClause>, capture: string | null): MapEntryStep {
  return (index, parts, key, owner, value, context, converter) => {
    context.startRecord(`Filter/Map#${clauses.length}`);
    let status;
    try {
      status = context.state.nested(() => evaluateConjunctions(clauses, context, evaluateGuardClause, DISJUNCTION_OF.clauses));
    } catch (error) {
      context.endRecord({ kind: 'Filter', status: 'FAIL' });
      throw error;
    }
    traceCandidate(context, value);
    context.endRecord({ kind: 'Filter', status });
    if (capture !== null && status === 'PASS') context.addCaptureKey(capture, capturedKey(key, owner));
    return status === 'PASS' ? retrieveQuery(index, parts, value, context, converter) : [];
  };
}

/** Notes, on the open `Filter` record, which value its clauses were evaluated against. */
function traceCandidate(context: EvalContext, candidate: Value): void {
  const trace = context.state.trace;
  if (trace !== null) trace.note({ kind: 'candidate', value: candidate });
}

export function filter(
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
        status = context.state.nested(() => evaluateConjunctions(clauses, new ValueScope(each, context), evaluateGuardClause, DISJUNCTION_OF.clauses));
      } catch (error) {
        context.endRecord({ kind: 'Filter', status: 'FAIL' });
        throw error;
      }
      traceCandidate(context, each);
      context.endRecord({ kind: 'Filter', status });
      if (status === 'PASS') pushAll(results, retrieveQuery(index + 1, parts, each, context, converter));
    }
    return results;
  }
  if (previous?.kind === 'allIndices') {
    const status = context.state.nested(() => evaluateConjunctions(clauses, new ValueScope(current, context), evaluateGuardClause, DISJUNCTION_OF.clauses));
    return status === 'PASS' ? retrieveQuery(index + 1, parts, current, context, converter) : [];
  }
  return [
    unresolved(current, () => `Filter on value type that was not a struct or array ${typeInfo(current)} ${pathWithLocation(current)}`, parts, index),
  ];
}

export function keysFilter(
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
