// Builds guardts' V8 startup snapshot for one node binary (bin/guardts starts from it). A blob is
// tied to the exact binary that built it, so each node gets its own, kept under blobs/ at the
// binary's own (resolved) path; the bundle step removes them all when the CLI changes. Best effort throughout: without a
// blob the CLI starts from the bundle, a little slower.
//
// As a script (`node snapshot-blob.mjs <blob>`) it builds the blob for the node running it; the
// launcher asks for that in the background when the blob is missing or stale.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const snapshotDir = fileURLToPath(new URL('../dist/snapshot', import.meta.url));
export const SNAPSHOT_ENTRY = join(snapshotDir, 'guardts.cjs');
/** A build takes seconds; a lock older than this is a build that died. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/** Where bin/guardts looks for the blob of `nodePath` (an absolute, resolved path): blobs/<nodePath>.blob. */
export function snapshotBlobPath(nodePath) {
  return `${join(snapshotDir, 'blobs')}${nodePath}.blob`;
}

/**
 * Builds the blob with `nodePath` into a temporary file, checks that a CLI starts from it, then
 * renames it into place, so that a reader never sees half a blob.
 * @returns {{ ok: true } | { ok: false, message: string }}
 */
export function buildSnapshotBlob(nodePath, blobPath) {
  if (!existsSync(SNAPSHOT_ENTRY)) return { ok: false, message: `${SNAPSHOT_ENTRY} is missing` };
  try {
    mkdirSync(dirname(blobPath), { recursive: true });
  } catch (error) {
    return { ok: false, message: error.message };
  }
  const lock = `${blobPath}.lock`;
  let lockFd;
  try {
    lockFd = openSync(lock, 'wx');
  } catch {
    // Another process is building it (or died doing so: then the next run retries).
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
    } catch {}
    return { ok: false, message: 'another build holds the lock' };
  }
  const temporary = join(dirname(blobPath), `.${basename(blobPath)}.${process.pid}.tmp`);
  try {
    const built = spawnSync(nodePath, ['--snapshot-blob', temporary, '--build-snapshot', SNAPSHOT_ENTRY], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
    if (built.status !== 0 || !existsSync(temporary)) return { ok: false, message: `node --build-snapshot failed: ${built.error?.message ?? built.stderr.trim().split('\n').at(-1) ?? built.status}` };
    // Started as bin/guardts starts it, flags included: a node that refuses one gets no blob, and
    // the launcher then runs guardts.mjs.
    const check = spawnSync(nodePath, ['--no-rehash-snapshot', '--snapshot-blob', temporary, 'help'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
    if (check.status !== 0 || !check.stdout.startsWith('guardts ')) return { ok: false, message: `the snapshot does not start: ${check.stderr.trim() || check.status}` };
    renameSync(temporary, blobPath);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error.message };
  } finally {
    rmSync(temporary, { force: true });
    closeSync(lockFd);
    rmSync(lock, { force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] !== undefined) {
  buildSnapshotBlob(process.execPath, process.argv[2]);
}
