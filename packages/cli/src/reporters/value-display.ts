/**
 * cfn-guard's `ValueOnlyDisplay` over the JSON form of a reported value (`"text"`, `NULL`, lists
 * and maps without spaces), and its `self_path()` display `path[L:line,C:column]`.
 */
import { formatRustFloat, RangeText, RustFloat, type Value } from '@guardts/evaluator';
import { findValueByPath } from '../report/locate-value.js';

export function valueOnlyDisplay(value: unknown): string {
  if (value === null || value === undefined) return '"NULL"';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return formatRustFloat(value);
  if (value instanceof RustFloat) return formatRustFloat(value.value);
  if (value instanceof RangeText) return value.text;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(valueOnlyDisplay).join(',')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `"${key}":${valueOnlyDisplay(item)}`)
    .join(',')}}`;
}

/** The 0-based line and column cfn-guard records for the value at `path` (0,0 when unknown). */
export function referencePosition(document: Value, path: string): { line: number; column: number } {
  if (path === '') return { line: 0, column: 0 };
  const span = findValueByPath(document, path)?.span;
  return span === undefined || span === null ? { line: 0, column: 0 } : { line: span.start.line - 1, column: span.start.column - 1 };
}

export function selfPath(document: Value, path: string): string {
  const { line, column } = referencePosition(document, path);
  return `${path}[L:${line},C:${column}]`;
}
