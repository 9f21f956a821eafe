// `guardts validate` in-process with captured io, including guardts' own `--as` document modes
// (which the shared in-process runner leaves to the command module).
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import type { GuardEngine } from '../../src/engine/guard-engine.js';
import { captureIo } from '../../src/io.js';
import { documentExpander, takeDocumentModeArgs } from '../../src/validate/document-mode.js';
import { parseValidateArgs } from '../../src/validate/parse-validate-args.js';
import { runValidate } from '../../src/validate/run-validate.js';
import type { InProcessResult } from '../support/in-process.js';

let engine: GuardEngine | undefined;

export function runValidateInProcess(argv: readonly string[], options: { cwd: string; stdin?: string }): InProcessResult {
  const io = captureIo({ cwd: options.cwd, stdin: options.stdin ?? '' });
  const documentMode = takeDocumentModeArgs(argv, options.cwd);
  if (!documentMode.ok) throw new Error(documentMode.message);
  const { mode, parameters, guardHookTargets, rest } = documentMode.value;
  const expandDocuments = mode === null ? undefined : documentExpander(mode, parameters, io, guardHookTargets);
  const parsed = parseValidateArgs(rest, io);
  const status = parsed.ok ? runValidate(parsed.options, { engine: (engine ??= evaluatorEngine()), io, expandDocuments }) : parsed.exitCode;
  return { status, stdout: io.out(), stderr: io.err() };
}
