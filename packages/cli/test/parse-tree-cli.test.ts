// The built `guardts parse-tree`, end to end: the same exit code as `cfn-guard parse-tree`
// (0 accepted, 255 rejected) on every probe-case rules file (needs `pnpm build` and ../shared).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardtsBin, runGuardts } from '../../../test-support/guardts-cli.js';
import { referenceBinary, runReference } from '../../../test-support/reference-binary.js';
import { describeShared } from '../../../test-support/shared-corpus.js';

const built = existsSync(join(guardtsBin, '..', '..', 'dist', 'bundle', 'main.js')) || existsSync(join(guardtsBin, '..', '..', 'dist', 'main.js'));

if (!built || referenceBinary() === null) {
  describe('the built guardts parse-tree', () => {
    it.skip(`SKIPPED: ${built ? 'the cfn-guard 3.1.1 binary is unavailable' : 'the CLI is not built (run `pnpm build`)'}`, () => {});
  });
} else {
  describeShared('the built guardts parse-tree exits like cfn-guard parse-tree', (shared) => {
    const dir = join(shared, 'spec', 'probe-cases');
    const files = readdirSync(dir).filter((name) => name.endsWith('.guard')).sort();

    it('on every probe-case rules file', () => {
      expect(files.length).toBeGreaterThan(50);
      const differences = files
        .map((name) => ({ name, guardts: runGuardts(['parse-tree', '-r', name], { cwd: dir }).status, reference: runReference(['parse-tree', '-r', name], { cwd: dir }).status }))
        .filter(({ guardts, reference }) => guardts !== reference);
      expect(differences).toEqual([]);
    });
  });
}
