/**
 * Runs a `validate` batch on several threads: the data files are cut into contiguous runs of about
 * equal size, the first for the main thread, one for each worker thread; each thread compiles
 * every rules file and evaluates its run; the segments they hand back are printed in the
 * single-threaded order (merge-segments.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EXIT_RUNTIME_ERROR } from '../../exit-codes.js';
import { rerunWithoutSnapshot, startedFromSnapshot } from '../../startup-snapshot.js';
import type { CommandIo } from '../../io.js';
import { splitBySize, type BatchListing } from './batch-listing.js';
import { evaluateShare } from './evaluate-share.js';
import { SegmentMerger, type MergeState } from './merge-segments.js';
import type { ProgressLine } from './progress.js';
import type { WorkerInput, WorkerMessage, Write } from './segments.js';

/**
 * The worker script next to this module: `dist/bundle/validate-worker.js` in the bundle (an entry
 * point of scripts/bundle.mjs), `dist/validate/parallel/validate-worker.js` in the tsc build.
 * Running from sources (vitest) there is none, and batches run on the main thread.
 */
const WORKER_SCRIPT = new URL('./validate-worker.js', import.meta.url);

export function workerScriptAvailable(): boolean {
  return WORKER_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(WORKER_SCRIPT));
}

export interface WorkerRun {
  readonly argv: readonly string[];
  readonly io: CommandIo;
  readonly listing: BatchListing;
  /** Threads in all, the main thread included (>= 2). */
  readonly threads: number;
  readonly progress: ProgressLine | null;
}

/** The exit code, or null when the batch must run on the main thread alone (nothing printed then). */
export async function runInWorkers(run: WorkerRun): Promise<number | null> {
  const { io, listing, progress } = run;
  if (startedFromSnapshot()) {
    // Worker threads abort a process started from the snapshot (startup-snapshot.ts); the trace line is already out.
    const { GUARDTS_TRACE_JOBS: _trace, ...env } = process.env;
    return rerunWithoutSnapshot(['validate', ...run.argv], env);
  }
  const shares = splitBySize(listing.dataFiles, run.threads);
  const evaluations = shares.map(() => 0);
  let printed = false;
  const write = (item: Write): void => {
    printed = true;
    if (item.stream === 'stderr' || io.stdout.isTTY === true) progress?.clear();
    (item.stream === 'stdout' ? io.stdout : io.stderr).write(item.text);
  };
  const merger = new SegmentMerger(shares.length, listing.rulesFiles, write);
  const env = { ...io.env };

  const inputs = shares.map((share): WorkerInput => ({ argv: [...run.argv], dataFiles: share.map((file) => file.path), cwd: io.cwd, env, stdoutIsTTY: io.stdout.isTTY === true }));
  return new Promise((resolvePromise) => {
    let settled = false;
    const workers: Worker[] = [];
    const settle = (exitCode: number | null): void => {
      if (settled) return;
      settled = true;
      progress?.clear();
      for (const worker of workers) void worker.terminate();
      resolvePromise(exitCode);
    };
    const onState = (state: MergeState): void => {
      if (state.kind === 'finished') settle(state.exitCode);
      else if (state.kind === 'run-single-threaded') settle(null);
    };
    const receive = (index: number, message: WorkerMessage): void => {
      if (settled) return;
      if (message.type === 'preamble') onState(merger.preamble(index, message.writes));
      else if (message.type === 'segment') onState(merger.segment(index, message.segment));
      else if (message.type === 'progress') {
        evaluations[index] = message.evaluations;
        // While the main thread works on its share the workers' messages wait; the shares are of
        // about equal size, so the main thread's count times the threads is the better estimate.
        progress?.update(Math.max(evaluations.reduce((sum, count) => sum + count, 0), evaluations[0]! * shares.length));
      } else onState(merger.workerDone(index));
    };
    inputs.forEach((input, index) => {
      if (index === 0) return;
      const worker = new Worker(WORKER_SCRIPT, { workerData: input });
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => receive(index, message));
      worker.on('error', (error: Error) => {
        if (settled) return;
        // Before any output the main thread can still do the whole batch; after, say what broke.
        if (!printed) return settle(null);
        io.stderr.write(`Error occurred internal error: a worker thread failed: ${error.message}\n`);
        settle(EXIT_RUNTIME_ERROR);
      });
    });
    // The main thread's own share; the workers' messages wait in the queue meanwhile.
    evaluateShare(inputs[0]!, (message) => receive(0, message)).catch((error: unknown) => {
      if (settled) return;
      if (!printed) return settle(null);
      io.stderr.write(`Error occurred internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      settle(EXIT_RUNTIME_ERROR);
    });
  });
}
