/**
 * fs.watch over the `-r`/`-d` paths, debounced. A file given by name is watched through its
 * directory, not its inode: editors that save by writing a temporary file and renaming it over the
 * original (vim, JetBrains, VS Code with some settings) replace the inode, and a watch on the old
 * one goes silent. Directories are watched recursively, so new and deleted files are seen.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isDirectory } from '../files/walk.js';

/** Stands for "something changed in a watched directory, the platform did not say what". */
export const UNKNOWN_CHANGE = '';

interface WatchTarget {
  readonly directory: string;
  readonly recursive: boolean;
  /** For directories watched on behalf of named files: the base names that matter (null: all). */
  readonly names: Set<string> | null;
}

export function watchTargets(paths: readonly string[], cwd: string): WatchTarget[] {
  const targets = new Map<string, WatchTarget>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (isDirectory(absolute)) {
      targets.set(`${absolute}\0r`, { directory: absolute, recursive: true, names: null });
      continue;
    }
    const key = `${dirname(absolute)}\0f`;
    const target = targets.get(key) ?? { directory: dirname(absolute), recursive: false, names: new Set<string>() };
    target.names?.add(basename(absolute));
    targets.set(key, target);
  }
  return [...targets.values()];
}

export interface FileWatcher {
  close(): void;
}

export interface FileWatcherOptions {
  readonly debounceMs: number;
  /** The absolute paths touched since the last call (UNKNOWN_CHANGE among them when unnamed). */
  readonly onChange: (paths: ReadonlySet<string>) => void;
  readonly onError: (message: string) => void;
}

export function watchPaths(paths: readonly string[], cwd: string, options: FileWatcherOptions): FileWatcher {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    timer = null;
    const touched = pending;
    pending = new Set();
    options.onChange(touched);
  };
  const touch = (path: string): void => {
    pending.add(path);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const target of watchTargets(paths, cwd)) {
    try {
      const watcher = watch(target.directory, { recursive: target.recursive, persistent: true }, (_event, filename) => {
        if (filename === null) return touch(UNKNOWN_CHANGE);
        const name = filename.toString();
        if (target.names !== null && !target.names.has(name)) return;
        touch(join(target.directory, name));
      });
      watcher.on('error', (error) => options.onError(`cannot watch ${target.directory} any longer: ${error.message}`));
      watchers.push(watcher);
    } catch (error) {
      options.onError(`cannot watch ${target.directory}: ${(error as Error).message}`);
    }
  }
  return {
    close() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      for (const watcher of watchers) watcher.close();
    },
  };
}
