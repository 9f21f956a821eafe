/**
 * `--max-data-size`, `--deadline`, `--max-depth` and `--max-checks`, shared by `validate` and `test`: the CLI side
 * of the evaluator's load and evaluation limits (docs/errors.md, "Limits"). A malformed value is a
 * usage error (exit 2) raised by commander.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { EngineLimits } from '../engine/evaluator-engine.js';

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kib: 1024, kb: 1000, mib: 1024 ** 2, mb: 1000 ** 2, gib: 1024 ** 3, gb: 1000 ** 3 };

/** `1048576`, `512KiB`, `10MiB`, `1.5MB`, `1GiB` (case-insensitive) -> bytes. */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match === null ? undefined : SIZE_UNITS[match[2]!.toLowerCase()];
  if (match === null || unit === undefined) throw new InvalidArgumentError('expected a size in bytes, e.g. 1048576, 512KiB, 10MiB');
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('the size must be at least 1 byte');
  return bytes;
}

/** A whole number >= 1. */
export function parsePositiveInteger(text: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(text);
}

export function addLimitOptions(command: Command): Command {
  return command
    .addOption(new Option('--max-data-size <size>', 'refuse data files larger than this (bytes, or with KiB/MiB/GiB; default 256MiB)').argParser(parseByteSize))
    .addOption(new Option('--deadline <ms>', 'fail when one evaluation (a rules file against a data file) takes longer than this many milliseconds (default: none)').argParser(parsePositiveInteger))
    .addOption(new Option('--max-depth <n>', 'fail when rules nest (rule references, parameterized calls, filters) deeper than this during evaluation (default 256)').argParser(parsePositiveInteger))
    .addOption(new Option('--max-checks <n>', 'fail when the report of one evaluation holds more than this many checks, e.g. a rule comparing every resource with every resource (default 1000000)').argParser(parsePositiveInteger));
}

/** The limits given on the command line; the ones not given keep the library defaults. */
export function limitsFromFlags(flags: Record<string, unknown>): EngineLimits {
  return {
    ...(typeof flags.maxDataSize === 'number' ? { maxDataSize: flags.maxDataSize } : {}),
    ...(typeof flags.deadline === 'number' ? { deadlineMs: flags.deadline } : {}),
    ...(typeof flags.maxDepth === 'number' ? { maxDepth: flags.maxDepth } : {}),
    ...(typeof flags.maxChecks === 'number' ? { maxChecks: flags.maxChecks } : {}),
  };
}
