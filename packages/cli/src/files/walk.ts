/**
 * Directory walking as cfn-guard does it (the `walkdir` crate): the path itself first, then a
 * depth-first walk whose siblings are ordered by file name (byte order) or by modification time.
 * Symbolic links to directories are not followed; a symbolic link to a file counts as a file.
 */
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export type FileOrder = 'alphabetical' | 'last-modified';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function sortEntries(dir: string, names: string[], order: FileOrder): string[] {
  if (order === 'alphabetical') return names.sort(compareBytes);
  const mtime = (name: string): number => statOrNull(join(dir, name))?.mtimeMs ?? 0;
  return names.sort((a, b) => mtime(a) - mtime(b));
}

/** Every regular file at or under `base`, in walk order. */
export function walkFiles(base: string, order: FileOrder): string[] {
  const found: string[] = [];
  const visit = (path: string, isRoot: boolean): void => {
    const stats = statOrNull(path);
    if (stats === null) return;
    if (stats.isFile()) {
      found.push(path);
      return;
    }
    if (!stats.isDirectory()) return;
    if (!isRoot) {
      // walkdir does not descend into symbolic links to directories.
      try {
        if (lstatSync(path).isSymbolicLink()) return;
      } catch {
        return;
      }
    }
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      return;
    }
    for (const name of sortEntries(path, names, order)) visit(join(path, name), false);
  };
  visit(base, true);
  return found;
}

export function pathExists(path: string): boolean {
  return statOrNull(path) !== null;
}

export function isDirectory(path: string): boolean {
  return statOrNull(path)?.isDirectory() ?? false;
}
