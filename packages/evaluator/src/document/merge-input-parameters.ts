/**
 * `validate --input-params` (spec §9.3), as cfn-guard 3.1.1 does it: the parameter documents are
 * merged left to right, then the data document is merged into that result, so the parameter keys
 * come first and the data keys follow. Two maps merge key by key and a key on both sides is an
 * error ("Key X, already exists in map"); two lists are concatenated; any other pair is an error.
 * Only the root is rebuilt: every merged value is shared, not copied, and keeps its own path.
 */
import type { ListValue, MapValue, StringValue, Value } from '../values/value.js';
import type { DocumentLoadResult } from './load-result.js';

function describeWhere(value: Value): string {
  const span = value.span;
  return span === null ? '' : `${span.file}:${span.start.line}:${span.start.column}: `;
}

function mergeTwo(into: Value, other: Value): DocumentLoadResult {
  if (into.kind === 'list' && other.kind === 'list') {
    const merged: ListValue = { kind: 'list', path: into.path, span: into.span, items: [...into.items, ...other.items] };
    return { ok: true, document: merged };
  }
  if (into.kind === 'map' && other.kind === 'map') {
    const keys: StringValue[] = [...into.keys];
    const entries = new Map(into.entries);
    for (const key of other.keys) {
      if (entries.has(key.value)) {
        return {
          ok: false,
          error: { code: 'key-exists', message: `${describeWhere(key)}Key ${key.value}, already exists in map`, span: key.span },
        };
      }
      keys.push(key);
      entries.set(key.value, other.entries.get(key.value)!);
    }
    const merged: MapValue = { kind: 'map', path: into.path, span: into.span, keys, entries };
    return { ok: true, document: merged };
  }
  return {
    ok: false,
    error: {
      code: 'not-a-map',
      message: `${describeWhere(other)}Types are not compatible for merges ${into.kind}, ${other.kind} (input parameters and data must both be maps)`,
      span: other.span,
    },
  };
}

/** The data document with the parameter documents merged in; the data document itself is returned when there are none. */
export function mergeInputParameters(document: Value, parameterDocuments: readonly Value[]): DocumentLoadResult {
  if (parameterDocuments.length === 0) return { ok: true, document };
  let merged: Value = parameterDocuments[0]!;
  for (const next of parameterDocuments.slice(1)) {
    const result = mergeTwo(merged, next);
    if (!result.ok) return result;
    merged = result.document;
  }
  return mergeTwo(merged, document);
}
