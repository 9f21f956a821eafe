/**
 * `guardts rulegen -t TEMPLATE [-o OUTFILE]`: cfn-guard's `rulegen` (its flags, plus `-d/--data`
 * as another name for the template, like `validate -d`). Exit codes as the reference: 0 done,
 * 1 the template cannot be used (not YAML/JSON, no `Resources` map, a resource `Type` that is
 * not a name) or the output file cannot be written, 2 bad flags, 255 the template cannot be read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadDocument } from '@guardts/evaluator';
import { EXIT_OK, EXIT_RULEGEN_FAILED, EXIT_RUNTIME_ERROR, EXIT_USAGE } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';
import { generateRules } from '../rulegen/generate-rules.js';

interface RulegenOptions {
  readonly template?: string;
  readonly data?: string;
  readonly output?: string;
}

function commandLine(io: CommandIo): Command {
  return new Command('rulegen')
    .description('Autogenerate rules from an existing JSON- or YAML- formatted data. (Currently works with only CloudFormation templates)')
    .addOption(new Option('-o, --output <OUTPUT>', 'Write to output file'))
    .addOption(new Option('-t, --template <TEMPLATE>', 'Provide path to a CloudFormation template file in JSON or YAML').conflicts('data'))
    .addOption(new Option('-d, --data <TEMPLATE>', 'the same as --template').conflicts('template'))
    .helpOption('-h, --help', 'Print help')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
}

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const command = commandLine(io);
  if (argv.length === 0) {
    io.stderr.write(command.helpInformation());
    return EXIT_USAGE;
  }
  let options: RulegenOptions;
  try {
    options = command.parse([...argv], { from: 'user' }).opts<RulegenOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  const templatePath = options.template ?? options.data;
  if (templatePath === undefined) {
    io.stderr.write("error: the following required arguments were not provided:\n  --template <TEMPLATE>\n");
    return EXIT_USAGE;
  }

  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, templatePath), 'utf8');
  } catch (error) {
    io.stderr.write(`guardts rulegen: cannot read ${templatePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_RUNTIME_ERROR;
  }
  const loaded = loadDocument(text, { fileName: templatePath });
  if (!loaded.ok) {
    io.stderr.write(`guardts rulegen: cannot use the template: ${loaded.error.message}\n`);
    return EXIT_RULEGEN_FAILED;
  }
  const result = generateRules(loaded.document);
  if (!result.ok) {
    io.stderr.write(`guardts rulegen: cannot use the template ${templatePath}: ${result.message}\n`);
    return EXIT_RULEGEN_FAILED;
  }
  for (const omission of result.omissions) io.stderr.write(`guardts rulegen: warning: no check generated for ${omission}\n`);
  if (options.output === undefined) {
    io.stdout.write(result.text);
    return EXIT_OK;
  }
  try {
    writeFileSync(resolve(io.cwd, options.output), result.text);
  } catch (error) {
    io.stderr.write(`guardts rulegen: cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_RULEGEN_FAILED;
  }
  return EXIT_OK;
}
