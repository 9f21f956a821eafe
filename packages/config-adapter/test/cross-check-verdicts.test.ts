import { describe, expect, it } from 'vitest';
import { COMPLIANCE_OF_STATUS, compareVerdicts, overallOutcome, type ComparedPair } from '../src/cross-check/verdicts.js';

describe('compareVerdicts', () => {
  const statuses = ['PASS', 'FAIL', 'SKIP'] as const;
  const remotes = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'] as const;
  it('agrees exactly on PASS/COMPLIANT, FAIL/NON_COMPLIANT, SKIP/NOT_APPLICABLE and disagrees on every other pair', () => {
    const agreeing = statuses.flatMap((s) => remotes.filter((r) => compareVerdicts(s, r) === 'agree').map((r) => `${s}/${r}`));
    expect(agreeing).toEqual(['PASS/COMPLIANT', 'FAIL/NON_COMPLIANT', 'SKIP/NOT_APPLICABLE']);
    const disagreeing = statuses.flatMap((s) => remotes.filter((r) => compareVerdicts(s, r) === 'disagree'));
    expect(disagreeing).toHaveLength(6);
    for (const s of statuses) expect(compareVerdicts(s, COMPLIANCE_OF_STATUS[s])).toBe('agree');
  });
  it('INSUFFICIENT_DATA, a missing result and a local error are unknown', () => {
    expect(compareVerdicts('FAIL', 'INSUFFICIENT_DATA')).toBe('unknown');
    expect(compareVerdicts('PASS', undefined)).toBe('unknown');
    expect(compareVerdicts('ERROR', 'COMPLIANT')).toBe('unknown');
  });
});

describe('overallOutcome', () => {
  const agree = (remote: ComparedPair['remote']): ComparedPair => ({ agreement: 'agree', remote });
  it('agreement with a real verdict is agree; only SKIP/NOT_APPLICABLE is nothing-evaluated', () => {
    expect(overallOutcome([agree('NON_COMPLIANT'), agree('NOT_APPLICABLE')])).toBe('agree');
    expect(overallOutcome([agree('NOT_APPLICABLE'), agree('NOT_APPLICABLE')])).toBe('nothing-evaluated');
    expect(overallOutcome([])).toBe('nothing-evaluated');
    expect(overallOutcome([{ agreement: 'not-evaluated-remotely' }])).toBe('nothing-evaluated');
  });
  it('a local FAIL beside an all-NOT_APPLICABLE Config is nothing-evaluated (wrong document shape), not a mere disagreement', () => {
    expect(overallOutcome([{ agreement: 'disagree', remote: 'NOT_APPLICABLE' }])).toBe('nothing-evaluated');
  });
  it('disagreement outranks unknown, unknown outranks agreement', () => {
    expect(overallOutcome([{ agreement: 'disagree', remote: 'COMPLIANT' }, { agreement: 'unknown' }])).toBe('disagree');
    expect(overallOutcome([agree('COMPLIANT'), { agreement: 'unknown' }])).toBe('unknown');
    expect(overallOutcome([{ agreement: 'unknown' }])).toBe('unknown');
  });
});
