import { describe, expect, it } from 'vitest';
import { summarySelection } from '../../src/validate/validate-options.js';

describe('summarySelection (-S)', () => {
  it('defaults to failures only', () => {
    expect(summarySelection(['fail'])).toEqual({ pass: false, fail: true, skip: false });
  });
  it('`none` clears only what came before it', () => {
    expect(summarySelection(['fail', 'none'])).toEqual({ pass: false, fail: false, skip: false });
    expect(summarySelection(['none', 'fail'])).toEqual({ pass: false, fail: true, skip: false });
    expect(summarySelection(['all', 'none', 'pass'])).toEqual({ pass: true, fail: false, skip: false });
  });
  it('`all` selects every section and accumulates with later keywords', () => {
    expect(summarySelection(['pass', 'all'])).toEqual({ pass: true, fail: true, skip: true });
  });
});
