/**
 * How `cfn-guard test` types the scalars of its spec files: serde_yaml 0.9, the YAML 1.2 core
 * schema with serde_yaml's own edges. `True`/`TRUE` are booleans, `Null`/`NULL`/`~`/empty are
 * null, `0x10`/`0o10`/`0b10` are integers, a leading zero makes a string (`012`), `.inf`/`.nan`
 * are floats while `inf`/`nan` are strings, a float that overflows is a string. Integers above
 * i64 wrap to negative (`18446744073709551615` → -1) and beyond u64 (or below i64) the whole
 * file is rejected, both as the reference does.
 */
import type { TypedScalar } from './validate-scalar-typing.js';
import { CORE_TAG_PREFIX } from './validate-scalar-typing.js';

/** A typed scalar, or `out-of-range` for integers serde_yaml can only hold as 128-bit (the file is refused). */
export type CoreTypedScalar = TypedScalar | { readonly kind: 'out-of-range'; readonly text: string };

const TWO_POW_63 = 1n << 63n;
const TWO_POW_64 = 1n << 64n;

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };

/** Leading zeros followed by digits is a string in YAML 1.2 (`012`, `-00`). */
function digitsButNotNumber(text: string): boolean {
  const unsigned = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
  return unsigned.length > 1 && unsigned.startsWith('0') && /^[0-9]+$/.test(unsigned.slice(1));
}

function parseDigits(digits: string, radix: number): bigint | undefined {
  if (!DIGITS[radix]!.test(digits)) return undefined;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  return BigInt(prefix + digits);
}

/** The integer the text denotes under serde_yaml's rules (any size), or undefined. */
function parseCoreInteger(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('+')) rest = rest.slice(1);
  else if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  if (rest.startsWith('+') || rest.startsWith('-')) return undefined;
  let magnitude: bigint | undefined;
  if (rest.startsWith('0x')) magnitude = parseDigits(rest.slice(2), 16);
  else if (rest.startsWith('0o')) magnitude = parseDigits(rest.slice(2), 8);
  else if (rest.startsWith('0b')) magnitude = parseDigits(rest.slice(2), 2);
  else if (!digitsButNotNumber(text)) magnitude = parseDigits(rest, 10);
  if (magnitude === undefined) return undefined;
  return negative ? -magnitude : magnitude;
}

function integerScalar(big: bigint, text: string): CoreTypedScalar {
  if (big >= TWO_POW_64 || big < -TWO_POW_63) return { kind: 'out-of-range', text };
  // serde's u64 → i64 `as` cast: values from 2^63 wrap to negative.
  const wrapped = big >= TWO_POW_63 ? big - TWO_POW_64 : big;
  return { kind: 'int', value: Number(wrapped) };
}

const FLOAT_SYNTAX = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function parseCoreFloat(text: string): number | undefined {
  const unsigned = text.startsWith('+') ? text.slice(1) : text;
  if (text.startsWith('+') && (unsigned.startsWith('+') || unsigned.startsWith('-'))) return undefined;
  if (unsigned === '.inf' || unsigned === '.Inf' || unsigned === '.INF') return Number.POSITIVE_INFINITY;
  if (text === '-.inf' || text === '-.Inf' || text === '-.INF') return Number.NEGATIVE_INFINITY;
  if (text === '.nan' || text === '.NaN' || text === '.NAN') return Number.NaN;
  if (!FLOAT_SYNTAX.test(unsigned)) return undefined;
  const value = Number(unsigned.endsWith('.') ? unsigned.slice(0, -1) : unsigned);
  return Number.isFinite(value) ? value : undefined;
}

function parseCoreBool(text: string): boolean | undefined {
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  return undefined;
}

function isCoreNull(text: string): boolean {
  return text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL';
}

export function typeCorePlainScalar(text: string): CoreTypedScalar {
  if (isCoreNull(text)) return { kind: 'null' };
  const bool = parseCoreBool(text);
  if (bool !== undefined) return { kind: 'bool', value: bool };
  const int = parseCoreInteger(text);
  if (int !== undefined) return integerScalar(int, text);
  if (!digitsButNotNumber(text)) {
    const float = parseCoreFloat(text);
    if (float !== undefined) return { kind: 'float', value: float };
  }
  return { kind: 'string', value: text };
}

/** A scalar with a core tag under serde_yaml: the tag forces the type; text that does not fit is an error. */
export function typeCoreTaggedScalarForTest(tag: string, text: string): CoreTypedScalar {
  switch (tag.slice(CORE_TAG_PREFIX.length)) {
    case 'bool': {
      const bool = parseCoreBool(text);
      return bool === undefined ? { kind: 'bad-value', text } : { kind: 'bool', value: bool };
    }
    case 'int': {
      const int = parseCoreInteger(text);
      return int === undefined ? { kind: 'bad-value', text } : integerScalar(int, text);
    }
    case 'float': {
      const float = parseCoreFloat(text) ?? (parseCoreInteger(text) !== undefined ? Number(parseCoreInteger(text)) : undefined);
      return float === undefined ? { kind: 'bad-value', text } : { kind: 'float', value: float };
    }
    case 'null':
      // serde_yaml accepts `!!null ~` / `null` / `Null` / `NULL`, but not an empty `!!null`.
      return text !== '' && isCoreNull(text) ? { kind: 'null' } : { kind: 'bad-value', text };
    default:
      return { kind: 'string', value: text };
  }
}
