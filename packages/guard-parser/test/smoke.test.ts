import { describe, expect, it } from 'vitest';
import { UNARY_OPERATORS } from '../src/index.js';

describe('ast', () => {
  it('lists the unary operators', () => {
    expect(UNARY_OPERATORS.has('Exists')).toBe(true);
  });
});
