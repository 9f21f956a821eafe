/**
 * The number grammars of Rust's `i64::from_str` and `f64::from_str`, which cfn-guard's data loader
 * applies to plain scalars. They differ from JavaScript's `Number()` in ways that change results:
 * `1.10`, `.5`, `5.`, `+5`, `012` and `Infinity` are numbers, while `0x1F`, `1_000`, `' 5'` and
 * `''` are not.
 */

const DECIMAL_INTEGER = /^[+-]?[0-9]+$/;
const FLOAT_NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const FLOAT_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

/** `i64::from_str`: the integer, or `undefined` when the text is not one or is out of range. */
export function parseRustI64(text: string): number | undefined {
  if (!DECIMAL_INTEGER.test(text)) return undefined;
  // Up to 15 digits a double is exact and far from the i64 bounds; only longer texts need BigInt.
  if (text.length <= 16) return Number(text) + 0; // `+ 0` turns -0 into 0, as i64 has no -0
  const big = BigInt(text);
  if (big > I64_MAX || big < I64_MIN) return undefined;
  return Number(big);
}

/** `f64::from_str`: the float, or `undefined` when the text is not one. */
export function parseRustF64(text: string): number | undefined {
  if (FLOAT_NUMBER.test(text)) return Number(text.endsWith('.') ? text.slice(0, -1) : text);
  if (FLOAT_SPECIAL.test(text)) {
    const negative = text.startsWith('-');
    if (/nan$/i.test(text)) return Number.NaN;
    return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return undefined;
}
