// Locates ../shared (the read-only corpus beside the repository). Suites that need it call
// `describeShared`, which reports clearly, by name, when the corpus is absent.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const sharedDir: string | null = (() => {
  const candidate = process.env.GUARDTS_SHARED_DIR ?? join(repoRoot, '..', 'shared');
  return existsSync(join(candidate, 'spec', 'guard-language.md')) ? candidate : null;
})();

/** `describe` when ../shared exists; otherwise a skipped suite whose name says why. */
export function describeShared(name: string, body: (shared: string) => void): void {
  if (sharedDir === null) {
    describe(name, () => {
      it.skip('SKIPPED: the ../shared corpus is not beside the repository (set GUARDTS_SHARED_DIR to run this suite)', () => {});
    });
    return;
  }
  const dir = sharedDir;
  describe(name, () => body(dir));
}
