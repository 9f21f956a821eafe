import { describe, expect, it } from 'vitest';
import { compiled, run } from './evaluate-helpers.js';
import { evaluate } from '../../src/api/evaluate.js';
import { plainValue } from './plain-document.js';

describe('evaluation limits', () => {
  it('a deadline stops a long evaluation with its own error', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ n: i }));
    const rules = compiled('rule r { L[*] { n >= 0\n n < 100000\n some L[*].n == n } }\n');
    const result = evaluate(rules, plainValue({ L: items }), { deadlineMs: 1, record: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('deadline-exceeded');
  });

  it('nesting deeper than maxDepth is an error, not a stack overflow', () => {
    const chain = Array.from({ length: 20 }, (_, i) => `rule r${i} {\n  r${i + 1}\n}`).join('\n');
    const rules = `${chain}\nrule r20 { X exists }\n`;
    const shallow = run(rules, 'X: 1\n', { maxDepth: 5 });
    expect('error' in shallow && shallow.error.code).toBe('depth-exceeded');
    const deep = run(rules, 'X: 1\n', { maxDepth: 100 });
    expect('report' in deep && deep.report.status).toBe('PASS');
  });

  it('the compiled rules are reusable: the same verdicts for every document, in any order', () => {
    const rules = compiled('rule r { X == 1 }\n');
    const docs = [plainValue({ X: 1 }), plainValue({ X: 2 }), plainValue({ X: 1 })];
    const first = docs.map((d) => evaluate(rules, d));
    const second = [...docs].reverse().map((d) => evaluate(rules, d)).reverse();
    const statuses = (results: typeof first) => results.map((r) => (r.ok ? r.report.status : r.error.code));
    expect(statuses(first)).toEqual(['PASS', 'FAIL', 'PASS']);
    expect(statuses(second)).toEqual(statuses(first));
  });
});
