// The two texts of an f64. Expected texts are cfn-guard 3.1.1's: Display from its console report
// (`Value = …`) and messages, serde from its `-z -o json` report, for the same data floats.
import { describe, expect, it } from 'vitest';
import { formatRustFloat, formatSerdeFloat } from '../../src/index.js';

describe('Rust Display and serde texts of a float', () => {
  it.each([
    [8, '8', '8.0'],
    [100, '100', '100.0'],
    [0.5, '0.5', '0.5'],
    [-2.5, '-2.5', '-2.5'],
    [3.14159, '3.14159', '3.14159'],
    [1e15, '1000000000000000', '1000000000000000.0'],
    [1e16, '10000000000000000', '1e16'],
    [1e22, '10000000000000000000000', '1e22'],
    [1.2345678901234569e23, '123456789012345690000000', '1.2345678901234569e23'],
    [0.00001, '0.00001', '0.00001'],
    [0.000001, '0.000001', '1e-6'],
    [1.5e-7, '0.00000015', '1.5e-7'],
    [-0, '-0', '-0.0'],
    [0, '0', '0.0'],
  ])('%d: Display %s, serde %s', (value, display, serde) => {
    expect(formatRustFloat(value)).toBe(display);
    expect(formatSerdeFloat(value)).toBe(serde);
  });

  it('prints the specials as Rust does', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(formatRustFloat)).toEqual(['NaN', 'inf', '-inf']);
  });
});
