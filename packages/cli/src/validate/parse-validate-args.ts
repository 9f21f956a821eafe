/**
 * `guardts validate` flags, parsed with commander to behave as cfn-guard 3.1.1's clap definition:
 * the same names, several values per `-r/-d/-i` flag, `-S` comma lists, the same conflicts, and
 * exit code 2 for anything the argument parser rejects.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CommandIo } from '../io.js';
import { addLimitOptions, limitsFromFlags } from './limit-flags.js';
import { parseJobs } from './parallel/jobs.js';
import { OUTPUT_FORMATS, SUMMARY_KEYWORDS, type OutputFormat, type SummaryKeyword, type ValidateOptions } from './validate-options.js';

export type ParsedArgs<T> = { readonly ok: true; readonly options: T } | { readonly ok: false; readonly exitCode: number };

export function collectPaths(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function collectSummary(value: string, previous: SummaryKeyword[] | undefined): SummaryKeyword[] {
  const keywords = value.split(',').map((keyword) => {
    if (!(SUMMARY_KEYWORDS as readonly string[]).includes(keyword)) {
      throw new CommanderError(EXIT_USAGE, 'commander.invalidArgument', `error: invalid value '${keyword}' for '--show-summary <SHOW_SUMMARY>'\n  [possible values: ${SUMMARY_KEYWORDS.join(', ')}]`);
    }
    return keyword as SummaryKeyword;
  });
  return [...(previous ?? []), ...keywords];
}

/** A variadic option given without any value yields `true` in commander: no paths. */
function pathList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function buildValidateCommand(io: CommandIo): Command {
  const command = new Command('guardts validate')
    .usage('<--rules [RULES...] | --payload> [options]')
    .description('Evaluates rules against the data files to determine success or failure (cfn-guard validate).')
    .addHelpText(
      'after',
      '\nguardts options (evaluate each resource as an AWS evaluation point sees it):\n  --as <config-item|hook|guard-hook>, --parameter NAME=VALUE, --parameters-file FILE, --guard-hook-targets RESOURCE,STACK\n',
    )
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    // Like cfn-guard (clap), a usage error is followed by the usage line.
    .showHelpAfterError("\nUsage: guardts validate <--rules [RULES...] | --payload> [options]\n\nFor more information, try '--help'.")
    .allowExcessArguments(false)
    .addOption(new Option('-r, --rules [RULES...]', 'rules files or directories (.guard, .ruleset inside directories)').argParser(collectPaths).conflicts('payload'))
    .addOption(new Option('-d, --data [DATA...]', 'data files or directories (.yaml .yml .json .jsn .template); stdin when absent').argParser(collectPaths).conflicts('payload'))
    .addOption(new Option('-i, --input-params [INPUT_PARAMS...]', 'parameter files merged into every data document').argParser(collectPaths))
    .addOption(new Option('-t, --type <type>', 'deprecated and ignored').choices(['CFNTemplate']))
    .addOption(new Option('-o, --output-format <OUTPUT_FORMAT>', 'output format').choices(OUTPUT_FORMATS).default('single-line-summary'))
    .addOption(new Option('-S, --show-summary <SHOW_SUMMARY>', 'summary table: all, pass, fail, skip, none (comma separated)').argParser(collectSummary))
    .addOption(new Option('-a, --alphabetical', 'order files in directories by name (the default)').conflicts('lastModified'))
    .addOption(new Option('-m, --last-modified', 'order files in directories by modification time').conflicts('alphabetical'))
    .addOption(new Option('-v, --verbose', 'print the evaluation tree'))
    .addOption(new Option('-p, --print-json', 'print the evaluation tree as JSON'))
    .addOption(new Option('-P, --payload', 'read {"rules": [...], "data": [...]} from stdin'))
    .addOption(new Option('--explain', 'after each report, explain why each rule failed or was skipped (docs/explain.md)'))
    .addOption(new Option('-z, --structured', 'print one structured document for the whole run').conflicts(['verbose', 'printJson']))
    .addOption(new Option('--jobs <n>', "threads sharing the data files: a number (1 = the main thread only) or 'auto', the default (docs/performance.md)").argParser(parseJobs))
    .addOption(new Option('--no-progress', 'never print the progress line on stderr'))
    .addOption(new Option('--expand-messages', 'expand {{value}}, {{path}}, {{resource}}, {{type}}, {{rule}} in custom messages of -z reports (docs/custom-messages.md)'));
  return addLimitOptions(command);
}

/**
 * Building the command costs a start ~2 ms (commander runs regexps, compiled on first use, over
 * every option's flags), so it is built once: in the startup snapshot, at its warm-up. Commander
 * (>= 13) restores the option values it saved before the first parse at every later parse, and
 * the output goes to each run's own `io`.
 */
let validateCommand: Command | undefined;
function reusableValidateCommand(io: CommandIo): Command {
  validateCommand ??= buildValidateCommand(io);
  return validateCommand.configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
}

/** Parses `argv` (the arguments after `validate`); usage errors are written to `io.stderr`. */
export function parseValidateArgs(argv: readonly string[], io: CommandIo): ParsedArgs<ValidateOptions> {
  const command = reusableValidateCommand(io);
  const failedExitCode = parseCommandLine(command, argv, io);
  if (failedExitCode !== null) return { ok: false, exitCode: failedExitCode };
  const flags = command.opts();
  if (flags.rules === undefined && flags.payload !== true) {
    io.stderr.write("error: the following required arguments were not provided:\n  <--rules [<RULES>...]|--payload>\n\nFor more information, try '--help'.\n");
    return { ok: false, exitCode: EXIT_USAGE };
  }
  const rules = pathList(flags.rules);
  if (flags.rules !== undefined && rules.length === 0) {
    // cfn-guard panics here (exit 101); a missing value is a usage error.
    io.stderr.write("error: a value is required for '--rules [<RULES>...]' but none was supplied\n\nFor more information, try '--help'.\n");
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return {
    ok: true,
    options: {
      rules,
      data: pathList(flags.data),
      inputParams: pathList(flags.inputParams),
      outputFormat: flags.outputFormat as OutputFormat,
      showSummary: (flags.showSummary as SummaryKeyword[] | undefined) ?? ['fail'],
      structured: flags.structured === true,
      verbose: flags.verbose === true,
      printJson: flags.printJson === true,
      order: flags.lastModified === true ? 'last-modified' : 'alphabetical',
      payload: flags.payload === true,
      jobs: (flags.jobs as number | 'auto' | undefined) ?? 'auto',
      progress: flags.progress !== false,
      limits: limitsFromFlags(flags),
      explain: flags.explain === true,
      expandMessages: flags.expandMessages === true,
    },
  };
}

/**
 * Parses `argv` into `command`; resolves to null on success, else the exit code (help on no
 * arguments and every usage error go to stderr, as cfn-guard's argument parser does).
 */
export function parseCommandLine(command: Command, argv: readonly string[], io: CommandIo): number | null {
  if (argv.length === 0) {
    io.stderr.write(command.helpInformation());
    return EXIT_USAGE;
  }
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    return commanderExitCode(error, io);
  }
  return null;
}

/** Help and version are successes; every other commander error is a usage error (exit 2). */
export function commanderExitCode(error: unknown, io: CommandIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return EXIT_OK;
    return EXIT_USAGE;
  }
  io.stderr.write(`error: ${String(error)}\n`);
  return EXIT_USAGE;
}
