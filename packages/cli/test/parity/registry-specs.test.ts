// All 194 unit-test specs of the Guard rules registry (../shared/corpus/registry): `guardts test
// -r RULES -t SPEC -o json`, in-process, must give the reference's verdict for every rule of every
// case (expected.json) and its exit code.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { runInProcess } from '../support/in-process.js';

interface ExpectedSpec {
  readonly spec: string;
  readonly rules: string;
  readonly exit_code: number;
  readonly cases: readonly {
    readonly name: string;
    readonly rules: Readonly<Record<string, { readonly expected: string; readonly ok: boolean }>>;
    readonly no_expectation?: readonly string[];
  }[];
}

interface TestCaseJson {
  readonly name: string;
  readonly passed_rules: readonly { name: string; evaluated: string }[];
  readonly failed_rules: readonly { name: string; expected: string }[];
  readonly skipped_rules: readonly { name: string }[];
}

/** The reference's view of one case: each checked rule's expectation and whether it was met. */
function caseView(testCase: TestCaseJson): unknown {
  const rules: Record<string, { expected: string; ok: boolean }> = {};
  for (const rule of testCase.passed_rules) rules[rule.name] = { expected: rule.evaluated, ok: true };
  for (const rule of testCase.failed_rules) rules[rule.name] = { expected: rule.expected, ok: false };
  const skipped = testCase.skipped_rules.map((rule) => rule.name).sort();
  return { name: testCase.name, rules, ...(skipped.length > 0 ? { no_expectation: skipped } : {}) };
}

describeShared('registry specs (corpus/registry/expected.json)', (shared) => {
  const dir = join(shared, 'corpus', 'registry');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { specs: ExpectedSpec[] };

  it('has the 194 recorded specs', () => {
    expect(expected.specs).toHaveLength(194);
  });

  for (const spec of expected.specs) {
    it(spec.spec, () => {
      const result = runInProcess(['test', '-r', spec.rules, '-t', spec.spec, '-o', 'json'], { cwd: dir });
      let cases: unknown = result.stdout;
      try {
        const parsed = JSON.parse(result.stdout) as { test_cases?: TestCaseJson[] };
        cases = parsed.test_cases?.map(caseView) ?? parsed;
      } catch {
        // not JSON: compared as text, so the mismatch shows what was printed
      }
      const want = spec.cases.map((testCase) => ({ name: testCase.name, rules: testCase.rules, ...(testCase.no_expectation ? { no_expectation: [...testCase.no_expectation].sort() } : {}) }));
      expect({ exit: result.status, cases }, result.stderr).toEqual({ exit: spec.exit_code, cases: want });
    });
  }
});

describeShared('registry through `test -d` (rules beside a tests/ folder)', (shared) => {
  it('discovers the specs of every rules file and meets every expectation, as cfn-guard does', { timeout: 120_000 }, () => {
    const registry = join(shared, 'corpus', 'registry');
    const root = mkdtempSync(join(tmpdir(), 'guardts-registry-dir-'));
    try {
      const dir = join(root, 'rules');
      mkdirSync(dir);
      for (const name of readdirSync(join(registry, 'rules'))) symlinkSync(join(registry, 'rules', name), join(dir, name));
      symlinkSync(join(registry, 'tests'), join(dir, 'tests'));
      const ours = runInProcess(['test', '-d', 'rules', '-o', 'json'], { cwd: root });
      const results = JSON.parse(ours.stdout) as { rule_file: string; test_cases?: unknown[]; error?: string }[];
      expect(ours.status, ours.stderr).toBe(0);
      expect(results.filter((result) => result.error !== undefined)).toEqual([]);
      // 194 specs, one of which (rds_instance_logging_enabled) no rules file name prefixes.
      expect(results.length).toBe(193);
      if (referenceBinary() !== null) {
        const reference = runReference(['test', '-d', 'rules', '-o', 'json'], { cwd: root });
        const files = (text: string): string[] => (JSON.parse(text) as { rule_file: string }[]).map((result) => result.rule_file).sort();
        expect(files(ours.stdout)).toEqual(files(reference.stdout));
        expect(ours.status).toBe(reference.status);
        // Plain text: identical up to the order of lines (rule lines within a case follow a hash map there).
        const sorted = (text: string): string[] => text.split('\n').sort();
        const oursText = runInProcess(['test', '-d', 'rules'], { cwd: root });
        const referenceText = runReference(['test', '-d', 'rules'], { cwd: root });
        expect({ exit: oursText.status, lines: sorted(oursText.stdout) }).toEqual({ exit: referenceText.status, lines: sorted(referenceText.stdout) });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
