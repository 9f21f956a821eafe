/**
 * Builders for the loaded values. Containers are created with their (still mutable) arrays and
 * maps and filled in place by the iterative loaders, so no value is ever copied.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { ListValue, MapValue, StringValue, Value } from '../values/value.js';
import type { TypedScalar } from './validate-scalar-typing.js';

export interface OpenList {
  readonly value: ListValue;
  readonly items: Value[];
}

export interface OpenMap {
  readonly value: MapValue;
  readonly keys: StringValue[];
  readonly entries: Map<string, Value>;
}

export function openList(path: string, span: SourceSpan | null, length: number): OpenList {
  const items: Value[] = new Array<Value>(length);
  return { value: { kind: 'list', path, span, items }, items };
}

export function openMap(path: string, span: SourceSpan | null): OpenMap {
  const keys: StringValue[] = [];
  const entries = new Map<string, Value>();
  return { value: { kind: 'map', path, span, keys, entries }, keys, entries };
}

/**
 * Adds an entry the way cfn-guard's IndexMap does: a repeated key keeps its first position (and
 * its first key value) and takes the new value.
 */
export function putEntry(map: OpenMap, key: StringValue, value: Value): void {
  if (!map.entries.has(key.value)) map.keys.push(key);
  map.entries.set(key.value, value);
}

export function scalarValue(typed: Exclude<TypedScalar, { kind: 'bad-value' }>, path: string, span: SourceSpan | null): Value {
  switch (typed.kind) {
    case 'null':
      return { kind: 'null', path, span };
    case 'string':
      return { kind: 'string', path, span, value: typed.value };
    case 'int':
      return { kind: 'int', path, span, value: typed.value };
    case 'float':
      return { kind: 'float', path, span, value: typed.value };
    case 'bool':
      return { kind: 'bool', path, span, value: typed.value };
  }
}

/** A scalar's text as written (quotes and escapes resolved), before any tag's interpretation. */
export function scalarText(node: { readonly source?: string; readonly value: unknown }): string {
  return typeof node.source === 'string' ? node.source : String(node.value);
}
