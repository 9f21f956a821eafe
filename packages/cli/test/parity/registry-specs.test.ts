// All 194 unit-test specs of the Guard rules registry (../shared/corpus/registry): `guardts test
// -r RULES -t SPEC -o json`, in-process, must give the reference's verdict for every rule of every
// case (expected.json) and its exit code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
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
