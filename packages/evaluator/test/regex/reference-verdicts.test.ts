import { describe, expect, it } from 'vitest';
import { compileGuardRegex } from '../../src/regex/guard-regex.js';
import { REFERENCE_REGEX_CASES } from './regex-reference-cases.js';

/**
 * Patterns cfn-guard accepts but guardts rejects on purpose (features of fancy-regex's
 * backtracking VM with no faithful JavaScript counterpart); listed in docs/divergences.md.
 */
const REJECTED_ON_PURPOSE = new Set(['a\\Kb', '\\Ga', '(a)?(?(1)b|c)']);

describe('regex verdicts recorded from cfn-guard 3.1.1', () => {
  for (const reference of REFERENCE_REGEX_CASES) {
    if (REJECTED_ON_PURPOSE.has(reference.pattern)) {
      it(`rejects ${JSON.stringify(reference.pattern)} with a message (documented divergence)`, () => {
        const compiled = compileGuardRegex(reference.pattern);
        expect(compiled.ok).toBe(false);
        if (!compiled.ok) expect(compiled.message).toMatch(/not supported/);
      });
      continue;
    }
    it(`${JSON.stringify(reference.pattern)} ${reference.compiles ? 'matches like the reference' : 'is rejected'}`, () => {
      const compiled = compileGuardRegex(reference.pattern);
      expect(compiled.ok, compiled.ok ? compiled.regex.engineName : compiled.message).toBe(reference.compiles);
      if (!compiled.ok) {
        expect(compiled.message.length).toBeGreaterThan(0);
        return;
      }
      const actual = reference.matches.map(([input]) => [input, compiled.regex.test(input)]);
      expect(actual).toEqual(reference.matches);
    });
  }
});
