/**
 * Rust's `{:?}` of cfn-guard's `PathAwareValue`, which some of its unresolved-query reasons embed
 * (`Value = Int((Path("/Q/L/0", Location { line: 1, col: 6 }), 10))`). Reports carry those reasons
 * verbatim, so they are reproduced here.
 */
import type { CheckedValue } from '../report/types.js';
import type { StringValue, Value } from '../values/value.js';

function location(value: Pick<Value, 'span'>): string {
  const start = value.span?.start;
  return start === undefined ? 'Location { line: 0, col: 0 }' : `Location { line: ${start.line - 1}, col: ${start.column - 1} }`;
}

function path(p: string, at: Pick<Value, 'span'>): string {
  return `Path(${debugString(p)}, ${location(at)})`;
}

/** `str`'s Debug: quoted, with Rust's escapes. */
export function debugString(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += c;
  }
  return `${out}"`;
}

function debugFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value).replace('e+', 'e');
}

function rangeBound(bound: number | string, kind: 'int' | 'float' | 'char'): string {
  if (kind === 'char') return `'${bound as string}'`;
  return kind === 'float' ? debugFloat(bound as number) : String(bound);
}

/** Map keys from data carry the map's own path in cfn-guard (literal maps: the entry's path). */
function keyDebug(key: StringValue, map: Value): string {
  const keyPath = key.span === null ? key.path : map.path;
  return `String((${path(keyPath, key)}, ${debugString(key.value)}))`;
}

export function valueDebug(value: Value): string {
  const p = path(value.path, value);
  switch (value.kind) {
    case 'null':
      return `Null(${p})`;
    case 'string':
      return `String((${p}, ${debugString(value.value)}))`;
    case 'regex':
      return `Regex((${p}, ${debugString(value.pattern)}))`;
    case 'bool':
      return `Bool((${p}, ${value.value}))`;
    case 'int':
      return `Int((${p}, ${value.value}))`;
    case 'float':
      return `Float((${p}, ${debugFloat(value.value)}))`;
    case 'char':
      return `Char((${p}, '${value.value}'))`;
    case 'list':
      return `List((${p}, [${value.items.map(valueDebug).join(', ')}]))`;
    case 'map': {
      const keys = value.keys.map((k) => keyDebug(k, value)).join(', ');
      const entries = [...value.entries].map(([k, v]) => `${debugString(k)}: ${valueDebug(v)}`).join(', ');
      return `Map((${p}, MapValue { keys: [${keys}], values: {${entries}} }))`;
    }
    case 'range': {
      const variant = value.rangeKind === 'int' ? 'RangeInt' : value.rangeKind === 'float' ? 'RangeFloat' : 'RangeChar';
      const inclusive = (value.lowerInclusive ? 1 : 0) | (value.upperInclusive ? 2 : 0);
      return `${variant}((${p}, RangeType { upper: ${rangeBound(value.upper, value.rangeKind)}, lower: ${rangeBound(value.lower, value.rangeKind)}, inclusive: ${inclusive} }))`;
    }
  }
}

/** `Vec<PathAwareValue>`'s Debug. */
export function listDebug(items: readonly Value[]): string {
  return `[${items.map(valueDebug).join(', ')}]`;
}

/** `Vec<QueryResult>`'s Debug, as the out-of-bounds reason of key interpolation embeds it. */
export function resultsDebug(results: readonly CheckedValue[]): string {
  return `[${results.map(resultDebug).join(', ')}]`;
}

function resultDebug(result: CheckedValue): string {
  switch (result.kind) {
    case 'literal':
      return `Literal(${valueDebug(result.value)})`;
    case 'resolved':
      return `Resolved(${valueDebug(result.value)})`;
    case 'unresolved':
      return `UnResolved(UnResolved { traversed_to: ${valueDebug(result.traversedTo)}, remaining_query: ${debugString(result.remainingQuery)}, reason: Some(${debugString(result.reason)}) })`;
  }
}
