/**
 * `guardts watch` flags: validate's flags that still mean something when the report is printed
 * again after every save (`-r`, `-d`, `-o single-line-summary|json|yaml`, `-S`, `-a`/`-m`), parsed
 * with the same commander helpers so that values and errors read the same as validate's.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXIT_USAGE } from '../exit-codes.js';
import type { CommandIo } from '../io.js';
import { collectPaths, collectSummary, parseCommandLine, type ParsedArgs } from '../validate/parse-validate-args.js';
import type { FileOrder } from '../files/walk.js';
import type { SummaryKeyword } from '../validate/validate-options.js';

export type WatchOutputFormat = 'single-line-summary' | 'json' | 'yaml';
export const WATCH_OUTPUT_FORMATS: readonly WatchOutputFormat[] = ['single-line-summary', 'json', 'yaml'];

/** How long the watcher waits after the last file event before re-evaluating (editors write in bursts). */
export const DEFAULT_DEBOUNCE_MS = 20;

export interface WatchOptions {
  readonly rules: readonly string[];
  readonly data: readonly string[];
  readonly outputFormat: WatchOutputFormat;
  readonly showSummary: readonly SummaryKeyword[];
  readonly order: FileOrder;
  readonly debounceMs: number;
}

function parseDebounce(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 10_000) throw new InvalidArgumentError('an integer from 0 to 10000 is expected.');
  return ms;
}

export function buildWatchCommand(io: CommandIo): Command {
  return new Command('guardts watch')
    .usage('-r RULES... -d DATA... [options]')
    .description('Evaluates rules against data files, then again each time one of them is saved (Ctrl-C to stop).')
    .addHelpText('after', '\nguardts options (as for validate):\n  --as <config-item|hook|guard-hook>, --parameter NAME=VALUE, --parameters-file FILE, --guard-hook-targets RESOURCE,STACK\n')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError("\nUsage: guardts watch -r RULES... -d DATA... [options]\n\nFor more information, try '--help'.")
    .allowExcessArguments(false)
    .addOption(new Option('-r, --rules <RULES...>', 'rules files or directories (.guard, .ruleset inside directories)').argParser(collectPaths).makeOptionMandatory())
    .addOption(new Option('-d, --data <DATA...>', 'data files or directories (.yaml .yml .json .jsn .template)').argParser(collectPaths).makeOptionMandatory())
    .addOption(new Option('-o, --output-format <OUTPUT_FORMAT>', 'output format').choices(WATCH_OUTPUT_FORMATS).default('single-line-summary'))
    .addOption(new Option('-S, --show-summary <SHOW_SUMMARY>', 'summary table: all, pass, fail, skip, none (comma separated)').argParser(collectSummary))
    .addOption(new Option('-a, --alphabetical', 'order files in directories by name (the default)').conflicts('lastModified'))
    .addOption(new Option('-m, --last-modified', 'order files in directories by modification time').conflicts('alphabetical'))
    .addOption(new Option('--debounce <MS>', `quiet time after a file event before re-evaluating (default ${DEFAULT_DEBOUNCE_MS})`).argParser(parseDebounce));
}

/** Parses the arguments after `watch` (without guardts' document-mode flags); usage errors go to stderr. */
export function parseWatchArgs(argv: readonly string[], io: CommandIo): ParsedArgs<WatchOptions> {
  const command = buildWatchCommand(io);
  const failedExitCode = parseCommandLine(command, argv, io);
  if (failedExitCode !== null) return { ok: false, exitCode: failedExitCode };
  const flags = command.opts();
  const rules = (flags.rules as string[] | undefined) ?? [];
  const data = (flags.data as string[] | undefined) ?? [];
  if (rules.length === 0 || data.length === 0) {
    io.stderr.write("error: watch needs both '--rules <RULES...>' and '--data <DATA...>'\n\nFor more information, try '--help'.\n");
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return {
    ok: true,
    options: {
      rules,
      data,
      outputFormat: flags.outputFormat as WatchOutputFormat,
      showSummary: (flags.showSummary as SummaryKeyword[] | undefined) ?? ['fail'],
      order: flags.lastModified === true ? 'last-modified' : 'alphabetical',
      debounceMs: (flags.debounce as number | undefined) ?? DEFAULT_DEBOUNCE_MS,
    },
  };
}
