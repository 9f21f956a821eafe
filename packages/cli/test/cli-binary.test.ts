// The built CLI as a user runs it (needs `pnpm build`): exit codes, stdout/stderr, colour rules.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardtsBin, runGuardts } from '../../../test-support/guardts-cli.js';
import { repoRoot } from '../../../test-support/shared-corpus.js';

const built = existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'main.js')) || existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'bundle', 'main.js'));
const dir = mkdtempSync(join(tmpdir(), 'guardts-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rules.guard'), 'rule versioned {\n  Resources.*.Properties.Status == "Enabled" <<must be on>>\n}\n');
writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      Status: Suspended\n');

describe(`the built CLI (${guardtsBin})`, () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }
  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const { NO_COLOR: _n, CLICOLOR_FORCE: _f, ...rest } = process.env;
    return { ...rest, ...extra };
  };

  it('validate prints the report and exits 19 on a failure', () => {
    const result = runGuardts(['validate', '-r', 'rules.guard', '-d', 'template.yaml'], { cwd: dir, env: env({}) });
    expect(result.status).toBe(19);
    expect(result.stdout).toContain(`${join(dir, 'template.yaml')} Status = FAIL`);
    expect(result.stdout).toContain('Message          = must be on');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours only when forced (not a terminal here) and never with NO_COLOR', () => {
    expect(runGuardts(['validate', '-r', 'rules.guard', '-d', 'template.yaml'], { cwd: dir, env: env({ CLICOLOR_FORCE: '1' }) }).stdout).toContain('\u001b[');
    expect(runGuardts(['validate', '-r', 'rules.guard', '-d', 'template.yaml'], { cwd: dir, env: env({ NO_COLOR: '1' }) }).stdout).not.toContain('\u001b[');
  });

  it('reads the data from stdin when -d is absent', () => {
    const input = 'Resources:\n  Logs:\n    Properties:\n      Status: Enabled\n';
    const result = runGuardts(['validate', '-r', 'rules.guard', '-z', '-o', 'json', '-S', 'none'], { cwd: dir, input, env: env({}) });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([{ name: 'STDIN', status: 'PASS', compliant: ['versioned'] }]);
  });

  it('reports a usage error with exit 2 and a runtime error with exit 255, without stack traces', () => {
    const usage = runGuardts(['validate', '-r', 'rules.guard', '--bogus'], { cwd: dir, env: env({}) });
    expect(usage.status).toBe(2);
    const missing = runGuardts(['validate', '-r', 'rules.guard', '-d', 'nope.yaml'], { cwd: dir, env: env({}) });
    expect(missing.status).toBe(255);
    expect(missing.stderr).toBe('Error occurred The path `nope.yaml` does not exist\n');
  });
});
