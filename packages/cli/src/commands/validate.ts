// `guardts validate`: parses cfn-guard's flags and runs the in-process validate.
import { evaluatorEngine } from '../engine/evaluator-engine.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';
import { parseValidateArgs } from '../validate/parse-validate-args.js';
import { runValidate, type DocumentExpander } from '../validate/run-validate.js';
import { withInternalErrorGuard } from './guard-internal-errors.js';

/** guardts' own flags (validate/document-mode.ts); that module and its adapter load only when one is used. */
const DOCUMENT_MODE_FLAGS = ['--as', '--parameter', '--parameters-file', '--guard-hook-targets'];

function usesDocumentMode(argv: readonly string[]): boolean {
  return argv.some((arg) => DOCUMENT_MODE_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
}

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  let rest = argv;
  let expandDocuments: DocumentExpander | undefined;
  if (usesDocumentMode(argv)) {
    const { documentExpander, takeDocumentModeArgs } = await import('../validate/document-mode.js');
    const documentMode = takeDocumentModeArgs(argv, io.cwd);
    if (!documentMode.ok) {
      io.stderr.write(`${documentMode.message}\n`);
      return EXIT_USAGE;
    }
    const { mode, parameters, guardHookTargets } = documentMode.value;
    rest = documentMode.value.rest;
    expandDocuments = mode === null ? undefined : documentExpander(mode, parameters, io, guardHookTargets);
  }
  const parsed = parseValidateArgs(rest, io);
  if (!parsed.ok) return parsed.exitCode;
  return withInternalErrorGuard(io, () => runValidate(parsed.options, { engine: evaluatorEngine(), io, expandDocuments }));
}
