/**
 * The two texts cfn-guard prints for an f64. Both start from the shortest digits that round-trip
 * (JavaScript's `toExponential()` and Rust's ryu agree on those); they differ in layout:
 *
 * - `Display` (messages, the console reports, `-v`, `parse_string`): never in exponent form
 *   (`1e21` prints as `1000000000000000000000`, `1e-7` as `0.0000001`), `1.0` prints as `1`, and
 *   the specials are `NaN`, `inf`, `-inf`.
 * - serde (`-o json`, `-o yaml`, via ryu): a fractional part always (`5.0`), and exponent form
 *   beyond 16 integer digits or before 5 leading zeros (`1e22`, `1.5e-7`, no `+`).
 */

interface Decimal {
  readonly sign: string;
  /** Significant digits, without leading or trailing zeros. */
  readonly digits: string;
  /** Where the decimal point goes: the value is `0.digits × 10^point`. */
  readonly point: number;
}

/** The shortest round-trip digits of a finite, non-zero value. */
function decimal(value: number): Decimal {
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  return { sign: value < 0 ? '-' : '', digits: mantissa.replace('.', ''), point: Number(exponentText) + 1 };
}

/** Rust's `Display` for f64. */
export function formatRustFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const { sign, digits, point } = decimal(value);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** How serde_json and serde_yaml write a finite f64 (ryu's layout); callers handle NaN and infinities. */
export function formatSerdeFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const { sign, digits, point } = decimal(value);
  if (point >= digits.length && point <= 16) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  if (point > 0 && point <= 16) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  if (point > -5 && point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  const exponent = `e${point - 1}`;
  return digits.length === 1 ? `${sign}${digits}${exponent}` : `${sign}${digits[0]}.${digits.slice(1)}${exponent}`;
}
