// The rules pack: every `<rule>.guard` has `tests/<rule>_tests.yaml`, `guardts test` passes it
// (needs `pnpm build`), and cfn-guard 3.1.1 agrees, output included, when it is available.
// Rules run concurrently: each one spawns the CLI and the reference binary.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardtsBin } from '../../test-support/guardts-cli.js';
import { referenceBinary } from '../../test-support/reference-binary.js';
import { repoRoot } from '../../test-support/shared-corpus.js';

const rulesDir = join(repoRoot, 'rules');
const ruleNames = readdirSync(rulesDir)
  .filter((file) => file.endsWith('.guard'))
  .map((file) => file.slice(0, -'.guard'.length))
  .sort();
const reference = referenceBinary();

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function spawnRun(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: rulesDir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status, stdout, stderr });
    });
  });
}

describe('rules pack', () => {
  it('holds the seed rule in both forms and at least 20 controls', () => {
    expect(ruleNames).toEqual(expect.arrayContaining(['lambda_tracing_config_item', 'lambda_tracing_template']));
    expect(ruleNames.length).toBeGreaterThanOrEqual(22);
  });

  it('is clean under guardts lint', async () => {
    const run = await spawnRun(process.execPath, [guardtsBin, 'lint', '-r', rulesDir]);
    expect(run.stdout).toMatch(new RegExp(`^0 warnings, 0 errors in ${ruleNames.length} files`, 'm'));
    expect(run.status).toBe(0);
  });

  it.each(ruleNames)('%s has a unit-test spec', (name) => {
    expect(existsSync(join(rulesDir, 'tests', `${name}_tests.yaml`))).toBe(true);
  });
});

describe.concurrent('rules pack specs', () => {
  for (const name of ruleNames) {
    const args = ['test', '-r', `${name}.guard`, '-t', join('tests', `${name}_tests.yaml`)];

    it(`${name}: guardts test passes the spec${reference ? ' and matches cfn-guard 3.1.1' : ''}`, async () => {
      const [guardts, expected] = await Promise.all([
        spawnRun(process.execPath, [guardtsBin, ...args]),
        reference === null ? Promise.resolve(null) : spawnRun(reference, args),
      ]);
      expect(guardts.stderr).toBe('');
      expect(guardts.stdout).not.toMatch(/FAIL Rules:/);
      expect(guardts.status).toBe(0);
      if (expected !== null) {
        expect(expected.status).toBe(0);
        expect(guardts.stdout).toBe(expected.stdout);
      }
    });
  }
});
