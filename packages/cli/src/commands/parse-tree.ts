/**
 * `guardts parse-tree`: cfn-guard's `parse-tree` flags (`-r`, `-o`, `-p`, `-y`), printing
 * guardts' own AST (without source spans) as YAML, or JSON with `-p`. Like cfn-guard, it reads
 * standard input when no `-r` is given and exits 255 on a parse error, which it reports as
 * `FILE:LINE:COL: message` lines with a code frame.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, parseRules } from '@guardts/guard-parser';
import { stringify as toYaml } from 'yaml';
import { EXIT_OK, EXIT_RUNTIME_ERROR, EXIT_USAGE } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';

interface ParseTreeOptions {
  readonly rules?: string;
  readonly output?: string;
  readonly printJson?: boolean;
  readonly printYaml?: boolean;
}

function commandLine(io: CommandIo): Command {
  return new Command('parse-tree')
    .description('Prints the AST of a rules file (cfn-guard parse-tree)')
    .option('-r, --rules <RULES>', 'the rules file (standard input when absent)')
    .option('-o, --output <OUTPUT>', 'write the tree to this file instead of standard output')
    .option('-p, --print-json', 'print JSON')
    .option('-y, --print-yaml', 'print YAML (the default)')
    .helpOption('-h, --help', 'print help')
    .allowExcessArguments(false)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
}

/** The AST without its spans: what a reader of the tree wants to see. */
function withoutSpans(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'span' in value) {
    const { span: _span, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  let options: ParseTreeOptions;
  try {
    options = commandLine(io).parse([...argv], { from: 'user' }).opts<ParseTreeOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }

  const fileName = options.rules ?? 'STDIN';
  let text: string;
  try {
    text = options.rules === undefined ? io.readStdin() : readFileSync(resolve(io.cwd, options.rules), 'utf8');
  } catch (error) {
    io.stderr.write(`guardts parse-tree: cannot read ${fileName}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_RUNTIME_ERROR;
  }

  const { ast, diagnostics } = parseRules(text, { fileName });
  for (const diagnostic of diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic, text)}\n`);
  if (ast === null) return EXIT_RUNTIME_ERROR;

  const plain = JSON.parse(JSON.stringify(ast, withoutSpans)) as unknown;
  const rendered = options.printJson === true ? `${JSON.stringify(plain, null, 2)}\n` : toYaml(plain);
  if (options.output === undefined) {
    io.stdout.write(rendered);
    return EXIT_OK;
  }
  try {
    writeFileSync(resolve(io.cwd, options.output), rendered);
  } catch (error) {
    io.stderr.write(`guardts parse-tree: cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_RUNTIME_ERROR;
  }
  return EXIT_OK;
}
