/** The GuardEngine backed by @guardts/evaluator (and the parser's diagnostics for messages). */
import {
  compileRules,
  DEFAULT_HEAP_FRACTION,
  DEFAULT_MAX_CHECKS,
  evaluate,
  loadDocument,
  loadTestSpecDocument,
  mergeInputParameters,
  ReportTooLargeError,
  toStructuredReport,
  type CompiledRules as EvaluatorRules,
  type DocumentLoadResult,
  type EvaluationReport,
  type Value,
} from '@guardts/evaluator';
import { formatDiagnostic } from '@guardts/guard-parser';
import type { CompiledRules, GuardEngine, Outcome, RulesEvaluation } from './guard-engine.js';

interface EngineRules extends CompiledRules {
  readonly compiled: EvaluatorRules;
}

function fromLoad(result: DocumentLoadResult): Outcome<Value> {
  return result.ok ? { ok: true, value: result.document } : { ok: false, message: result.error.message };
}

/** The CLI's `--max-data-size`, `--deadline`, `--max-depth` and `--max-checks` (docs/errors.md, "Limits"); absent means the library default. */
export interface EngineLimits {
  /** Refuse data/spec texts over this many UTF-8 bytes. */
  readonly maxDataSize?: number;
  /** Wall-clock budget of one evaluation (one rules file against one document), in milliseconds. */
  readonly deadlineMs?: number;
  /** Bound on nested rule references, parameterized calls and filters during evaluation. */
  readonly maxDepth?: number;
  /** Bound on the records of the event tree one evaluation holds (`--max-checks`). */
  readonly maxChecks?: number;
}

/** Applies `--max-data-size` in bytes (the library counts UTF-16 units, never more than the bytes). */
function sizeRefusal(text: string, name: string, limits: EngineLimits): Outcome<Value> | null {
  if (limits.maxDataSize === undefined) return null;
  // A UTF-16 unit is at most 3 UTF-8 bytes: the bytes are counted only when the text may be over.
  if (text.length * 3 <= limits.maxDataSize) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limits.maxDataSize ? tooLarge(name, bytes, limits.maxDataSize) : null;
}

function tooLarge(name: string, bytes: number, limit: number): Outcome<Value> {
  return { ok: false, message: `${name}: the file is ${bytes} bytes, more than the limit of ${limit} bytes (--max-data-size)` };
}

/** How messages name the data an evaluation ran on (a `test` spec input has no file name). */
function dataLabel(dataName: string): string {
  return dataName === '' ? 'a test spec input' : `data file ${dataName}`;
}

/** The limit errors name the pair evaluated and the flag that sets the limit. */
function evaluationFailure(code: string, message: string, rulesFile: string, dataName: string, limits: EngineLimits): string {
  const data = dataLabel(dataName);
  if (code === 'deadline-exceeded') return `evaluating rules file ${rulesFile} against ${data} exceeded the deadline of ${limits.deadlineMs} ms (--deadline)`;
  if (code === 'depth-exceeded') return `${message}, evaluating rules file ${rulesFile} against ${data} (--max-depth sets the limit)`;
  if (code === 'checks-exceeded') return `${rulesFile}: evaluation stopped: the report of its rules against ${data} holds more than ${limits.maxChecks ?? DEFAULT_MAX_CHECKS} checks (a rule comparing every value with every value?); narrow the rule or raise --max-checks`;
  if (code === 'memory-exceeded') return heapFull(rulesFile, dataName);
  return message;
}

function structuredOrTooLarge(dataName: string, report: EvaluationReport): ReturnType<typeof toStructuredReport> | ReportTooLargeError {
  try {
    return toStructuredReport(dataName, [report]);
  } catch (error) {
    if (error instanceof ReportTooLargeError) return error;
    throw error;
  }
}

/** The heap guard tripped while recording the events or building the report from them. */
function heapFull(rulesFile: string, dataName: string): string {
  return `${rulesFile}: evaluation stopped: the report of its rules against ${dataLabel(dataName)} filled the JavaScript heap (${Math.round(DEFAULT_HEAP_FRACTION * 100)} % of its limit); narrow the rule, or give node more heap (NODE_OPTIONS=--max-old-space-size=<MiB>)`;
}

export function evaluatorEngine(limits: EngineLimits = {}): GuardEngine {
  const loadLimits = limits.maxDataSize === undefined ? {} : { maxSize: limits.maxDataSize };
  const evaluateLimits = {
    ...(limits.deadlineMs === undefined ? {} : { deadlineMs: limits.deadlineMs }),
    ...(limits.maxDepth === undefined ? {} : { maxDepth: limits.maxDepth }),
    ...(limits.maxChecks === undefined ? {} : { maxChecks: limits.maxChecks }),
  };
  return {
    compileRules(text, fileName) {
      // The commands name rules files as cfn-guard does (base name, path as given, or stem): contexts too.
      const result = compileRules(text, { fileName, locationName: fileName });
      if (!result.ok) {
        const error = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? result.diagnostics[0];
        return { ok: false, message: error === undefined ? `${fileName}: the rules file does not parse` : formatDiagnostic(error, text) };
      }
      const rules: EngineRules = { fileName, empty: result.rules.empty, compiled: result.rules };
      return { ok: true, value: rules };
    },
    loadDocument(text, name) {
      return sizeRefusal(text, name, limits) ?? fromLoad(loadDocument(text, { fileName: name, ...loadLimits }));
    },
    loadTestSpecDocument(text, name) {
      return sizeRefusal(text, name, limits) ?? fromLoad(loadTestSpecDocument(text, { fileName: name, ...loadLimits }));
    },
    mergeDocuments(first, second) {
      // The parameters come first, the data is merged into them (cfn-guard's key order).
      return fromLoad(mergeInputParameters(second, [first]));
    },
    evaluate(rules, document, dataName, options) {
      const result = evaluate((rules as EngineRules).compiled, document, { dataName, completeEvents: options?.completeEvents === true, trace: options?.explain === true, ...evaluateLimits });
      if (!result.ok) return { ok: false, message: evaluationFailure(result.error.code, result.error.message, rules.fileName, dataName, limits) };
      const report = result.report;
      const projection = structuredOrTooLarge(dataName, report);
      if (projection instanceof ReportTooLargeError) return { ok: false, message: heapFull(rules.fileName, dataName) };
      const evaluation: RulesEvaluation = {
        status: report.status,
        rules: report.rules,
        notCompliant: projection.not_compliant,
        notApplicable: projection.not_applicable,
        compliant: projection.compliant,
        events: report.events,
        explanation: report.trace,
      };
      return { ok: true, value: evaluation };
    },
  };
}
