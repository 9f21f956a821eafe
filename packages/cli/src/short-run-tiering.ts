/**
 * A `validate` or `test` over a few small files is over within tens of milliseconds: too soon for
 * V8's baseline (Sparkplug) and optimising (TurboFan) compilers to pay back what they cost — on
 * the cold-start case they compiled ~500 functions for ~4 ms of CPU (docs/performance.md, "Cold
 * start"). A start from the snapshot turns both off for such a run; one that names a directory or
 * more than SHORT_RUN_BYTES of files keeps them, as batches need them (ct-all: 1.9 MB of templates
 * and 237 rules files). Only the speed of a run depends on this, never its output.
 */
import { statSync, type Stats } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

export const SHORT_RUN_BYTES = 256 * 1024;

/**
 * Whether the files that `argv` names (arguments and `--flag=value` values that are existing paths)
 * are no directory and SHORT_RUN_BYTES at most in all. A run naming no file (`--payload`) is not
 * short; data on stdin beside a rules file is not counted.
 */
export function isShortRun(argv: readonly string[], cwd: string = process.cwd()): boolean {
  let bytes = 0;
  let files = 0;
  for (const arg of argv) {
    const path = arg.startsWith('-') ? arg.slice(arg.indexOf('=') + 1 || arg.length) : arg;
    if (path === '') continue;
    const stats = statOrUndefined(path.startsWith('/') ? path : `${cwd}/${path}`);
    if (stats === undefined) continue;
    if (!stats.isFile()) return false;
    files++;
    bytes += stats.size;
    if (bytes > SHORT_RUN_BYTES) return false;
  }
  return files > 0;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // not a path (ENOTDIR, ENAMETOOLONG, …): an option's value
  }
}

/** Turns Sparkplug and TurboFan off for a short run (isShortRun); returns whether it did. */
export function tuneTieringForShortRun(argv: readonly string[]): boolean {
  if (!isShortRun(argv)) return false;
  setFlagsFromString('--no-sparkplug');
  setFlagsFromString('--no-turbofan');
  return true;
}
