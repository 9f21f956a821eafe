/**
 * `guardts validate` as an in-process function: options and io in, exit code out. The order of
 * every step (and so which error wins when several things are wrong) follows cfn-guard 3.1.1's
 * `Validate::execute`: flag checks, data files, parameter files, rules files, then evaluation.
 */
import type { CompiledRules, GuardEngine, Outcome, RulesEvaluation } from '../engine/guard-engine.js';
import { EXIT_OK, EXIT_RULE_PARSE_ERROR, EXIT_RUNTIME_ERROR, EXIT_USAGE, EXIT_VALIDATION_FAILED } from '../exit-codes.js';
import type { CommandIo } from '../io.js';
import { colourEnabled, styler, type Styler } from '../reporters/colour.js';
import { renderExplanation } from '../reporters/explain-report.js';
import { renderPairReport } from '../reporters/pair-report.js';
import { renderStructuredRun } from '../reporters/structured-run.js';
import { renderVerboseJson, renderVerboseTree } from '../reporters/verbose-tree.js';
import type { Value } from '@guardts/evaluator';
import { buildDataFile, collectRulesFiles, loadDataPaths, loadInputParameters, readUtf8, type DataFile, type RulesSource } from './data-files.js';
import { bufferStdout } from './buffered-output.js';
import { readPayload } from './payload.js';
import { isEmptySelection, summarySelection, type SummarySelection, type ValidateOptions } from './validate-options.js';

/**
 * A document-producing mode (e.g. `--as config-item`): turns one loaded data file into the named
 * documents to evaluate (`template.yaml#MyFunction`). Without one, each data file is one document.
 */
export type DocumentExpander = (file: DataFile) => Outcome<readonly DataFile[]>;

export interface ValidateContext {
  readonly engine: GuardEngine;
  readonly io: CommandIo;
  readonly expandDocuments?: DocumentExpander;
}

/** A rules file read and compiled (or not). */
export interface LoadedRules {
  readonly source: RulesSource;
  readonly compiled: Outcome<CompiledRules>;
}

function fail(io: CommandIo, message: string): number {
  io.stderr.write(`Error occurred ${message}\n`);
  return EXIT_RUNTIME_ERROR;
}

/** The checks cfn-guard makes after parsing the flags (its `validate_construct`). */
function flagCombinationError(options: ValidateOptions, selection: SummarySelection): string | null {
  if (options.structured && !isEmptySelection(selection)) return 'Cannot provide a summary-type other than `none` when the `structured` flag is present';
  if (options.structured && options.outputFormat === 'single-line-summary') return 'single-line-summary is not able to be used when the `structured` flag is present';
  if (options.outputFormat === 'junit' && !options.structured) return 'the structured flag must be set when output is set to junit';
  if (options.outputFormat === 'sarif' && !options.structured) return 'the structured flag must be set when output is set to sarif';
  return null;
}

function parseErrorMessage(source: RulesSource, message: string, style: Styler): string {
  return `Parsing error handling rule file = ${style.underline(source.name)}, Error = ${message}\n---\n`;
}

function expand(context: ValidateContext, files: readonly DataFile[]): Outcome<DataFile[]> {
  if (context.expandDocuments === undefined) return { ok: true, value: [...files] };
  const expanded: DataFile[] = [];
  for (const file of files) {
    const documents = context.expandDocuments(file);
    if (!documents.ok) return documents;
    expanded.push(...documents.value);
  }
  return { ok: true, value: expanded };
}

function withParameters(context: ValidateContext, parameters: Value | null, file: DataFile): Outcome<DataFile> {
  if (parameters === null) return { ok: true, value: file };
  const merged = context.engine.mergeDocuments(parameters, file.document);
  return merged.ok ? { ok: true, value: { ...file, document: merged.value } } : merged;
}

export function runValidate(options: ValidateOptions, context: ValidateContext): number {
  const buffered = bufferStdout(context.io);
  const { engine } = context;
  // Everything a rules file prints is written before the next one is compiled: the workers'
  // segment recorder (parallel/segment-recorder.ts) cuts its record at each compilation.
  const flushingEngine: GuardEngine = {
    compileRules: (text, fileName) => (buffered.flush(), engine.compileRules(text, fileName)),
    loadDocument: (text, name) => engine.loadDocument(text, name),
    loadTestSpecDocument: (text, name) => engine.loadTestSpecDocument(text, name),
    mergeDocuments: (first, second) => engine.mergeDocuments(first, second),
    evaluate: (rules, document, dataName, evaluateOptions) => engine.evaluate(rules, document, dataName, evaluateOptions),
  };
  try {
    return runValidateUnbuffered(options, { ...context, io: buffered.io, engine: flushingEngine });
  } finally {
    buffered.flush();
  }
}

