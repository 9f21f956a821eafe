// `guardts watch`: a WatchSession (watch/watch-session.ts) fed by fs.watch until Ctrl-C.
import { EventEmitter } from 'node:events';
import { evaluatorEngine } from '../engine/evaluator-engine.js';
import { EXIT_OK, EXIT_RUNTIME_ERROR, EXIT_USAGE } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';
import { colourEnabled, styler } from '../reporters/colour.js';
import type { DocumentExpander } from '../validate/run-validate.js';
import { summarySelection } from '../validate/validate-options.js';
import { UNKNOWN_CHANGE, watchPaths } from '../watch/file-watcher.js';
import { renderWatchRun, type WatchRenderOptions } from '../watch/render-watch-run.js';
import { parseWatchArgs } from '../watch/watch-options.js';
import { WatchSession, type WatchRun } from '../watch/watch-session.js';
import { fileSystemSources } from '../watch/watch-sources.js';
import { withInternalErrorGuard } from './guard-internal-errors.js';

/** guardts' document-mode flags (validate/document-mode.ts), loaded only when one is used. */
const DOCUMENT_MODE_FLAGS = ['--as', '--parameter', '--parameters-file', '--guard-hook-targets'];

/** What ends the watch: the process's signals in real use, an emitter in tests. */
export interface StopSignals {
  once(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/** Ctrl-C, SIGTERM, or the reader of stdout going away (EPIPE): each ends the watch quietly, exit 0. */
function processStopSignals(): StopSignals {
  const stops = new EventEmitter();
  process.once('SIGINT', () => stops.emit('SIGINT'));
  process.once('SIGTERM', () => stops.emit('SIGTERM'));
  // `on`, not `once`: writes already under way fail too, and an unhandled stream error would crash.
  process.stdout.on('error', () => stops.emit('SIGTERM'));
  return stops;
}

export async function run(argv: readonly string[], io: CommandIo = processIo(), signals: StopSignals = processStopSignals()): Promise<number> {
  let rest = argv;
  let expandDocuments: DocumentExpander | undefined;
  if (argv.some((arg) => DOCUMENT_MODE_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
    const { documentExpander, takeDocumentModeArgs } = await import('../validate/document-mode.js');
    const documentMode = takeDocumentModeArgs(argv, io.cwd);
    if (!documentMode.ok) {
      io.stderr.write(`${documentMode.message}\n`);
      return EXIT_USAGE;
    }
    const { mode, parameters, guardHookTargets } = documentMode.value;
    rest = documentMode.value.rest;
    expandDocuments = mode === null ? undefined : documentExpander(mode, parameters, io, guardHookTargets);
  }
  const parsed = parseWatchArgs(rest, io);
  if (!parsed.ok) return parsed.exitCode;
  const options = parsed.options;

  const session = new WatchSession({ engine: evaluatorEngine(), sources: fileSystemSources({ ...options, cwd: io.cwd }), expandDocuments });
  const render: WatchRenderOptions = {
    format: options.outputFormat,
    selection: summarySelection(options.showSummary),
    style: styler(colourEnabled(io.env, io.stdout.isTTY === true)),
    cwd: io.cwd,
  };
  const print = (watchRun: WatchRun, initial: boolean): void => {
    const rendered = renderWatchRun(watchRun, render, new Date(), initial);
    // Diagnostics first: the verdict line on stdout is the last word of a run.
    if (rendered.stderr !== '') io.stderr.write(rendered.stderr);
    io.stdout.write(rendered.stdout);
  };

  const initial: { run?: WatchRun } = {};
  const startCode = withInternalErrorGuard(io, () => {
    const started = session.start();
    if (!started.ok) {
      io.stderr.write(`Error occurred ${started.message}\n`);
      return EXIT_RUNTIME_ERROR;
    }
    initial.run = started.value;
    return EXIT_OK;
  });
  if (initial.run === undefined) return startCode;

  // Watching starts before the first report is printed: whoever waits for it may edit at once.
  const watcher = watchPaths([...options.rules, ...options.data], io.cwd, {
    debounceMs: options.debounceMs,
    onChange(touched) {
      // A bug while handling one save is reported like validate reports it; the watch goes on.
      withInternalErrorGuard(io, () => {
        const known = session.knownFiles();
        const changed = session.filesChanged(touched.has(UNKNOWN_CHANGE) ? [...known.rules, ...known.data] : touched);
        if (changed !== null) print(changed, false);
        return EXIT_OK;
      });
    },
    onError: (message) => io.stderr.write(`watch: ${message}\n`),
  });

  print(initial.run, true);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      resolve();
    };
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  watcher.close();
  return EXIT_OK;
}
