/**
 * `validate` with data files named by `-d`: decides between the main thread and worker threads
 * (`--jobs`), and draws the progress line of long batches. Either way the output and exit code
 * are those of the single-threaded `runValidate`, byte for byte.
 */
import { availableParallelism, loadavg } from 'node:os';
import { withInternalErrorGuard } from '../../commands/guard-internal-errors.js';
import type { GuardEngine } from '../../engine/guard-engine.js';
import type { CommandIo } from '../../io.js';
import { runValidate, type ValidateContext } from '../run-validate.js';
import type { ValidateOptions } from '../validate-options.js';
import { listBatch } from './batch-listing.js';
import { threadCount } from './jobs.js';
import { ProgressLine, progressWanted } from './progress.js';
import { runInWorkers, workerScriptAvailable } from './run-in-workers.js';

export async function validateBatch(argv: readonly string[], options: ValidateOptions, context: ValidateContext): Promise<number> {
  const startedAt = Date.now();
  const { io } = context;
  const listing = listBatch(options, io.cwd);
  if (listing === null) return runOnMainThread(options, context, null);
  const progress = progressWanted({
    progressFlag: options.progress !== false,
    stderrIsTTY: io.stderr.isTTY === true,
    outputFormat: options.outputFormat,
    printJson: options.printJson,
    structured: options.structured,
    dataFiles: listing.dataFiles.length,
  })
    ? new ProgressLine((text) => io.stderr.write(text), listing.dataFiles.length, listing.rulesFiles, startedAt)
    : null;
  const threads = workerScriptAvailable() ? threadCount(options.jobs ?? 'auto', listing.dataFiles.length, listing.dataBytes, idleCores()) : 0;
  if (threads >= 2 && listing.rulesFiles > 0) {
    // For tests and for anyone wondering whether the workers really ran.
    if (io.env.GUARDTS_TRACE_JOBS !== undefined) io.stderr.write(`guardts: validate on ${threads} threads\n`);
    const exitCode = await runInWorkers({ argv, io, listing, threads, progress });
    if (exitCode !== null) return exitCode;
  }
  return runOnMainThread(options, context, progress);
}

/**
 * The cores not already busy (the one-minute load average; 0 where the OS has none): on a loaded
 * machine a second thread only adds its start-up and compilation to the work (docs/performance.md).
 */
function idleCores(): number {
  return Math.max(1, availableParallelism() - Math.round(loadavg()[0] ?? 0));
}

function runOnMainThread(options: ValidateOptions, context: ValidateContext, progress: ProgressLine | null): number {
  if (progress === null) return withInternalErrorGuard(context.io, () => runValidate(options, context));
  const io = clearingIo(context.io, progress);
  const exitCode = withInternalErrorGuard(io, () => runValidate(options, { ...context, io, engine: countingEngine(context.engine, progress) }));
  progress.clear();
  return exitCode;
}

/** Takes the progress line away before anything else reaches the terminal. */
function clearingIo(io: CommandIo, progress: ProgressLine): CommandIo {
  return {
    ...io,
    stdout: { isTTY: io.stdout.isTTY, write: (text) => (io.stdout.isTTY === true && progress.clear(), io.stdout.write(text)) },
    stderr: { isTTY: io.stderr.isTTY, write: (text) => (progress.clear(), io.stderr.write(text)) },
    readStdin: () => io.readStdin(),
  };
}

function countingEngine(engine: GuardEngine, progress: ProgressLine): GuardEngine {
  let evaluations = 0;
  return {
    compileRules: (text, fileName) => engine.compileRules(text, fileName),
    loadDocument: (text, name) => engine.loadDocument(text, name),
    loadTestSpecDocument: (text, name) => engine.loadTestSpecDocument(text, name),
    mergeDocuments: (first, second) => engine.mergeDocuments(first, second),
    evaluate: (rules, document, dataName, options) => {
      const evaluation = engine.evaluate(rules, document, dataName, options);
      progress.update(++evaluations);
      return evaluation;
    },
  };
}
