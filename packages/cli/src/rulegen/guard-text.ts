/**
 * Writing template values back as Guard source the rules parser reads as the same value:
 * names, strings and JSON-like literals. `null` means no Guard text denotes the value.
 */
import type { Value } from '@guardts/evaluator';
import { guardFloat } from './rust-float.js';

const BARE_NAME = /^[A-Za-z][\p{L}\p{N}_]*$/u;

/** A property name after `.` in a query: bare when the grammar allows, else quoted. */
export function propertyPathSegment(name: string): string | null {
  if (BARE_NAME.test(name)) return name;
  // A key made only of digits is always read as a list index (spec §4.3): it cannot be named.
  if (/^-?\d+$/.test(name)) return null;
  return quoteGuardString(name);
}

/**
 * A Guard string literal: only a backslash right before the delimiter is an escape, so the
 * delimiter is chosen to avoid escapes, and a string ending in a backslash cannot be written.
 */
export function quoteGuardString(text: string, preferred: '"' | "'" = '"'): string | null {
  if (text.endsWith('\\')) return null;
  const other = preferred === '"' ? "'" : '"';
  if (!text.includes(preferred)) return `${preferred}${text}${preferred}`;
  if (!text.includes(other)) return `${other}${text}${other}`;
  return `"${text.replaceAll('"', '\\"')}"`;
}

/** A rule or variable name from a resource type: `AWS::S3::Bucket` → `aws_s3_bucket`. */
export function typeRuleName(type: string): string {
  const name = type.replaceAll('::', '_').toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '_');
  return /^[a-z]/.test(name) ? name : `type_${name}`;
}

/**
 * A nested value as compact JSON, as cfn-guard's rulegen prints it (serde_json), which the Guard
 * parser reads as list and map literals. Null when it holds something no literal can express
 * (a negative float: Guard cannot parse `-1.5`).
 */
export function jsonLiteral(value: Value): string | null {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return String(value.value);
    case 'int':
      return String(value.value);
    case 'float':
      return value.value < 0 || !Number.isFinite(value.value) ? null : guardFloat(value.value);
    case 'string':
    case 'char':
      // JSON escapes read back differently in Guard (only `\"` is an escape there), as in the
      // reference's output; but a string ending in a backslash would not even end.
      return value.value.endsWith('\\') ? null : JSON.stringify(value.value);
    case 'list': {
      const items = value.items.map(jsonLiteral);
      return items.includes(null) ? null : `[${items.join(',')}]`;
    }
    case 'map': {
      const entries = value.keys.map((key) => {
        const entry = value.entries.get(key.value);
        const rendered = entry === undefined ? null : jsonLiteral(entry);
        return rendered === null || key.value.endsWith('\\') ? null : `${JSON.stringify(key.value)}:${rendered}`;
      });
      return entries.includes(null) ? null : `{${entries.join(',')}}`;
    }
    case 'regex':
    case 'range':
      return null;
  }
}
