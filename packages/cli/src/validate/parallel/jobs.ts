/**
 * `--jobs`: how many worker threads evaluate the data files. Below the threshold a worker costs
 * more (its own start, its own compilation of every rules file) than it saves: see the "Worker
 * threads" section of docs/performance.md for the measurements behind these numbers.
 */
import { InvalidArgumentError } from 'commander';

/** `auto` gives each thread at least this many data files. */
export const MIN_DATA_FILES_PER_THREAD = 8;
/**
 * `auto` stays on the main thread below this much data. Every thread compiles every rules file
 * and warms up its own JIT (about a second of CPU for the 237 Control Tower rules), so a batch the
 * size of ct-all (1.9 MB of templates) gains little and costs ~50 MiB more memory; four times as
 * much data gains a third of the wall time on an idle 2-core machine.
 */
export const AUTO_MIN_DATA_BYTES = 4 * 1024 * 1024;
/** `auto` never uses more threads than this: each holds its own copy of the compiled rules. */
export const MAX_AUTO_THREADS = 4;

export function parseJobs(text: string): number | 'auto' {
  if (text === 'auto') return 'auto';
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new InvalidArgumentError("expected 'auto' or a whole number from 1 to 256");
  return Number(text);
}

/**
 * The number of threads to share the data files between (the main thread is one of them), 0
 * meaning "the main thread alone". An explicit number is honoured (capped so that each thread has
 * at least one data file); `auto` uses every idle core once there is enough data to share.
 */
export function threadCount(jobs: number | 'auto', dataFiles: number, dataBytes: number, cores: number): number {
  if (jobs === 'auto') {
    if (dataBytes < AUTO_MIN_DATA_BYTES) return 0;
    const count = Math.min(cores, MAX_AUTO_THREADS, Math.floor(dataFiles / MIN_DATA_FILES_PER_THREAD));
    return count >= 2 ? count : 0;
  }
  const count = Math.min(jobs, dataFiles);
  return count >= 2 ? count : 0;
}
