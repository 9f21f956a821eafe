// guardts' own `validate` on the lint trap cases: it must give cfn-guard 3.1.1's recorded
// verdicts, traps included (the lint warns about them; the engine must still reproduce them).
// The one exception is documented in docs/divergences.md: a rule that refers to itself crashes
// cfn-guard (SIGSEGV) and is a runtime error (255) in guardts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TRAP_CASES, type TrapRun, type Verdict } from '../../evaluator/test/lint/trap-cases.js';
import { runInProcess } from './support/in-process.js';

const RANK: Readonly<Record<Verdict, number>> = { SKIP: 0, PASS: 1, FAIL: 2 };

function verdictsOf(stdout: string): Record<string, Verdict> {
  const verdicts: Record<string, Verdict> = {};
  const record = (name: string, verdict: Verdict): void => {
    const current = verdicts[name];
    if (current === undefined || RANK[verdict] > RANK[current]) verdicts[name] = verdict;
  };
  const reports = JSON.parse(stdout) as { compliant?: string[]; not_applicable?: string[]; not_compliant?: { Rule?: { name: string } }[] }[];
  for (const report of reports) {
    for (const name of report.compliant ?? []) record(name, 'PASS');
    for (const name of report.not_applicable ?? []) record(name, 'SKIP');
    for (const entry of report.not_compliant ?? []) if (entry.Rule !== undefined) record(entry.Rule.name, 'FAIL');
  }
  return verdicts;
}

describe('guardts validate on the lint trap cases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guardts-lint-traps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (label: string, rules: string, run: TrapRun): void => {
    writeFileSync(join(dir, 'rules.guard'), rules);
    writeFileSync(join(dir, 'data.yaml'), run.data);
    const result = runInProcess(['validate', '-r', 'rules.guard', '-d', 'data.yaml', '-z', '-o', 'json', '-S', 'none'], { cwd: dir });
    // cfn-guard dies of a stack overflow (no exit code) where guardts reports the cycle (255).
    const expectedExit = run.exitCode ?? 255;
    expect({ exitCode: result.status, verdicts: result.status === 0 || result.status === 19 ? verdictsOf(result.stdout) : {} }, label).toEqual({ exitCode: expectedExit, verdicts: run.verdicts });
  };
  for (const trap of TRAP_CASES) {
    it(`${trap.code}: ${trap.title}`, () => {
      for (const run of trap.runs) check('trap', trap.rules, run);
      for (const run of trap.fixed?.runs ?? []) check('fixed', trap.fixed?.rules ?? '', run);
    });
  }
});
