// `guardts validate`: parses cfn-guard's flags and runs the in-process validate.
import { evaluatorEngine } from '../engine/evaluator-engine.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';
import { parseValidateArgs } from '../validate/parse-validate-args.js';
import type { ValidateOptions } from '../validate/validate-options.js';
import { runValidate, type DocumentExpander } from '../validate/run-validate.js';
import { withInternalErrorGuard } from './guard-internal-errors.js';

/** guardts' own flags (validate/document-mode.ts); that module and its adapter load only when one is used. */
const DOCUMENT_MODE_FLAGS = ['--as', '--parameter', '--parameters-file', '--guard-hook-targets'];

function usesDocumentMode(argv: readonly string[]): boolean {
  return argv.some((arg) => DOCUMENT_MODE_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
}

/** The parsed command line and the document mode it selects; shared with the worker threads. */
export type PreparedValidate = { readonly ok: true; readonly options: ValidateOptions; readonly expandDocuments: DocumentExpander | undefined } | { readonly ok: false; readonly exitCode: number };

export async function prepareValidate(argv: readonly string[], io: CommandIo): Promise<PreparedValidate> {
  let rest = argv;
  let expandDocuments: DocumentExpander | undefined;
  if (usesDocumentMode(argv)) {
    const { documentExpander, takeDocumentModeArgs } = await import('../validate/document-mode.js');
    const documentMode = takeDocumentModeArgs(argv, io.cwd);
    if (!documentMode.ok) {
      io.stderr.write(`${documentMode.message}\n`);
      return { ok: false, exitCode: EXIT_USAGE };
    }
    const { mode, parameters, guardHookTargets } = documentMode.value;
    rest = documentMode.value.rest;
    expandDocuments = mode === null ? undefined : documentExpander(mode, parameters, io, guardHookTargets);
  }
  const parsed = parseValidateArgs(rest, io);
  if (!parsed.ok) return parsed;
  return { ok: true, options: parsed.options, expandDocuments };
}

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const prepared = await prepareValidate(argv, io);
  if (!prepared.ok) return prepared.exitCode;
  const { options, expandDocuments } = prepared;
  // Data files named by -d may be many: worker threads and the progress line (validate/parallel/).
  if (!options.payload && options.data.length > 0 && !options.structured) {
    const { validateBatch } = await import('../validate/parallel/validate-batch.js');
    return validateBatch(argv, options, { engine: evaluatorEngine(options.limits), io, expandDocuments });
  }
  return withInternalErrorGuard(io, () => runValidate(options, { engine: evaluatorEngine(options.limits), io, expandDocuments }));
}
