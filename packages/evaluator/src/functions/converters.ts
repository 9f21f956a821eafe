/**
 * `parse_int`, `parse_float`, `parse_boolean`, `parse_string`, `parse_char`
 * (guard/src/rules/functions/converters.rs). Strings are parsed with Rust's number grammars;
 * chars convert through their decimal digit value.
 */
import { parseRustF64, parseRustI64 } from '../document/rust-number-syntax.js';
import type { Value } from '../values/value.js';
import { pathWithLocation } from '../values/value-location.js';
import type { Mapped } from './per-value.js';
import { formatRustFloat } from './rust-float-format.js';

const I64_MAX = 9223372036854775807;
const I64_MIN = -9223372036854775808;

/** Rust's saturating `f64 as i64`: truncation toward zero, NaN → 0. */
function floatToI64(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(I64_MAX, Math.max(I64_MIN, Math.trunc(value))) + 0;
}

function digitValue(character: string): number | null {
  return /^[0-9]$/.test(character) ? Number(character) : null;
}

export function parseInt(value: Value): Mapped {
  const { path, span } = value;
  switch (value.kind) {
    case 'string': {
      const parsed = parseRustI64(value.value);
      if (parsed === undefined) return { failure: `failed to convert a string: ${value.value} into an integer at ${pathWithLocation(value)}` };
      return { kind: 'int', value: parsed, path, span };
    }
    case 'int':
      return { kind: 'int', value: value.value, path, span };
    case 'float':
      return { kind: 'int', value: floatToI64(value.value), path, span };
    case 'char': {
      const digit = digitValue(value.value);
      if (digit === null) return { failure: `failed to convert a character: ${value.value} into an integer at ${pathWithLocation(value)}` };
      return { kind: 'int', value: digit, path, span };
    }
    default:
      return null;
  }
}

export function parseFloat(value: Value): Mapped {
  const { path, span } = value;
  switch (value.kind) {
    case 'string': {
      const parsed = parseRustF64(value.value);
      if (parsed === undefined) return { failure: `failed to convert a string: ${value.value} into a float at ${pathWithLocation(value)}` };
      return { kind: 'float', value: parsed, path, span };
    }
    case 'int':
    case 'float':
      return { kind: 'float', value: value.value, path, span };
    case 'char': {
      const digit = digitValue(value.value);
      if (digit === null) return { failure: `failed to convert a character: ${value.value} into a float at ${pathWithLocation(value)}` };
      return { kind: 'float', value: digit, path, span };
    }
    default:
      return null;
  }
}

export function parseBoolean(value: Value): Mapped {
  const { path, span } = value;
  if (value.kind === 'bool') return { kind: 'bool', value: value.value, path, span };
  if (value.kind !== 'string') return null;
  const lower = value.value.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'bool', value: lower === 'true', path, span };
  return { failure: `failed to convert a string: ${value.value} into a boolean at ${pathWithLocation(value)}` };
}

export function parseString(value: Value): Mapped {
  const { path, span } = value;
  switch (value.kind) {
    case 'int':
      return { kind: 'string', value: String(value.value), path, span };
    case 'float':
      return { kind: 'string', value: formatRustFloat(value.value), path, span };
    case 'bool':
      return { kind: 'string', value: String(value.value), path, span };
    case 'string':
    case 'char':
      return { kind: 'string', value: value.value, path, span };
    default:
      return null;
  }
}

export function parseChar(value: Value): Mapped {
  const { path, span } = value;
  switch (value.kind) {
    case 'int':
      if (value.value < 0 || value.value > 9) return { failure: `failed to convert an int: ${value.value} into a char at ${pathWithLocation(value)}` };
      return { kind: 'char', value: String(value.value), path, span };
    case 'string':
      // Rust measures the string in UTF-8 bytes: `é` is too long.
      if (Buffer.byteLength(value.value, 'utf8') > 1) {
        return { failure: `failed to convert an string: ${value.value} into a char at ${pathWithLocation(value)}` };
      }
      return value.value.length === 0 ? null : { kind: 'char', value: value.value, path, span };
    case 'char':
      return { kind: 'string', value: value.value, path, span };
    default:
      return null;
  }
}
