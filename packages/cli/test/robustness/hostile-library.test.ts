// Limits that the CLI does not expose as flags, exercised at the library level: the document
// size bound and evaluate's deadline.
import { compileRules, evaluate, loadDocument } from '@guardts/evaluator';
import { describe, expect, it } from 'vitest';

describe('limits without a CLI flag', () => {
  it('a document over maxSize is refused with too-large before parsing', { timeout: 10_000 }, () => {
    const result = loadDocument(JSON.stringify({ a: 'x'.repeat(1000) }), { fileName: 'big.json', maxSize: 100 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('too-large');
      expect(result.error.message).toMatch(/big\.json/);
    }
  });

  it('an evaluation past deadlineMs stops with an error value, not a hang', { timeout: 20_000 }, () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ v: i }));
    const doc = loadDocument(JSON.stringify({ Items: items }), { fileName: 'd.json' });
    expect(doc.ok).toBe(true);
    // Every pair of items: 90,000 comparisons per rule, 50 rules, far above a 1 ms budget.
    const rules = Array.from({ length: 50 }, (_, i) => `rule r${i} { Items[*] { this.v != %x } }\nlet x${i} = Items[*].v\n`).join('').replaceAll('%x', '1000000');
    const compiled = compileRules(`let all = Items[*].v\n${rules}rule pairs { Items[*].v not in %all }\n`, { fileName: 'r.guard' });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok || !doc.ok) return;
    const result = evaluate(compiled.rules, doc.document, { deadlineMs: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/deadline|time/i);
  });
});
