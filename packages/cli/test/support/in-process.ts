// Runs `guardts validate|test` in-process with captured io: the parity suites run thousands of
// invocations this way instead of spawning processes.
import type { GuardEngine } from '../../src/engine/guard-engine.js';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import { captureIo } from '../../src/io.js';
import { parseTestArgs } from '../../src/test-command/parse-test-args.js';
import { runTest } from '../../src/test-command/run-test.js';
import { parseValidateArgs } from '../../src/validate/parse-validate-args.js';
import { runValidate } from '../../src/validate/run-validate.js';

export interface InProcessResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

let sharedEngine: GuardEngine | undefined;

export function runInProcess(argv: readonly string[], options: { cwd: string; stdin?: string; engine?: GuardEngine }): InProcessResult {
  const io = captureIo({ cwd: options.cwd, stdin: options.stdin ?? '' });
  const engine = options.engine ?? (sharedEngine ??= evaluatorEngine());
  const [command, ...rest] = argv;
  let status: number;
  if (command === 'validate') {
    const parsed = parseValidateArgs(rest, io);
    status = parsed.ok ? runValidate(parsed.options, { engine, io }) : parsed.exitCode;
  } else if (command === 'test') {
    const parsed = parseTestArgs(rest, io);
    status = parsed.ok ? runTest(parsed.options, { engine, io }) : parsed.exitCode;
  } else {
    throw new Error(`runInProcess: unsupported command ${String(command)}`);
  }
  return { status, stdout: io.out(), stderr: io.err() };
}

/** Statuses from a `-z -o json` report the way the probe corpus's check.sh reads them. */
export function statusesFromStructuredJson(stdout: string): Record<string, string> {
  const statuses: Record<string, string> = {};
  let reports: unknown;
  try {
    reports = JSON.parse(stdout);
  } catch {
    return statuses;
  }
  if (!Array.isArray(reports)) return statuses;
  for (const report of reports as { compliant?: string[]; not_applicable?: string[]; not_compliant?: { Rule?: { name: string } }[] }[]) {
    for (const name of report.compliant ?? []) statuses[name] = 'PASS';
    for (const name of report.not_applicable ?? []) statuses[name] = 'SKIP';
    for (const entry of report.not_compliant ?? []) if (entry.Rule !== undefined) statuses[entry.Rule.name] = 'FAIL';
  }
  return statuses;
}
