/**
 * The main thread's look at a batch before deciding how to run it: the data files `-d` names (in
 * the order and under the names `runValidate` will use) and the rules files. Anything unusual
 * (a path that does not exist, a rules file that cannot be read) returns null: the batch then
 * runs single-threaded, which reports it exactly as the reference does.
 */
import { statSync } from 'node:fs';
import { isDirectory } from '../../files/walk.js';
import { collectRulesFiles, findDataFiles, readUtf8 } from '../data-files.js';
import type { ValidateOptions } from '../validate-options.js';

export interface ListedDataFile {
  /** The canonical path: what `runValidate` names the file, and what a worker is given. */
  readonly path: string;
  readonly bytes: number;
}

export interface BatchListing {
  readonly dataFiles: readonly ListedDataFile[];
  readonly dataBytes: number;
  readonly rulesFiles: number;
}

export function listBatch(options: ValidateOptions, cwd: string): BatchListing | null {
  try {
    const dataFiles: ListedDataFile[] = [];
    for (const path of options.data) {
      const found = findDataFiles(path, options.order, cwd);
      if (found === null) return null;
      for (const { file, name } of found) dataFiles.push({ path: name, bytes: statSync(file).size });
    }
    const rules = collectRulesFiles(options.rules, options.order, cwd);
    if (!rules.ok) return null;
    // An unreadable rules file is reported without being compiled: keep that case single-threaded.
    for (const source of rules.value) {
      if (source.path === null || isDirectory(source.path) || !readUtf8(source.path).ok) return null;
    }
    return { dataFiles, dataBytes: dataFiles.reduce((sum, file) => sum + file.bytes, 0), rulesFiles: rules.value.length };
  } catch {
    return null;
  }
}

/** Cuts `files` into `parts` contiguous runs of about the same number of bytes (none empty). */
export function splitBySize<T extends { readonly bytes: number }>(files: readonly T[], parts: number): T[][] {
  const total = files.reduce((sum, file) => sum + file.bytes + 1, 0);
  const runs: T[][] = [];
  let run: T[] = [];
  let done = 0;
  files.forEach((file, index) => {
    run.push(file);
    done += file.bytes + 1;
    const remainingFiles = files.length - index - 1;
    const remainingParts = parts - runs.length - 1;
    const target = (total * (runs.length + 1)) / parts;
    if (remainingParts > 0 && (done >= target || remainingFiles === remainingParts)) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
