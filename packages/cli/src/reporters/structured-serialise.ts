/**
 * JSON and YAML as cfn-guard writes them: serde_json's pretty printer (two spaces, `"key": value`,
 * `[]`/`{}` for empty collections, no trailing newline) and serde_yaml (block sequences at the
 * parent's indentation, a final newline). Floats wrapped in RustFloat keep a fractional part.
 */
import { Document, Scalar } from 'yaml';
import { RustFloat } from '../report/canonical-report.js';

function floatText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  if (Number.isNaN(value) || !Number.isFinite(value)) return 'null';
  return String(value);
}

function json(value: unknown, indent: string): string {
  if (value instanceof RustFloat) return floatText(value.value);
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + json(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${json(item, inner)}`).join(',\n')}\n${indent}}`;
}

/** serde_json's `to_string` (no whitespace). */
export function toCompactJson(value: unknown): string {
  if (value instanceof RustFloat) return floatText(value.value);
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toCompactJson).join(',')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${JSON.stringify(key)}:${toCompactJson(item)}`)
    .join(',')}}`;
}

export function toJson(value: unknown): string {
  return json(value, '');
}

export function toYaml(value: unknown): string {
  const document = new Document(withYamlFloats(value), { aliasDuplicateObjects: false });
  return document.toString({ indentSeq: false, lineWidth: 0, singleQuote: true, doubleQuotedAsJSON: true });
}

/** RustFloat values as YAML scalars printed with a fractional part. */
function withYamlFloats(value: unknown): unknown {
  if (value instanceof RustFloat) {
    const scalar = new Scalar(value.value);
    scalar.minFractionDigits = 1;
    return scalar;
  }
  if (Array.isArray(value)) return value.map(withYamlFloats);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withYamlFloats(item)]));
  return value;
}
