import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRules } from '@guardts/guard-parser';
import { describe, expect, it } from 'vitest';
import { LINT_CODES, lintRules, type LintWarning } from '../../src/index.js';
import { repoRoot } from '../../../../test-support/shared-corpus.js';
import { TRAP_CASES } from './trap-cases.js';

function lint(text: string): readonly LintWarning[] {
  const { ast, diagnostics } = parseRules(text, { fileName: 'case.guard' });
  if (ast === null) throw new Error(`the case does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  return lintRules(ast, { source: text });
}

describe('lintRules on the trap cases', () => {
  for (const trap of TRAP_CASES) {
    it(`${trap.code}: ${trap.title}`, () => {
      const found = lint(trap.rules).filter((w) => w.code === trap.code);
      const where = found.map((w) => ({ line: w.span.start.line, column: w.span.start.column }));
      expect(where).toEqual(trap.warnAt.map((at) => ({ line: at.line, column: at.column ?? expect.any(Number) })));
      for (const w of found) expect(w.message.length).toBeGreaterThan(20);
      // The fixed version is clean of every warning, not only this one: no false positives there.
      if (trap.fixed !== undefined) expect(lint(trap.fixed.rules).map((w) => `${w.code}: ${w.message}`)).toEqual([]);
    });
  }

  it('docs/lint.md explains every warning code', () => {
    const documented = [...readFileSync(join(repoRoot, 'docs', 'lint.md'), 'utf8').matchAll(/^### `([a-z-]+)`$/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...LINT_CODES].sort());
  });

  it('has a trap case for every warning code', () => {
    const covered = new Set(TRAP_CASES.map((trap) => trap.code));
    expect(LINT_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});
