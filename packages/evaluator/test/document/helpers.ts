// Small helpers for the document-loader tests: load-or-fail and navigation by keys.
import { expect } from 'vitest';
import type { DocumentLoadError, DocumentLoadResult, Value } from '../../src/index.js';

export function documentOf(result: DocumentLoadResult): Value {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.code}: ${result.error.message}`);
  return result.document;
}

export function errorOf(result: DocumentLoadResult): DocumentLoadError {
  if (result.ok) throw new Error('expected a load error, got a document');
  return result.error;
}

/** The value at `keys` (map keys or list indices); fails the test when absent. */
export function at(value: Value, ...keys: Array<string | number>): Value {
  let current = value;
  for (const key of keys) {
    if (current.kind === 'map' && typeof key === 'string' && current.entries.has(key)) current = current.entries.get(key)!;
    else if (current.kind === 'list' && typeof key === 'number' && key < current.items.length) current = current.items[key]!;
    else {
      expect.fail(`no ${JSON.stringify(key)} in the ${current.kind} at ${JSON.stringify(current.path)}`);
    }
  }
  return current;
}

/** `kind:value` of a scalar, e.g. `int:5`, `string:abc`, `null`. */
export function scalar(value: Value): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'string':
    case 'int':
    case 'float':
    case 'bool':
      return `${value.kind}:${String(value.value)}`;
    default:
      return value.kind;
  }
}
