/**
 * Floats as serde_json (ryu) prints them, which is how cfn-guard's rulegen renders template
 * values: the shortest round-trip digits, `2.0` for whole numbers, decimal notation for
 * exponents -5..15 and `1e20` / `1.5e-7` beyond. Guard's own float syntax wants a sign on the
 * exponent (`1e+20`), so `guardFloat` adds it where ryu leaves it out.
 */
export function ryuFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent >= -5 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
    return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${fraction}e${exponent}`;
}

export function guardFloat(value: number): string {
  return ryuFloat(value).replace(/e(\d)/, 'e+$1');
}
