// Re-checks, against cfn-guard 3.1.1 itself, every verdict recorded in trap-cases.ts: the traps
// the lint warns about are real behaviour of the reference, not guesses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { TRAP_CASES, type TrapRun, type Verdict } from './trap-cases.js';

const RANK: Readonly<Record<Verdict, number>> = { SKIP: 0, PASS: 1, FAIL: 2 };

interface FileReport {
  readonly compliant?: readonly string[];
  readonly not_applicable?: readonly string[];
  readonly not_compliant?: readonly { readonly Rule?: { readonly name: string } }[];
}

/** Rule statuses from `validate -z -o json`; copies of one name combine as FAIL > PASS > SKIP. */
function verdictsOf(stdout: string): Record<string, Verdict> {
  if (stdout.trim() === '') return {};
  const parsed = JSON.parse(stdout) as FileReport | FileReport[];
  const verdicts: Record<string, Verdict> = {};
  const record = (name: string, verdict: Verdict): void => {
    const current = verdicts[name];
    if (current === undefined || RANK[verdict] > RANK[current]) verdicts[name] = verdict;
  };
  for (const report of Array.isArray(parsed) ? parsed : [parsed]) {
    for (const name of report.compliant ?? []) record(name, 'PASS');
    for (const name of report.not_applicable ?? []) record(name, 'SKIP');
    for (const entry of report.not_compliant ?? []) if (entry.Rule !== undefined) record(entry.Rule.name, 'FAIL');
  }
  return verdicts;
}

if (referenceBinary() === null) {
  describe('lint traps against cfn-guard 3.1.1', () => {
    it.skip('SKIPPED: cfn-guard 3.1.1 is not available (run `pnpm reference`)', () => {});
  });
} else {
  describe('lint traps against cfn-guard 3.1.1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-lint-traps-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const check = (name: string, rules: string, run: TrapRun): void => {
      writeFileSync(join(dir, 'rules.guard'), rules);
      writeFileSync(join(dir, 'data.yaml'), run.data);
      const result = runReference(['validate', '-r', 'rules.guard', '-d', 'data.yaml', '-z', '-o', 'json', '-S', 'none'], { cwd: dir });
      expect({ exitCode: result.status, verdicts: result.status === 0 || result.status === 19 ? verdictsOf(result.stdout) : {} }, name).toEqual({
        exitCode: run.exitCode,
        verdicts: run.verdicts,
      });
    };
    for (const trap of TRAP_CASES) {
      it(`${trap.code}: ${trap.title}`, () => {
        for (const run of trap.runs) check('trap', trap.rules, run);
        for (const run of trap.fixed?.runs ?? []) check('fixed', trap.fixed?.rules ?? '', run);
      });
    }
  });
}
