/**
 * `to_upper`, `to_lower`, `url_decode` and `substring` (guard/src/rules/functions/strings.rs),
 * all per string value.
 */
import type { Value } from '../values/value.js';
import { pathWithLocation } from '../values/value-location.js';
import type { Mapped } from './per-value.js';

export function toUpper(value: Value): Mapped {
  // JavaScript's mapping is the full, locale-independent Unicode one, like Rust's (`ß` → `SS`).
  return value.kind === 'string' ? { ...value, value: value.value.toUpperCase() } : null;
}

export function toLower(value: Value): Mapped {
  return value.kind === 'string' ? { ...value, value: value.value.toLowerCase() } : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * The `urlencoding` crate's `decode`: `%XX` becomes the byte XX, a `%` not followed by two hex
 * digits stays as it is (`%4%41` → `%4A`), `+` stays `+`; bytes that do not form UTF-8 drop the value.
 */
export function urlDecode(value: Value): Mapped {
  if (value.kind !== 'string') return null;
  const bytes = Buffer.from(value.value, 'utf8');
  const decoded: number[] = [];
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    const high = byte === 0x25 ? hexValue(bytes[index + 1] ?? -1) : -1;
    const low = high >= 0 ? hexValue(bytes[index + 2] ?? -1) : -1;
    if (low >= 0) {
      decoded.push(high * 16 + low);
      index += 2;
    } else {
      decoded.push(byte);
    }
  }
  try {
    return { ...value, value: utf8.decode(Uint8Array.from(decoded)) };
  } catch {
    return null;
  }
}

/** Rust's `n as u16`: integers wrap modulo 2^16, floats saturate (NaN → 0). */
export function toU16(value: Value): number | null {
  if (value.kind === 'int') return ((Math.trunc(value.value) % 65536) + 65536) % 65536;
  if (value.kind === 'float') {
    if (Number.isNaN(value.value)) return 0;
    return Math.min(65535, Math.max(0, Math.trunc(value.value)));
  }
  return null;
}

/**
 * `s[from..to]` in UTF-8 bytes, for `0 ≤ from < to ≤ len` and a non-empty string, else dropped.
 * Where cfn-guard panics (a bound inside a multi-byte character, exit 101) this fails cleanly.
 */
export function substring(from: number, to: number): (value: Value) => Mapped {
  return (value) => {
    if (value.kind !== 'string') return null;
    const bytes = Buffer.from(value.value, 'utf8');
    if (bytes.length === 0 || from >= to || from > bytes.length || to > bytes.length) return null;
    const insideCharacter = (index: number) => index < bytes.length && ((bytes[index] as number) & 0xc0) === 0x80;
    if (insideCharacter(from) || insideCharacter(to)) {
      const at = insideCharacter(from) ? from : to;
      return {
        failure: `substring: byte index ${at} is not a character boundary in "${value.value}" at ${pathWithLocation(value)}`,
      };
    }
    return { ...value, value: bytes.subarray(from, to).toString('utf8') };
  };
}
