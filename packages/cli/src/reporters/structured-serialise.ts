/**
 * JSON and YAML as cfn-guard writes them: serde_json's pretty printer (two spaces, `"key": value`,
 * `[]`/`{}` for empty collections, no trailing newline) and serde_yaml (block sequences at the
 * parent's indentation, a final newline). Floats wrapped in RustFloat are written as serde's ryu
 * writes them (`5.0`, `1e22`); ranges wrapped in RangeText are their text.
 */
import { Document, type ScalarTag } from 'yaml';
import { formatSerdeFloat, HeapWatch, RangeText } from '@guardts/evaluator';
import { RustFloat } from '../report/canonical-report.js';

function floatText(value: number): string {
  return Number.isFinite(value) ? formatSerdeFloat(value) : 'null';
}

function json(value: unknown, indent: string, watch: HeapWatch): string {
  // A cross product's report can be gigabytes of text: stop cleanly before V8 runs out of heap.
  watch.step();
  if (value instanceof RustFloat) return floatText(value.value);
  if (value instanceof RangeText) return JSON.stringify(value.text);
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + json(item, inner, watch)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${json(item, inner, watch)}`).join(',\n')}\n${indent}}`;
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

/** V8's longest string: 2^29 - 24 characters. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * Throws V8's own `Invalid string length` at once when the strings of `value` alone add up to
 * more than a string can hold (a cross product's report: n^2 messages of n values each), rather
 * than after minutes of building an output that cannot exist.
 */
function assertPrintable(value: unknown): void {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') total += item.length;
    else if (Array.isArray(item)) for (const each of item) pending.push(each);
    else if (item !== null && typeof item === 'object' && !(item instanceof RustFloat) && !(item instanceof RangeText)) {
      for (const [key, each] of Object.entries(item as Record<string, unknown>)) {
        total += key.length;
        pending.push(each);
      }
    }
    if (total > MAX_STRING_LENGTH) throw new RangeError('Invalid string length');
  }
}

export function toJson(value: unknown): string {
  assertPrintable(value);
  return json(value, '', new HeapWatch());
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
  assertPrintable(value);
  // RangeText values become their text through their toJSON.
  const watch = new HeapWatch();
  // The replacer sees every value the document is built from: the place to watch the heap.
  const document = new Document(value, (_key, item: unknown) => (watch.step(), item), { aliasDuplicateObjects: false, customTags: [SERDE_FLOAT_TAG] });
  return document.toString({ indentSeq: false, lineWidth: 0, singleQuote: true, doubleQuotedAsJSON: true });
}
