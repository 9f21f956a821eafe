// The V8 startup snapshot (bin/guardts, bin/snapshot-blob.mjs, src/snapshot-entry.ts) must change
// nothing but the start-up time: every run here goes through the snapshot and through
// bin/guardts.mjs, and stdout, stderr and the exit code must be identical. Needs `pnpm build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardtsBin } from '../../../test-support/guardts-cli.js';
import { describeShared, repoRoot } from '../../../test-support/shared-corpus.js';

const cliDir = join(repoRoot, 'packages', 'cli');
const launcher = join(cliDir, 'bin', 'guardts');
const snapshotEntry = join(cliDir, 'dist', 'snapshot', 'guardts.cjs');
// bin/snapshot-blob.mjs keeps a node binary's blob under blobs/ at the binary's own path.
const distBlob = `${join(cliDir, 'dist', 'snapshot', 'blobs')}${process.execPath}.blob`;
const built = existsSync(snapshotEntry);

const { NO_COLOR: _n, CLICOLOR_FORCE: _f, GUARDTS_NO_SNAPSHOT: _s, ...baseEnv } = process.env;
const env = { ...baseEnv, PATH: `${dirname(process.execPath)}${delimiter}${baseEnv.PATH ?? ''}` };

function run(command: string, args: readonly string[], cwd: string, input?: string) {
  const result = spawnSync(command, args, { cwd, env, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `args` from the snapshot, started as bin/guardts starts it (its hash tables not rehashed),
 * and from guardts.mjs; expects the same output and exit code.
 */
function expectSameFromSnapshot(args: readonly string[], cwd: string, input?: string): number | null {
  const fromSnapshot = run(process.execPath, ['--no-rehash-snapshot', '--snapshot-blob', blob, ...args], cwd, input);
  const fromBundle = run(process.execPath, [guardtsBin, ...args], cwd, input);
  expect(fromSnapshot).toEqual(fromBundle);
  return fromBundle.status;
}

const dir = mkdtempSync(join(tmpdir(), 'guardts-snapshot-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A blob of our own: a concurrent `pnpm build` replaces dist/snapshot while these tests run.
const blob = join(dir, 'guardts.blob');
beforeAll(() => {
  if (built) spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', snapshotEntry], { stdio: 'ignore', timeout: 120_000 });
}, 130_000);
writeFileSync(join(dir, 'rules.guard'), 'let buckets = Resources.*[ Type == "AWS::S3::Bucket" ]\nrule versioned when %buckets !empty {\n  %buckets.Properties.Status == "Enabled" <<must be on>>\n  %buckets.Properties.Name == /^[a-z]+$/\n}\n');
writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      Status: Suspended\n      Name: logs\n');
writeFileSync(join(dir, 'broken.guard'), 'rule r {\n  Resources.* ==\n');
writeFileSync(join(dir, 'rules.guard.spec.yaml'), '- name: off\n  input:\n    Resources:\n      B:\n        Type: AWS::S3::Bucket\n        Properties: { Status: Off, Name: b }\n  expectations:\n    rules:\n      versioned: FAIL\n');

describe('the CLI started from its V8 startup snapshot', () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }

  it('has a blob for this node (built by the bundle step, or here), which bin/guardts starts from', () => {
    expect(existsSync(blob)).toBe(true);
    if (!existsSync(distBlob)) run(process.execPath, [join(cliDir, 'bin', 'snapshot-blob.mjs'), distBlob], dir);
    expect(existsSync(distBlob)).toBe(true);
    const traced = run('sh', ['-x', launcher, 'validate', '-r', 'rules.guard', '-d', 'template.yaml'], dir);
    expect(traced.stderr).toMatch(/exec \S+ (?:--max-semi-space-size=\d+ )?--no-rehash-snapshot --snapshot-blob \S+\/dist\/snapshot\/blobs\/\S+\.blob validate /);
    expect(traced.status).toBe(19);
  });

  it('a node that refuses the flags bin/guardts starts the snapshot with gets no blob (the launcher then runs guardts.mjs)', () => {
    const fakeNode = join(dir, 'refusing-node');
    writeFileSync(fakeNode, `#!/bin/sh\nfor a do [ "$a" = --no-rehash-snapshot ] && { echo "bad option: $a" >&2; exit 9; }; done\nexec '${process.execPath}' "$@"\n`, { mode: 0o755 });
    const refusedBlob = join(dir, 'refused', 'guardts.blob');
    const script = `import(${JSON.stringify(join(cliDir, 'bin', 'snapshot-blob.mjs'))}).then((m) => console.log(JSON.stringify(m.buildSnapshotBlob(${JSON.stringify(fakeNode)}, ${JSON.stringify(refusedBlob)}))))`;
    const built = run(process.execPath, ['-e', script], dir);
    expect(JSON.parse(built.stdout)).toMatchObject({ ok: false, message: expect.stringContaining('does not start') });
    expect(existsSync(refusedBlob)).toBe(false);
  }, 130_000);

  it('bin/guardts runs every other command, and GUARDTS_NO_SNAPSHOT=1 runs all, from guardts.mjs', () => {
    const other = run('sh', ['-x', launcher, 'parse-tree', '-r', 'rules.guard'], dir);
    expect(other.stderr).toContain(`${join(cliDir, 'bin')}/guardts.mjs parse-tree`);
    expect(other.status).toBe(0);
    const off = spawnSync('sh', ['-x', launcher, 'validate', '-r', 'rules.guard', '-d', 'template.yaml'], { cwd: dir, env: { ...env, GUARDTS_NO_SNAPSHOT: '1' }, encoding: 'utf8' });
    expect(off.stderr).not.toContain('--snapshot-blob');
    expect(off.status).toBe(19);
  });

  it('validate: failures in every output format, stdin, and the error exits', () => {
    expect(expectSameFromSnapshot(['validate', '-r', 'rules.guard', '-d', 'template.yaml'], dir)).toBe(19);
    expect(expectSameFromSnapshot(['validate', '-r', 'rules.guard', '-d', 'template.yaml', '-S', 'all', '-v'], dir)).toBe(19);
    for (const format of ['json', 'yaml', 'junit', 'sarif']) expectSameFromSnapshot(['validate', '-r', 'rules.guard', '-d', 'template.yaml', '-z', '-o', format], dir);
    expect(expectSameFromSnapshot(['validate', '-r', 'rules.guard'], dir, 'Resources: {}\n')).toBe(0);
    expect(expectSameFromSnapshot(['validate', '-r', 'broken.guard', '-d', 'template.yaml'], dir)).not.toBe(0);
    expect(expectSameFromSnapshot(['validate', '-r', 'rules.guard', '-d', 'nope.yaml'], dir)).toBe(255);
    expect(expectSameFromSnapshot(['validate', '--bogus'], dir)).toBe(2);
    expect(expectSameFromSnapshot(['validate', '--help'], dir)).toBe(0);
  });

  it('test: a spec file', () => {
    expectSameFromSnapshot(['test', '-r', 'rules.guard', '-t', 'rules.guard.spec.yaml'], dir);
  });
});

describeShared('the snapshot on the shared corpus', (shared) => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }
  const corpus = join(shared, 'corpus');
  it('validate: registry rules x a templates-dev directory, one thread and two (worker threads)', () => {
    const args = ['validate', '-r', join(corpus, 'registry', 'rules'), '-d', join(corpus, 'templates-dev', 'templates', 'S3')];
    const status = expectSameFromSnapshot([...args, '--jobs', '1'], corpus);
    expect(status).not.toBeNull();
    expectSameFromSnapshot([...args, '--jobs', '2', '-S', 'none'], corpus);
  });

  it('validate: Control Tower rules, structured output', () => {
    expectSameFromSnapshot(['validate', '-r', join(corpus, 'ct-rules', 'cfn-guard', 's3'), '-d', join(corpus, 'templates-dev', 'templates', 'S3'), '-z', '-o', 'json'], corpus);
  });

  it('test: the registry specs of a few rules', () => {
    for (const name of ['s3_bucket_logging_enabled', 'alb_http_drop_invalid_header_enabled']) {
      const spec = join(corpus, 'registry', 'tests', `${name}_tests.yml`);
      if (!existsSync(spec)) continue;
      expectSameFromSnapshot(['test', '-r', join(corpus, 'registry', 'rules', `${name}.guard`), '-t', spec], corpus);
    }
  });
});
