/** `guardts test` flags, as cfn-guard 3.1.1 defines them (`-r -t` or `-d`, never both). */
import { Command, Option } from 'commander';
import { EXIT_USAGE } from '../exit-codes.js';
import type { FileOrder } from '../files/walk.js';
import type { CommandIo } from '../io.js';
import type { EngineLimits } from '../engine/evaluator-engine.js';
import { addLimitOptions, limitsFromFlags } from '../validate/limit-flags.js';
import { parseCommandLine, type ParsedArgs } from '../validate/parse-validate-args.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../validate/validate-options.js';

export interface TestOptions {
  readonly rulesFile: string | null;
  readonly testData: string | null;
  readonly directory: string | null;
  readonly order: FileOrder;
  readonly verbose: boolean;
  readonly outputFormat: OutputFormat;
  /** `--explain`: under a test case whose expectations failed, why those rules failed or skipped. */
  readonly explain?: boolean;
  /** `--max-data-size` (spec files), `--deadline`, `--max-depth`, `--max-checks`; absent ones keep the library defaults. */
  readonly limits?: EngineLimits;
}

export function parseTestArgs(argv: readonly string[], io: CommandIo): ParsedArgs<TestOptions> {
  const command = new Command('guardts test')
    .usage('(-r RULES_FILE -t SPEC_FILE_OR_DIR | -d DIR) [options]')
    .description("Runs unit-test specs against rules files (cfn-guard test).")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    // Like cfn-guard (clap), a usage error is followed by the usage line.
    .showHelpAfterError("\nUsage: guardts test (-r RULES_FILE -t SPEC_FILE_OR_DIR | -d DIR) [options]\n\nFor more information, try '--help'.")
    .allowExcessArguments(false)
    .addOption(new Option('-r, --rules-file <rules-file>', 'a rules file'))
    .addOption(new Option('-t, --test-data <test-data>', 'a spec file or a directory of spec files'))
    .addOption(new Option('-d, --dir <dir>', 'a directory of rules files with tests/ folders'))
    .addOption(new Option('-a, --alphabetical', 'sort alphabetically inside a directory').conflicts('lastModified'))
    .addOption(new Option('-m, --last-modified', 'sort by modification time inside a directory').conflicts('alphabetical'))
    .addOption(new Option('-v, --verbose', 'print the evaluation tree'))
    .addOption(new Option('--explain', 'under each failed test case, explain why its rules failed or were skipped (docs/explain.md)'))
    .addOption(new Option('-o, --output-format <OUTPUT_FORMAT>', 'output format').choices(OUTPUT_FORMATS).default('single-line-summary'));
  addLimitOptions(command);
  const failedExitCode = parseCommandLine(command, argv, io);
  if (failedExitCode !== null) return { ok: false, exitCode: failedExitCode };
  const flags = command.opts();
  const rulesFile = (flags.rulesFile as string | undefined) ?? null;
  const testData = (flags.testData as string | undefined) ?? null;
  const directory = (flags.dir as string | undefined) ?? null;
  // cfn-guard panics (exit 101) when -r or -t comes without the other; it is a usage error.
  // With -d, cfn-guard ignores -r and -t rather than rejecting them, and so does guardts.
  if (directory === null && (rulesFile === null || testData === null)) {
    io.stderr.write("error: the following required arguments were not provided:\n  --rules-file <rules-file>\n  --test-data <test-data>\n\nFor more information, try '--help'.\n");
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return {
    ok: true,
    options: {
      rulesFile,
      testData,
      directory,
      order: flags.lastModified === true ? 'last-modified' : 'alphabetical',
      verbose: flags.verbose === true,
      outputFormat: flags.outputFormat as OutputFormat,
      explain: flags.explain === true,
      limits: limitsFromFlags(flags),
    },
  };
}
