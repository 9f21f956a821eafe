// Data files are named by their canonical path (symbolic links resolved), so anything that shows
// them relative to a directory must resolve that directory too, or a working directory reached
// through a link would leave every file outside it. Cached: reports ask once per finding.
import { realpathSync } from 'node:fs';

const canonicalPaths = new Map<string, string>();

/** `path` with its symbolic links resolved; `path` itself when it cannot be (missing, no access). */
export function canonicalPath(path: string): string {
  let canonical = canonicalPaths.get(path);
  if (canonical === undefined) {
    try {
      canonical = realpathSync(path);
    } catch {
      canonical = path;
    }
    canonicalPaths.set(path, canonical);
  }
  return canonical;
}
