// Small hand-made inputs with the verdict cfn-guard 3.1.1 gave them (recorded in
// fixtures/reference-verdicts.json, so this suite needs neither ../shared nor the binary).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../src/index.js';
import { referenceBinary, runReference } from '../../../test-support/reference-binary.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface RecordedCase {
  readonly text: string;
  readonly accepted: boolean;
}

const recorded = JSON.parse(readFileSync(new URL('./fixtures/reference-verdicts.json', import.meta.url), 'utf8')) as {
  readonly cases: readonly RecordedCase[];
};

describe('hand-made cases with cfn-guard 3.1.1 verdicts', () => {
  it('has both accepted and rejected cases', () => {
    expect(recorded.cases.filter((c) => c.accepted).length).toBeGreaterThan(50);
    expect(recorded.cases.filter((c) => !c.accepted).length).toBeGreaterThan(50);
  });

  it.each(recorded.cases.map((c) => [JSON.stringify(c.text), c] as const))('%s', (_name, c) => {
    const { ast, diagnostics } = parseRules(c.text, { fileName: 'case.guard' });
    if (c.accepted) expect(diagnostics).toEqual([]);
    expect(ast !== null).toBe(c.accepted);
  });
});

describe('the recorded verdicts still match the reference binary', () => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: the cfn-guard 3.1.1 binary is unavailable (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }
  it('re-runs every case through `cfn-guard parse-tree`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-verdicts-'));
    const file = join(dir, 'case.guard');
    const changed = recorded.cases.filter((c) => {
      writeFileSync(file, c.text);
      return (runReference(['parse-tree', '-r', file]).status === 0) !== c.accepted;
    });
    expect(changed).toEqual([]);
  });
});
