// The lint over the AWS rule corpora: every file parses, the Control Tower rules (heavily used,
// deliberately duplicated rule names, parameterized rules calling each other) give no warning,
// and the registry gives exactly the one real mistake it contains (`== TRUE`, a property name).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../test-support/shared-corpus.js';
import { run } from '../src/commands/lint.js';
import { captureIo } from '../src/io.js';

interface Report {
  readonly files: readonly { readonly parsed: boolean }[];
  readonly findings: readonly { readonly code: string; readonly file: string; readonly line: number }[];
}

async function lintDir(dir: string): Promise<{ status: number; report: Report }> {
  const io = captureIo({ cwd: dir });
  const status = await run(['-r', '.', '-o', 'json'], io);
  return { status, report: JSON.parse(io.out()) as Report };
}

describeShared('guardts lint over the AWS rule corpora', (shared) => {
  it('Control Tower rules: all parse, no warning', async () => {
    const { status, report } = await lintDir(join(shared, 'corpus', 'ct-rules', 'cfn-guard'));
    expect(report.files.length).toBe(237);
    expect(report.files.every((file) => file.parsed)).toBe(true);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
  });

  it('every other rules file of ../shared (probe cases, cfn-guard’s own test resources) is linted without an internal error', async () => {
    for (const dir of [join(shared, 'spec', 'probe-cases'), join(shared, 'corpus', 'guard-resources')]) {
      const io = captureIo({ cwd: dir });
      const status = await run(['-r', '.', '-o', 'json'], io);
      expect(io.err()).toBe('');
      expect([0, 3, 5]).toContain(status);
      expect((JSON.parse(io.out()) as Report).files.length).toBeGreaterThan(20);
    }
  });

  it('registry rules: all parse, one warning (a `TRUE` read as a property name)', async () => {
    const { status, report } = await lintDir(join(shared, 'corpus', 'registry', 'rules'));
    expect(report.files.length).toBe(209);
    expect(report.files.every((file) => file.parsed)).toBe(true);
    expect(report.findings.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
      { code: 'keyword-case-literal', file: 'cognito_allow_unauthenticated_identities_rule.guard', line: 49 },
    ]);
    expect(status).toBe(3);
  });
});
