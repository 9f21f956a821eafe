/**
 * Where a watch session finds its files: validate's discovery (rules via `collectRulesFiles`, data via
 * `findDataFiles`), re-run after every change so that files
 * added to or removed from a watched directory are noticed. An interface, so that tests can count
 * what a session reads.
 */
import { realpathSync } from 'node:fs';
import type { Outcome } from '../engine/guard-engine.js';
import type { FileOrder } from '../files/walk.js';
import { collectRulesFiles, findDataFiles, readUtf8, type RulesSource } from '../validate/data-files.js';

/** A data file on disk: `path` as walked (what file events name), `name` its canonical path (what reports show). */
export interface DataSource {
  readonly path: string;
  readonly name: string;
}

/** Files found under the given paths, and the given paths that do not exist (any longer). */
export interface Discovered<T> {
  readonly files: readonly T[];
  readonly missing: readonly string[];
}

export interface WatchSources {
  rulesFiles(): Discovered<RulesSource & { readonly path: string }>;
  dataFiles(): Discovered<DataSource>;
  read(path: string): Outcome<string>;
}

export interface SourcePaths {
  readonly rules: readonly string[];
  readonly data: readonly string[];
  readonly order: FileOrder;
  readonly cwd: string;
}

function canonical(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

export function fileSystemSources({ rules, data, order, cwd }: SourcePaths): WatchSources {
  return {
    rulesFiles() {
      const files: (RulesSource & { path: string })[] = [];
      const missing: string[] = [];
      for (const path of rules) {
        const collected = collectRulesFiles([path], order, cwd);
        if (!collected.ok) missing.push(path);
        else for (const source of collected.value) if (source.path !== null) files.push({ name: source.name, path: source.path });
      }
      return { files, missing };
    },
    dataFiles() {
      const files: DataSource[] = [];
      const missing: string[] = [];
      for (const path of data) {
        const found = findDataFiles(path, order, cwd, canonical);
        if (found === null) missing.push(path);
        else for (const { file, name } of found) files.push({ path: file, name });
      }
      return { files, missing };
    },
    read: readUtf8,
  };
}
