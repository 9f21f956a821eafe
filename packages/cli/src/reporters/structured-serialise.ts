/**
 * JSON and YAML as cfn-guard writes them: serde_json's pretty printer (two spaces, `"key": value`,
 * `[]`/`{}` for empty collections, no trailing newline) and serde_yaml (block sequences at the
 * parent's indentation, a final newline). Floats wrapped in RustFloat are written as serde's ryu
 * writes them (`5.0`, `1e22`); ranges wrapped in RangeText are their text.
 */
import { Document, type ScalarTag } from 'yaml';
import { formatSerdeFloat, RangeText } from '@guardts/evaluator';
import { RustFloat } from '../report/canonical-report.js';

function floatText(value: number): string {
  return Number.isFinite(value) ? formatSerdeFloat(value) : 'null';
}

function json(value: unknown, indent: string): string {
  if (value instanceof RustFloat) return floatText(value.value);
  if (value instanceof RangeText) return JSON.stringify(value.text);
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
  if (value instanceof RangeText) return JSON.stringify(value.text);
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

/** serde_yaml writes floats as serde_json does (ryu's layout); this tag recognises RustFloat values. */
const SERDE_FLOAT_TAG: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (value) => value instanceof RustFloat,
  // Only written, never read back.
  resolve: (text) => Number(text),
  stringify: (item) => floatText((item.value as RustFloat).value),
};

export function toYaml(value: unknown): string {
  // RangeText values become their text through their toJSON.
  const document = new Document(value, { aliasDuplicateObjects: false, customTags: [SERDE_FLOAT_TAG] });
  return document.toString({ indentSeq: false, lineWidth: 0, singleQuote: true, doubleQuotedAsJSON: true });
}