function runValidateUnbuffered(options: ValidateOptions, context: ValidateContext): number {
  const { io, engine } = context;
  const selection = summarySelection(options.showSummary);
  const flagError = flagCombinationError(options, selection);
  if (flagError !== null) return fail(io, flagError);
  if (options.payload && (options.rules.length > 0 || options.data.length > 0)) {
    io.stderr.write("error: the argument '--payload' cannot be used with '--rules [<RULES>...]'\n");
    return EXIT_USAGE;
  }

  let dataFiles: readonly DataFile[] = [];
  if (options.data.length > 0) {
    const loaded = loadDataPaths(engine, options.data, options.order, io.cwd);
    if (!loaded.ok) return fail(io, loaded.message);
    dataFiles = loaded.value;
  } else if (options.rules.length > 0) {
    const loaded = buildDataFile(engine, io.readStdin(), 'STDIN');
    if (!loaded.ok) return fail(io, loaded.message);
    dataFiles = [loaded.value];
  }

  const parameters = loadInputParameters(engine, options.inputParams, options.order, io.cwd);
  if (!parameters.ok) return fail(io, parameters.message);

  let sources: { source: RulesSource; text: Outcome<string> }[];
  if (options.payload) {
    const payload = readPayload(engine, io.readStdin());
    if (!payload.ok) return fail(io, payload.message);
    dataFiles = payload.value.data;
    sources = payload.value.rules.map((rules) => ({ source: rules.source, text: { ok: true, value: rules.text } }));
  } else {
    const collected = collectRulesFiles(options.rules, options.order, io.cwd);
    if (!collected.ok) return fail(io, collected.message);
    sources = collected.value.map((source) => ({ source, text: readUtf8(source.path!) }));
  }

  const expanded = expand(context, dataFiles);
  if (!expanded.ok) return fail(io, expanded.message);
  const style = styler(colourEnabled(io.env, io.stdout.isTTY === true));

  if (options.structured) {
    for (const { text } of sources) {
      if (!text.ok) {
        io.stderr.write(`Unable to read content from file ${text.message}\n`);
        return fail(io, text.message);
      }
    }
    const rules: LoadedRules[] = sources.map(({ source, text }) => ({ source, compiled: engine.compileRules(text.ok ? text.value : '', source.name) }));
    // In payload mode without --structured the reference ignores -i; with it, parameters apply.
    const explain = options.explain === true ? new Map(sources.map(({ source, text }) => [source.name, text.ok ? text.value : ''])) : null;
    return renderStructuredRun({ rules, dataFiles: expanded.value, parameters: parameters.value, format: options.outputFormat, context, style, explain, expandMessages: options.expandMessages === true });
  }

  const runParameters = options.payload ? null : parameters.value;
  let exitCode = EXIT_OK;
  for (const { source, text } of sources) {
    let outcome: number;
    if (!text.ok) {
      // cfn-guard reports an unreadable rules file and exits 0 as if nothing happened; that hides a
      // broken rule pack, so guardts treats it like a file that does not parse (docs/divergences.md).
      io.stderr.write(`Unable to read content from file ${source.name}: ${text.message}\n`);
      outcome = EXIT_RULE_PARSE_ERROR;
    } else {
      const compiled = engine.compileRules(text.value, source.name);
      if (!compiled.ok) {
        io.stderr.write(parseErrorMessage(source, compiled.message, style));
        outcome = EXIT_RULE_PARSE_ERROR;
      } else if (compiled.value.empty) {
        outcome = EXIT_OK;
      } else {
        const evaluated = evaluateAgainstData(context, compiled.value, source, expanded.value, runParameters, options, selection, style, text.value);
        if (evaluated === 'error') return EXIT_RUNTIME_ERROR;
        outcome = evaluated === 'FAIL' ? EXIT_VALIDATION_FAILED : EXIT_OK;
      }
    }
    // Each rules file's non-zero outcome overwrites the previous one: the last one wins.
    if (outcome !== EXIT_OK) exitCode = outcome;
  }
  return exitCode;
}

function evaluateAgainstData(
  context: ValidateContext,
  rules: CompiledRules,
  source: RulesSource,
  dataFiles: readonly DataFile[],
  parameters: Value | null,
  options: ValidateOptions,
  selection: SummarySelection,
  style: Styler,
  rulesText: string,
): 'PASS' | 'FAIL' | 'error' {
  const { io, engine } = context;
  let overall: 'PASS' | 'FAIL' = 'PASS';
  for (const original of dataFiles) {
    const dataFile = withParameters(context, parameters, original);
    if (!dataFile.ok) {
      fail(io, dataFile.message);
      return 'error';
    }
    const completeEvents = options.verbose || options.printJson;
    const evaluation: Outcome<RulesEvaluation> = engine.evaluate(rules, dataFile.value.document, dataFile.value.name, { completeEvents, explain: options.explain === true });
    if (!evaluation.ok) {
      fail(io, evaluation.message);
      return 'error';
    }
    const output = renderPairReport({ dataFile: dataFile.value, rulesFile: source.name, evaluation: evaluation.value }, options.outputFormat, selection, style);
    io.stdout.write(output.text);
    if (output.error !== null) {
      fail(io, output.error);
      return 'error';
    }
    const events = evaluation.value.events;
    if (options.verbose && events !== null) io.stdout.write(renderVerboseTree(events));
    if (options.printJson && events !== null) io.stdout.write(`${renderVerboseJson(events)}\n`);
    if (options.explain === true) {
      io.stdout.write(renderExplanation({ dataName: dataFile.value.name, rulesName: source.name, rulesText, evaluation: evaluation.value, cwd: io.cwd }, options.outputFormat, style));
    }
    if (evaluation.value.status === 'FAIL') overall = 'FAIL';
  }
  return overall;
}
