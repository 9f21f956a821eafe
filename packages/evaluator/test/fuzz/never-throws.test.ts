// Random text and bytes into every entry point that takes user input: each must return a value
// (a result or diagnostics), never throw. GUARDTS_FUZZ_RUNS=N raises the number of runs per target.
import { parseRules } from '@guardts/guard-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, decodeDocumentBytes, evaluate, loadDocument, loadTestSpecDocument } from '../../src/index.js';

const runs = Number(process.env.GUARDTS_FUZZ_RUNS ?? 1000);

// Fragments of the Guard language, so random texts reach past the first token.
const ruleToken = fc.constantFrom('rule', 'let', 'when', 'Resources', '.*', '[*]', '{', '}', '(', ')', '==', '!=', 'exists', 'empty', 'IN', 'not', 'or', 'some', '%x', 'x', '"s"', '/a+/', '1', '[1,2]', '{a: 1}', 'this', 'Type', 'keys', '|OR|', '<<', '>>', 'r', '\n', ' ', '#c', 'count(', 'is_string');
const ruleText = fc.oneof(fc.string(), fc.array(ruleToken, { maxLength: 30 }).map((t) => t.join(' ')));
const docToken = fc.constantFrom('a:', ' b', '- ', '[', ']', '{', '}', '&x', '*x', '!Ref', '!!int', '"', "'", '\n', '  ', ':', ',', '1', 'true', '~', '#', '---', '<<:', '|', '>');
const docText = fc.oneof(fc.string(), fc.array(docToken, { maxLength: 40 }).map((t) => t.join('')));
const validRules = fc.array(
  fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('exists', 'empty', '== 1', '!= "x"', 'is_list', '< 3', 'IN [1, "a"]', '== /a/')).map(([q, c]) => `rule r { ${q} ${c} }`),
  { minLength: 1, maxLength: 3 },
).map((rules) => rules.map((r, i) => r.replace('rule r', `rule r${i}`)).join('\n'));

function assertNoThrow(action: () => unknown): void {
  expect(action).not.toThrow();
}

describe('fuzz: never throws', () => {
  it('parseRules on random text', { timeout: 60_000 }, () => {
    fc.assert(fc.property(ruleText, (text) => assertNoThrow(() => parseRules(text, { fileName: 'f.guard' }))), { numRuns: runs });
  });

  it('compileRules on random text', { timeout: 60_000 }, () => {
    fc.assert(fc.property(ruleText, (text) => assertNoThrow(() => compileRules(text, { fileName: 'f.guard' }))), { numRuns: runs });
  });

  it('loadDocument and loadTestSpecDocument on random text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(docText, (text) => {
        assertNoThrow(() => loadDocument(text, { fileName: 'd.yaml' }));
        assertNoThrow(() => loadTestSpecDocument(text, { fileName: 't.yaml' }));
      }),
      { numRuns: runs },
    );
  });

  it('decodeDocumentBytes then loadDocument on random bytes', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        assertNoThrow(() => {
          const decoded = decodeDocumentBytes(bytes, 'd.yaml');
          if (decoded.ok) loadDocument(decoded.text, { fileName: 'd.yaml' });
        });
      }),
      { numRuns: runs },
    );
  });

  it('compile and evaluate small rules on random JSON documents', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(validRules, fc.jsonValue({ maxDepth: 4 }), (rules, json) => {
        const compiled = compileRules(rules, { fileName: 'r.guard' });
        expect(compiled.ok).toBe(true);
        const doc = loadDocument(JSON.stringify(json) ?? 'null', { fileName: 'd.json' });
        if (!compiled.ok || !doc.ok) return;
        assertNoThrow(() => evaluate(compiled.rules, doc.document, { deadlineMs: 5_000 }));
      }),
      { numRuns: runs },
    );
  });
});
