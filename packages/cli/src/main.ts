/**
 * The `guardts` command. Each sub-command lives in its own module, loaded only when it is run,
 * so that a cold start pays for nothing the command does not need (the AWS SDK in particular).
 */
import { EXIT_USAGE } from './exit-codes.js';

export interface CommandModule {
  /** Runs the sub-command with the arguments after its name; resolves to the exit code. */
  run(argv: readonly string[]): Promise<number>;
}

const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<CommandModule> }>> = {
  validate: { summary: 'Evaluates rules against data files (cfn-guard validate)', load: () => import('./commands/validate.js') },
  test: { summary: 'Runs unit-test specs against rules files (cfn-guard test)', load: () => import('./commands/test.js') },
  'parse-tree': { summary: 'Prints the AST of a rules file (cfn-guard parse-tree)', load: () => import('./commands/parse-tree.js') },
  rulegen: { summary: 'Generates rules from a CloudFormation template (cfn-guard rulegen)', load: () => import('./commands/rulegen.js') },
  lint: { summary: 'Warns about rules that do not mean what they seem to', load: () => import('./commands/lint.js') },
  watch: { summary: 'Re-evaluates rules and data as files change', load: () => import('./commands/watch.js') },
  'cross-check': { summary: 'Compares local verdicts with AWS Config proactive evaluation', load: () => import('./commands/cross-check.js') },
  'config-emulator': { summary: 'Serves a loopback AWS Config proactive-evaluation endpoint', load: () => import('./commands/config-emulator.js') },
};

export const VERSION = '0.1.0';

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}${summary}`);
  return `guardts ${VERSION}: an offline engine for AWS CloudFormation Guard rules\n\nUsage: guardts <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'guardts <command> --help' for a command's options.\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(usage());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`guardts ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`error: unknown command '${name}'\n\n${usage()}`);
    return EXIT_USAGE;
  }
  const module = await command.load();
  return module.run(rest);
}
