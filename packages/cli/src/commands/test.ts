// `guardts test`: parses cfn-guard's flags and runs the in-process test command.
import { evaluatorEngine } from '../engine/evaluator-engine.js';
import { processIo, type CommandIo } from '../io.js';
import { parseTestArgs } from '../test-command/parse-test-args.js';
import { runTest } from '../test-command/run-test.js';
import { withInternalErrorGuard } from './guard-internal-errors.js';

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const parsed = parseTestArgs(argv, io);
  if (!parsed.ok) return parsed.exitCode;
  return withInternalErrorGuard(io, () => runTest(parsed.options, { engine: evaluatorEngine(parsed.options.limits), io }));
}
