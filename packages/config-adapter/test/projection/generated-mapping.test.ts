// The checked-in mapping table is what the generator makes from the pinned inputs today.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../../../test-support/shared-corpus.js';

describeShared('generated Config mapping', (shared) => {
  it('is up to date with @aws-cdk/aws-service-spec and the Config resource schema', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'generate-config-mapping.mjs'), join(shared, 'config-schema'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/every top-level property matched by name: \d+/);
    expect(run.status).toBe(0);
  });
});
