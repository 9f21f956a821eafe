// The 76 verified probe cases of ../shared/spec/probe-cases, run in-process with each case's
// recorded arguments: exit code and per-rule statuses must equal the reference's recording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { runInProcess, statusesFromStructuredJson } from '../support/in-process.js';

interface ProbeCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly exit_code: number;
  readonly statuses: Record<string, string>;
}

/** Cases where the reference is plainly broken and guardts deliberately differs (docs/divergences.md). */
const DIVERGENCES: Readonly<Record<string, { exitCode: number; statuses: Record<string, string> }>> = {
  // cfn-guard panics (exit 101) inside substring on a multi-byte character; guardts reports a runtime error.
  fn_substring_unicode_panics: { exitCode: 255, statuses: {} },
};

describeShared('probe cases (spec/probe-cases/cases.json)', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[];

  it('has the 76 recorded cases', () => {
    expect(cases).toHaveLength(76);
  });

  for (const probe of cases) {
    it(probe.name, () => {
      const result = runInProcess(probe.args, { cwd: dir });
      const expected = DIVERGENCES[probe.name] ?? { exitCode: probe.exit_code, statuses: probe.statuses };
      expect({ exit: result.status, statuses: statusesFromStructuredJson(result.stdout) }, result.stderr).toEqual({ exit: expected.exitCode, statuses: expected.statuses });
      if (probe.name in DIVERGENCES) expect(result.stderr).not.toMatch(/panicked|\n\s+at /);
    });
  }
});
