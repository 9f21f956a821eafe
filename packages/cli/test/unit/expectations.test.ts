import { describe, expect, it } from 'vitest';
import { matchExpectation } from '../../src/test-command/expectations.js';

describe('matching an expectation against the copies of a rule', () => {
  it('meets PASS or FAIL when any copy has it', () => {
    expect(matchExpectation('PASS', ['SKIP', 'PASS'])).toEqual({ met: true, evaluated: ['SKIP'] });
    expect(matchExpectation('FAIL', ['PASS', 'SKIP'])).toEqual({ met: false, evaluated: ['PASS', 'SKIP'] });
  });
  it('meets SKIP only when every copy skipped', () => {
    expect(matchExpectation('SKIP', ['SKIP', 'SKIP'])).toEqual({ met: true, evaluated: ['SKIP', 'SKIP'] });
    expect(matchExpectation('SKIP', ['SKIP', 'PASS'])).toEqual({ met: false, evaluated: ['SKIP', 'PASS'] });
  });
});
