/**
 * One share of a `validate --jobs` batch: parses the arguments as the main thread did, evaluates
 * every rules file against this share's data files, and hands the output over segment by segment
 * (segment-recorder.ts). Worker threads run it (validate-worker.ts), and so does the main thread
 * for the first share, which saves starting one more thread.
 */
import { prepareValidate } from '../../commands/validate.js';
import { withInternalErrorGuard } from '../../commands/guard-internal-errors.js';
import { evaluatorEngine } from '../../engine/evaluator-engine.js';
import { EXIT_RUNTIME_ERROR } from '../../exit-codes.js';
import { runValidate } from '../run-validate.js';
import { SegmentRecorder } from './segment-recorder.js';
import type { WorkerInput, WorkerMessage } from './segments.js';

export async function evaluateShare(input: WorkerInput, post: (message: WorkerMessage) => void): Promise<void> {
  const recorder = new SegmentRecorder(post);
  const io = recorder.io({ env: input.env, cwd: input.cwd }, input.stdoutIsTTY);
  const prepared = await prepareValidate(input.argv, io);
  if (!prepared.ok) {
    recorder.finish(prepared.exitCode, false);
    return;
  }
  const options = { ...prepared.options, data: input.dataFiles, jobs: 1 };
  const engine = recorder.engine(evaluatorEngine(options.limits));
  const exitCode = withInternalErrorGuard(io, () => runValidate(options, { engine, io, expandDocuments: prepared.expandDocuments }));
  // Inside the rules files loop, runValidate returns 255 only when a runtime error stopped it.
  recorder.finish(exitCode, exitCode === EXIT_RUNTIME_ERROR);
}
