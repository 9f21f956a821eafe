// bin/guardts caps V8's semi-spaces for `validate` and `test` (docs/performance.md, "Peak RSS"):
// the flag must reach node on the snapshot start and on the bundle start, over files and over a
// directory, and not on other commands. Traces the launcher with `sh -x`; needs `pnpm build`.
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
const FLAG = '--max-semi-space-size=4';

const { GUARDTS_NO_SNAPSHOT: _s, ...baseEnv } = process.env;
const env = { ...baseEnv, PATH: `${dirname(process.execPath)}${delimiter}${baseEnv.PATH ?? ''}` };

const dir = mkdtempSync(join(tmpdir(), 'guardts-semi-space-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rules.guard'), 'rule r { Resources exists }\n');
writeFileSync(join(dir, 'template.yaml'), 'Resources: {}\n');
mkdirSync(join(dir, 'templates'));
writeFileSync(join(dir, 'templates', 'a.yaml'), 'Resources: {}\n');

function trace(args: readonly string[], extraEnv: Record<string, string> = {}) {
  return spawnSync('sh', ['-x', launcher, ...args], { cwd: dir, env: { ...env, ...extraEnv }, encoding: 'utf8' });
}

/** The line of the trace that starts node (sh -x prints each command before running it). */
function nodeCommand(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('+ exec '));
  expect(line, stderr).toBeDefined();
  return line as string;
}

describe('bin/guardts caps the semi-spaces of validate and test', () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }

  it('passes the flag on a snapshot start, over files and over a directory', () => {
    if (!existsSync(blob)) spawnSync(process.execPath, [join(cliDir, 'bin', 'snapshot-blob.mjs'), blob], { stdio: 'ignore' });
    for (const data of [['-d', 'template.yaml'], ['-d', 'templates']]) {
      const run = trace(['validate', '-r', 'rules.guard', ...data]);
      const command = nodeCommand(run.stderr);
      expect(command).toContain(`${FLAG} --no-rehash-snapshot --snapshot-blob`);
      expect(run.status).toBe(0);
    }
  });

  it('passes it without the snapshot too, and to `test`', () => {
    const bundle = trace(['validate', '-r', 'rules.guard', '-d', 'template.yaml'], { GUARDTS_NO_SNAPSHOT: '1' });
    expect(nodeCommand(bundle.stderr)).toMatch(new RegExp(`${FLAG} \\S*guardts\\.mjs validate`));
    expect(bundle.status).toBe(0);
    const test = trace(['test', '--help']);
    expect(nodeCommand(test.stderr)).toContain(FLAG);
  });

  it('leaves other commands alone', () => {
    const help = trace(['help']);
    expect(nodeCommand(help.stderr)).not.toContain('--max-semi-space-size');
  });
});
