/**
 * Finds cfn-guard 3.1.1 the way the project does: an explicit path, else $GUARDTS_REFERENCE_BINARY,
 * else the project's `scripts/get-reference-binary.mjs` (which verifies and caches the binary),
 * looked for above the working directory and above this module.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Located = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly error: string };

export function locateReferenceBinary(explicit?: string): Located {
  const given = explicit ?? process.env.GUARDTS_REFERENCE_BINARY;
  if (given !== undefined && given !== '') {
    return existsSync(given) ? { ok: true, path: given } : { ok: false, error: `cfn-guard binary not found at ${given}` };
  }
  for (const start of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    const script = findUpwards(start, join('scripts', 'get-reference-binary.mjs'));
    if (script === undefined) continue;
    try {
      const path = execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).trim().split('\n').pop() ?? '';
      if (path !== '' && existsSync(path)) return { ok: true, path };
    } catch (error) {
      return { ok: false, error: `${script} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
  }
  return { ok: false, error: 'cfn-guard 3.1.1 not found: pass --reference-binary PATH or set GUARDTS_REFERENCE_BINARY' };
}

function findUpwards(start: string, relative: string): string | undefined {
  let dir = resolve(start);
  for (let depth = 0; depth < 20; depth += 1) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}
