// Random Guard regex patterns (made of regex syntax fragments) compile to a regex or a message,
// never an exception, and a compiled regex tests and iterates matches on random text without
// throwing. GUARDTS_FUZZ_RUNS=N raises the number of runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGuardRegex } from '../../src/index.js';

const runs = Number(process.env.GUARDTS_FUZZ_RUNS ?? 1000);

const regexToken = fc.constantFrom(
  'a', 'b', '.', '*', '+', '?', '*?', '{2}', '{1,3}', '{,', '(', ')', '(?:', '(?i)', '(?P<n>', '(?<n>', '(?=', '(?!', '(?<=', '(?<!',
  '[', ']', '[^', '[a-z]', '[[:alpha:]]', '\\', '\\d', '\\w', '\\s', '\\b', '\\p{L}', '\\pL', '\\x{41}', '\\u0041', '\\1', '\\k<n>',
  '|', '^', '$', '\\A', '\\z', '-', '&&', '~~', '#', ' ', '\n', 'é', '😀',
);
const pattern = fc.oneof(fc.string(), fc.array(regexToken, { maxLength: 20 }).map((t) => t.join('')));
const subject = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[ab\n é]{0,40}$/));

describe('fuzz: regex never throws', () => {
  it('compileGuardRegex then test and matches on random text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(pattern, subject, (source, text) => {
        const compiled = compileGuardRegex(source);
        if (!compiled.ok) {
          expect(compiled.message.length).toBeGreaterThan(0);
          return;
        }
        expect(typeof compiled.regex.test(text)).toBe('boolean');
        let count = 0;
        for (const match of compiled.regex.matches(text)) {
          expect(match).toBeDefined();
          if (++count > text.length + 1) throw new Error(`matches() did not stop on ${JSON.stringify(source)}`);
        }
      }),
      { numRuns: runs },
    );
  });
});
