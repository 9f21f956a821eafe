// A small YAML/JSON -> Value converter for unit tests (paths, no spans), independent of the
// document loader so that evaluator tests do not depend on its loading rules.
import { parse } from 'yaml';
import { childPath, type StringValue, type Value } from '../../src/values/value.js';

export function plainValue(data: unknown, path = ''): Value {
  if (data === null || data === undefined) return { kind: 'null', path, span: null };
  if (typeof data === 'string') return { kind: 'string', value: data, path, span: null };
  if (typeof data === 'boolean') return { kind: 'bool', value: data, path, span: null };
  if (typeof data === 'number') {
    return Number.isInteger(data) ? { kind: 'int', value: data, path, span: null } : { kind: 'float', value: data, path, span: null };
  }
  if (Array.isArray(data)) return { kind: 'list', items: data.map((item, i) => plainValue(item, childPath(path, i))), path, span: null };
  const keys: StringValue[] = [];
  const entries = new Map<string, Value>();
  for (const [key, item] of Object.entries(data as Record<string, unknown>)) {
    const itemPath = childPath(path, key);
    keys.push({ kind: 'string', value: key, path: itemPath, span: null });
    entries.set(key, plainValue(item, itemPath));
  }
  return { kind: 'map', keys, entries, path, span: null };
}

export function yamlDocument(text: string): Value {
  return plainValue(parse(text));
}
