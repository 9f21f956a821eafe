// bin/guardts asks glibc for huge pages (GLIBC_TUNABLES) on a snapshot start over files, never
// over a directory (docs/performance.md, "Cold start"; that the started process does not hand the
// setting down is unit/launcher-tunables.test.ts). Traces the launcher with `sh -x`; needs
// `pnpm build` for the snapshot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-support/shared-corpus.js';

const cliDir = join(repoRoot, 'packages', 'cli');
const launcher = join(cliDir, 'bin', 'guardts');
const blob = `${join(cliDir, 'dist', 'snapshot', 'blobs')}${process.execPath}.blob`;
const built = existsSync(join(cliDir, 'dist', 'snapshot', 'guardts.cjs'));

const { GLIBC_TUNABLES: _t, GUARDTS_NO_SNAPSHOT: _s, ...baseEnv } = process.env;
const env = { ...baseEnv, PATH: `${dirname(process.execPath)}${delimiter}${baseEnv.PATH ?? ''}` };

const dir = mkdtempSync(join(tmpdir(), 'guardts-huge-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rules.guard'), 'rule r { Resources exists }\n');
writeFileSync(join(dir, 'template.yaml'), 'Resources: {}\n');
mkdirSync(join(dir, 'templates'));
writeFileSync(join(dir, 'templates', 'a.yaml'), 'Resources: {}\n');

function trace(args: readonly string[]) {
  return spawnSync('sh', ['-x', launcher, ...args], { cwd: dir, env, encoding: 'utf8' });
}

describe('bin/guardts and huge pages', () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }

  it('sets the tunable for files, not for a directory in either flag form', () => {
    if (!existsSync(blob)) spawnSync(process.execPath, [join(cliDir, 'bin', 'snapshot-blob.mjs'), blob], { stdio: 'ignore' });
    const files = trace(['validate', '-r', 'rules.guard', '-d', 'template.yaml']);
    expect(files.stderr).toMatch(/GLIBC_TUNABLES=glibc\.malloc\.hugetlb=1\n/);
    expect(files.stderr).toContain('--snapshot-blob');
    expect(files.status).toBe(0);
    for (const data of [['-d', 'templates'], ['--data=templates']]) {
      const batch = trace(['validate', '-r', 'rules.guard', ...data]);
      expect(batch.stderr).not.toContain('GLIBC_TUNABLES');
      expect(batch.stderr).toContain('--snapshot-blob');
      expect(batch.status).toBe(0);
    }
  });

  it('appends to the user’s own tunables', () => {
    const traced = spawnSync('sh', ['-x', launcher, 'validate', '-r', 'rules.guard', '-d', 'template.yaml'], { cwd: dir, env: { ...env, GLIBC_TUNABLES: 'glibc.malloc.check=0' }, encoding: 'utf8' });
    expect(traced.stderr).toContain('GLIBC_TUNABLES=glibc.malloc.check=0:glibc.malloc.hugetlb=1');
    expect(traced.status).toBe(0);
  });
});
