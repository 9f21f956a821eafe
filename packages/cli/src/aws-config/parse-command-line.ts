/**
 * Runs commander over a sub-command's arguments with the project's conventions: usage errors
 * exit 2 with commander's message, `--help` exits 0, nothing calls process.exit.
 */
import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { EXIT_USAGE } from '../exit-codes.js';

export type Parsed = { readonly ok: true } | { readonly ok: false; readonly exitCode: number };

export async function parseCommandLine(command: Command, argv: readonly string[]): Promise<Parsed> {
  command.exitOverride().configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  try {
    await command.parseAsync([...argv], { from: 'user' });
    return { ok: true };
  } catch (error) {
    if (error instanceof CommanderError) return { ok: false, exitCode: error.exitCode === 0 ? 0 : EXIT_USAGE };
    throw error;
  }
}

export function positiveInteger(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`${name} must be a non-negative integer.`);
    return n;
  };
}

export function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    return n;
  };
}

export function oneOf<T extends string>(name: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${name} must be one of ${values.join(', ')}.`);
    return value as T;
  };
}

export function typeList(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
