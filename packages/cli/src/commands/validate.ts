// `guardts validate`: parses cfn-guard's flags and runs the in-process validate.
import { evaluatorEngine } from '../engine/evaluator-engine.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';
import { documentExpander, takeDocumentModeArgs } from '../validate/document-mode.js';
import { parseValidateArgs } from '../validate/parse-validate-args.js';
import { runValidate } from '../validate/run-validate.js';

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  // guardts' own `--as` / `--parameter` / `--parameters-file` (validate/document-mode.ts).
  const documentMode = takeDocumentModeArgs(argv, io.cwd);
  if (!documentMode.ok) {
    io.stderr.write(`${documentMode.message}\n`);
    return EXIT_USAGE;
  }
  const parsed = parseValidateArgs(documentMode.value.rest, io);
  if (!parsed.ok) return parsed.exitCode;
  const { mode, parameters } = documentMode.value;
  const expandDocuments = mode === null ? undefined : documentExpander(mode, parameters, io);
  return runValidate(parsed.options, { engine: evaluatorEngine(), io, expandDocuments });
}
