/** Between the evaluator's data values and plain JSON; projection works on JSON, rules on values. */
import { childPath, valueToJson, type MapValue, type StringValue, type Value } from '@guardts/evaluator';
import type { JsonValue } from '../projection/json.js';

const VALUE_KINDS = new Set(['null', 'string', 'int', 'float', 'bool', 'list', 'map', 'regex', 'range', 'char']);

/** True for the evaluator's `Value` nodes (they carry `kind`, `path` and `span`). */
export function isDataValue(input: unknown): input is Value {
  return (
    typeof input === 'object' &&
    input !== null &&
    'kind' in input &&
    'path' in input &&
    'span' in input &&
    VALUE_KINDS.has(String((input as { kind: unknown }).kind))
  );
}

/** A synthesised document: paths as cfn-guard prints them, no spans (no file behind it). */
export function jsonToValue(json: JsonValue, path = ''): Value {
  if (json === null) return { kind: 'null', path, span: null };
  if (typeof json === 'string') return { kind: 'string', value: json, path, span: null };
  if (typeof json === 'boolean') return { kind: 'bool', value: json, path, span: null };
  if (typeof json === 'number') return { kind: Number.isInteger(json) ? 'int' : 'float', value: json, path, span: null };
  if (Array.isArray(json)) return { kind: 'list', items: json.map((item, index) => jsonToValue(item, childPath(path, index))), path, span: null };
  const keys: StringValue[] = [];
  const entries = new Map<string, Value>();
  for (const [key, entry] of Object.entries(json)) {
    const entryPath = childPath(path, key);
    keys.push({ kind: 'string', value: key, path: entryPath, span: null });
    entries.set(key, jsonToValue(entry, entryPath));
  }
  const map: MapValue = { kind: 'map', keys, entries, path, span: null };
  return map;
}

/** Either input form as plain JSON (the evaluator's own conversion for values). */
export function toJson(input: JsonValue | Value): JsonValue {
  return isDataValue(input) ? (valueToJson(input) as JsonValue) : input;
}
