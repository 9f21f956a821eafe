// The built `guardts` binary, end to end: `lint` and `rulegen` reached through the command
// dispatcher, with their exit codes (needs `pnpm build`).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardtsBin, runGuardts } from '../../../test-support/guardts-cli.js';

const built = existsSync(join(guardtsBin, '..', '..', 'dist', 'bundle', 'main.js')) || existsSync(join(guardtsBin, '..', '..', 'dist', 'main.js'));

if (!built) {
  describe('the built guardts CLI: lint and rulegen', () => {
    it.skip('SKIPPED: the CLI is not built (run `pnpm build`)', () => {});
  });
} else describe('the built guardts CLI: lint and rulegen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guardts-lint-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'trap.guard'), 'rule r {\n  not A == 1\n}\n');
  writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n');

  it('guardts lint exits 3 on a warning and prints it', () => {
    const result = runGuardts(['lint', '-r', 'trap.guard'], { cwd: dir });
    expect(result.stdout).toContain('trap.guard:2:3: warning[ignored-not-before-comparison]');
    expect(result.status).toBe(3);
  });

  it('guardts rulegen prints the rules of a template', () => {
    const result = runGuardts(['rulegen', '-t', 'template.yaml'], { cwd: dir });
    expect(result.stdout).toBe(
      "let aws_s3_bucket_resources = Resources.*[ Type == 'AWS::S3::Bucket' ]\nrule aws_s3_bucket when %aws_s3_bucket_resources !empty {\n  %aws_s3_bucket_resources.Properties.BucketName == \"logs\"\n}\n",
    );
    expect(result.status).toBe(0);
  });
});
