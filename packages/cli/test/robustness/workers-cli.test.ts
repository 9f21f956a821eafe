// `validate --jobs N` through the built CLI (worker threads need the built worker script): the
// output and exit code must be those of `--jobs 1`, byte for byte, in every output format.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuardts } from '../../../../test-support/guardts-cli.js';
import { describeShared, repoRoot } from '../../../../test-support/shared-corpus.js';

const built = existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'bundle', 'validate-worker.js'));
const TRACE = /^guardts: validate on (\d+) threads\n/m;

function runJobs(args: string[], jobs: number, cwd: string) {
  const { NO_COLOR: _n, CLICOLOR_FORCE: _f, ...env } = process.env;
  return runGuardts(['validate', ...args, '--jobs', String(jobs)], { cwd, env: { ...env, GUARDTS_TRACE_JOBS: '1' } });
}

/** Runs with `--jobs 1` and `--jobs n`; checks the workers ran and the outputs are identical. */
function expectSameAsOneJob(args: string[], jobs: number, cwd: string, threaded = true): number | null {
  // JUnit reports carry measured times (time="12"): the only part two runs may not share.
  const untimed = (result: ReturnType<typeof runJobs>) => ({ ...result, stdout: result.stdout.replace(/ time="\d+"/g, ' time="?"') });
  const single = untimed(runJobs(args, 1, cwd));
  const multi = untimed(runJobs(args, jobs, cwd));
  expect(single.stderr).not.toMatch(TRACE);
  if (threaded) expect(multi.stderr.match(TRACE)?.[1]).toBe(String(jobs));
  expect(multi.status).toBe(single.status);
  expect(multi.stdout).toBe(single.stdout);
  expect(multi.stderr.replace(TRACE, '')).toBe(single.stderr);
  return single.status;
}

const dir = mkdtempSync(join(tmpdir(), 'guardts-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'data'));
for (let index = 0; index < 40; index += 1) {
  const versioning = index % 4 === 0 ? '\n      VersioningConfiguration: { Status: Enabled }' : '';
  writeFileSync(join(dir, 'data', `t${String(index).padStart(2, '0')}.yaml`), `Resources:\n  B${index}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b${index}${versioning}\n`);
}
mkdirSync(join(dir, 'rules'));
writeFileSync(join(dir, 'rules', 'a.guard'), 'rule versioning {\n  Resources.*[ Type == "AWS::S3::Bucket" ].Properties.VersioningConfiguration.Status == "Enabled" <<versioning on>>\n}\n');
writeFileSync(join(dir, 'rules', 'b.guard'), 'rule named {\n  Resources.*.Properties.BucketName exists\n}\n');
mkdirSync(join(dir, 'bad'));
for (let index = 0; index < 20; index += 1) writeFileSync(join(dir, 'bad', `t${String(index).padStart(2, '0')}.yaml`), 'Resources: {}\n');
writeFileSync(join(dir, 'bad', 't15.yaml'), '');
mkdirSync(join(dir, 'nores'));
for (let index = 0; index < 20; index += 1) writeFileSync(join(dir, 'nores', `t${String(index).padStart(2, '0')}.yaml`), `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: x }\n`);
writeFileSync(join(dir, 'nores', 't14.yaml'), 'Foo: 1\n');
writeFileSync(join(dir, 'params.yaml'), 'Env: prod\n');
writeFileSync(join(dir, 'clash.yaml'), 'Resources: {}\n');
writeFileSync(join(dir, 'type-block.guard'), 'AWS::S3::Bucket {\n  Properties.BucketName exists\n}\n');

describe('validate --jobs N (built CLI) on 40 small templates', () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }
  const formats: [string, string[], boolean][] = [
    ['the default output', [], true],
    ['-S all', ['-S', 'all'], true],
    ['-v', ['-v'], true],
    ['-p -S pass', ['-p', '-S', 'pass'], true],
    ['-o json -S all', ['-o', 'json', '-S', 'all'], true],
    ['-o yaml', ['-o', 'yaml'], true],
    ['--explain -o json', ['--explain', '-o', 'json'], true],
    ['-m -i params.yaml -S all', ['-m', '-i', 'params.yaml', '-S', 'all'], true],
    // A document mode: one document per resource, and notes on stderr while expanding.
    ['--as config-item -S all', ['--as', 'config-item', '-S', 'all'], true],
    // `-z` prints one document for the whole run: it stays on the main thread, same output.
    ['-z -o json -S none', ['-z', '-o', 'json', '-S', 'none'], false],
    ['-z -o junit -S none', ['-z', '-o', 'junit', '-S', 'none'], false],
    ['-z -o sarif -S none', ['-z', '-o', 'sarif', '-S', 'none'], false],
  ];
  it.each(formats)('%s: --jobs 3 prints what --jobs 1 prints', { timeout: 60_000 }, (_name, flags, threaded) => {
    expect(expectSameAsOneJob(['-r', 'rules', '-d', 'data', ...flags], 3, dir, threaded)).toBe(19);
  });

  it('a data file that does not load: the same message and exit 255', { timeout: 60_000 }, () => {
    const single = runJobs(['-r', 'rules', '-d', 'bad'], 1, dir);
    expect(single.status).toBe(255);
    expect(single.stderr).toContain('t15.yaml is empty');
    const multi = runJobs(['-r', 'rules', '-d', 'bad'], 2, dir);
    expect(multi.status).toBe(255);
    expect(multi.stdout).toBe(single.stdout);
    expect(multi.stderr.replace(TRACE, '')).toBe(single.stderr);
  });

  it('a parameter key clashing with the first data file: exit 255 at once, as --jobs 1', { timeout: 60_000 }, () => {
    expect(expectSameAsOneJob(['-r', 'rules', '-d', 'data', '-i', 'clash.yaml'], 2, dir)).toBe(255);
  });

  it('a runtime error in the second share: the output up to it, then exit 255', { timeout: 60_000 }, () => {
    expect(expectSameAsOneJob(['-r', 'type-block.guard', '-d', 'nores', '-S', 'all'], 2, dir)).toBe(255);
  });
});

describeShared('validate --jobs 2 on ct-all (237 CT rules x 151 templates)', (shared) => {
  const corpus = join(shared, 'corpus');
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }
  it.each([[[]], [['-o', 'json']]])('%j: --jobs 2 prints what --jobs 1 prints', { timeout: 120_000 }, (flags: string[]) => {
    expect(expectSameAsOneJob(['-r', 'ct-rules/cfn-guard', '-d', 'templates-dev/templates', ...flags], 2, corpus)).toBe(19);
  });
});
