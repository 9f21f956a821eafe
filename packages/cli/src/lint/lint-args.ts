/**
 * `guardts lint` flags: `-r` files or directories like `validate -r`, `-o text|json|sarif`,
 * `--max-warnings N`, `--disable code,…`. Anything commander rejects exits 2.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isLintCode, LINT_CODES, type LintCode } from '@guardts/evaluator';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CommandIo } from '../io.js';

export type LintOutputFormat = 'text' | 'json' | 'sarif';

export interface LintArgs {
  readonly rules: readonly string[];
  readonly outputFormat: LintOutputFormat;
  /** Warnings allowed before the exit code becomes 3. */
  readonly maxWarnings: number;
  readonly disabled: readonly LintCode[];
}

export type ParsedLintArgs = { readonly ok: true; readonly args: LintArgs } | { readonly ok: false; readonly exitCode: number };

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function collectCodes(value: string, previous: LintCode[] | undefined): LintCode[] {
  const codes = value.split(',').map((code) => code.trim()).filter((code) => code !== '');
  const unknown = codes.filter((code) => !isLintCode(code));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown warning code ${unknown.join(', ')} (known: ${LINT_CODES.join(', ')})`);
  return [...(previous ?? []), ...(codes as LintCode[])];
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of warnings (0 or more)');
  return Number(value);
}

function commandLine(io: CommandIo): Command {
  return new Command('lint')
    .description('Warns about Guard rules that cfn-guard accepts but evaluates differently from how they read')
    .addOption(new Option('-r, --rules <RULES...>', 'rules files or directories (*.guard, *.ruleset inside directories)').argParser(collect).makeOptionMandatory())
    .addOption(new Option('-o, --output-format <FORMAT>', 'text (FILE:LINE:COL lines with code frames), json, or sarif (SARIF 2.1.0 for code scanning)').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--max-warnings <N>', 'exit 3 only when there are more than N warnings').argParser(nonNegativeInteger).default(0))
    .addOption(new Option('--disable <CODES>', 'comma-separated warning codes not to report').argParser(collectCodes))
    .helpOption('-h, --help', 'print help')
    .addHelpText('after', `\nWarning codes (explained in docs/lint.md):\n  ${LINT_CODES.join('\n  ')}\n\nExit codes: 0 clean, 3 more warnings than --max-warnings, 5 a file does not parse, 2 bad flags, 255 a path cannot be read.\n`)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
}

export function parseLintArgs(argv: readonly string[], io: CommandIo): ParsedLintArgs {
  const command = commandLine(io);
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { ok: false, exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USAGE };
    throw error;
  }
  const options = command.opts<{ rules: string[]; outputFormat: LintOutputFormat; maxWarnings: number; disable?: LintCode[] }>();
  return { ok: true, args: { rules: options.rules, outputFormat: options.outputFormat, maxWarnings: options.maxWarnings, disabled: options.disable ?? [] } };
}
