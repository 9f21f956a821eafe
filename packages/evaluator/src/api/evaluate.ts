/**
 * `evaluate`: one compiled rules file against one document. Never throws for bad rules or data:
 * runtime errors (cfn-guard's exit 255) come back as an `EvaluationError` value.
 *
 * Recording every event costs about half again the evaluation time, and reports only need the
 * events of failing rules; so by default a first pass computes the verdicts without recording,
 * and a second, recording pass runs only when a rule FAILed — or first, for a rules file that
 * FAILed on its last document (then a result other than FAIL reads as the verdicts pass's).
 * Evaluation is deterministic, so both passes agree, and a result never depends on the ones
 * before. The reports' pass keeps only the records reports read (recorder.ts), and every
 * recording pass is bounded: `maxChecks` records held at once, and a guard on the heap.
 */
import type { CompiledRules } from '../compile/ir.js';
import type { EvaluateOptions, EvaluationReport, EventRecord, RuleVerdict, Status } from '../report/types.js';
import type { EvaluationError } from '../values/evaluation-error.js';
import { mergeInputParameters } from '../document/merge-input-parameters.js';
import type { Value } from '../values/value.js';
import { EvaluationAbort } from '../eval/abort.js';
import { evaluateRulesFile } from '../eval/evaluate-rules.js';
import { SKIP_GATE_DEPTH, skipsEveryRule } from '../eval/skip-gate.js';
import { RootScope } from '../eval/scopes.js';
import type { RecorderLimits } from '../eval/recorder.js';
import { EvaluationState } from '../eval/state.js';
import { DEFAULT_HEAP_FRACTION } from '../eval/heap-guard.js';

export type EvaluateResult = { readonly ok: true; readonly report: EvaluationReport } | { readonly ok: false; readonly error: EvaluationError };

const DEFAULT_MAX_DEPTH = 256;
/** Records of the event tree held at once (docs/errors.md, "Limits"): the corpora need at most 1,049. */
export const DEFAULT_MAX_CHECKS = 1_000_000;

export function evaluate(rules: CompiledRules, document: Value, options: EvaluateOptions = {}): EvaluateResult {
  const root = options.parameters === undefined ? document : mergeParameters(document, options.parameters);
  if ('error' in root) return { ok: false, error: root.error };
  const record = options.record ?? true;
  const trace = options.trace ?? false;
  const dataName = options.dataName ?? '';
  // A verdicts-only first pass that would SKIP every rule, decided from the type index (skip-gate.ts).
  if (!trace && !(record && options.completeEvents === true) && (options.maxDepth ?? DEFAULT_MAX_DEPTH) >= SKIP_GATE_DEPTH && skipsEveryRule(rules, root)) {
    return skippedEverywhere(rules, record, dataName);
  }
  // One budget for both passes.
  const deadline = options.deadlineMs === undefined ? null : Date.now() + options.deadlineMs;
  const run = (recording: boolean, reportsOnly: boolean) => runPass(rules, root, options, deadline, recording, reportsOnly, dataName);
  if (!record || trace || options.completeEvents === true) return run(record, false);
  // A file that failed on its last document tends to fail on the next: its recording pass first
  // spares the verdicts pass. Whatever that pass gives that is not a FAIL reads as the verdicts
  // pass would give it; on an error (a recording limit among them) the usual order runs.
  if (failedLastTime.get(rules) === true) {
    const recorded = run(true, true);
    if (recorded.ok) {
      if (recorded.report.status === 'FAIL') return recorded;
      failedLastTime.set(rules, false);
      return withRuleRecordsOnly(recorded.report, dataName);
    }
  }
  const verdicts = run(false, false);
  if (verdicts.ok) failedLastTime.set(rules, verdicts.report.status === 'FAIL');
  // The events of a failure feed reports, which never look inside filter records nor at records without a failure below them.
  if (!verdicts.ok || verdicts.report.status === 'FAIL') return verdicts.ok ? run(true, true) : verdicts;
  return withRuleRecordsOnly(verdicts.report, dataName);
}

/** A result in which nothing failed, with the events reports expect of it: file and rule records only. */
function withRuleRecordsOnly(report: EvaluationReport, dataName: string): EvaluateResult {
  return { ok: true, report: { ...report, events: ruleRecordsOnly(report.rules, report.status, dataName) } };
}

/** Whether each rules file's last two-pass evaluation FAILed (see `evaluate`). */
const failedLastTime = new WeakMap<CompiledRules, boolean>();

/** One pass; `reportsOnly`: record just what reports read (pruned tree, filter outcomes only). */
function runPass(
  rules: CompiledRules,
  root: Value,
  options: EvaluateOptions,
  deadline: number | null,
  record: boolean,
  reportsOnly: boolean,
  dataName: string,
): EvaluateResult {
  // Only a recording pass needs the recorder's limits: a verdicts-only pass (most of them) builds none.
  const recorderLimits: RecorderLimits | undefined =
    record || options.trace === true
      ? {
          maxRecords: options.maxChecks ?? DEFAULT_MAX_CHECKS,
          heapFraction: options.heapFraction === undefined ? DEFAULT_HEAP_FRACTION : options.heapFraction,
          pruneClean: reportsOnly,
        }
      : undefined;
  const state = new EvaluationState(rules, {
    record,
    trace: options.trace ?? false,
    deadline,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    recordFilterClauses: !reportsOnly,
    recorderLimits,
  });
  try {
    const { status, rules: verdicts } = evaluateRulesFile(new RootScope(state, root), dataName);
    return { ok: true, report: { rulesFile: rules.fileName, status, rules: verdicts, events: state.recorder.result(), trace: state.trace?.trace() ?? null } };
  } catch (error) {
    if (error instanceof EvaluationAbort) return { ok: false, error: error.error };
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, error: { code: 'depth-exceeded', message: 'evaluation nested too deeply (stack exhausted)', span: null } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `internal evaluator error: ${message}`, span: null } };
  }
}

/**
 * The all-SKIP results of each rules file, by `record` and data name: most evaluations of a batch
 * end so (skip-gate.ts), and building the same verdicts and records anew for each was a fifth of
 * what a batch allocated. Shared between calls, hence frozen.
 */
const skippedResults = { recorded: new WeakMap<CompiledRules, Map<string, EvaluateResult>>(), verdicts: new WeakMap<CompiledRules, Map<string, EvaluateResult>>() };
/** Bounds a file's cache when a caller names every document differently. */
const MAX_SKIPPED_RESULTS = 64;

/** What evaluating gives when every rule SKIPs. */
function skippedEverywhere(rules: CompiledRules, record: boolean, dataName: string): EvaluateResult {
  const cache = record ? skippedResults.recorded : skippedResults.verdicts;
  let byName = cache.get(rules);
  if (byName === undefined) cache.set(rules, (byName = new Map()));
  const known = byName.get(dataName);
  if (known !== undefined) return known;
  const verdicts: RuleVerdict[] = rules.rules.map((rule) => Object.freeze({ name: rule.name, status: 'SKIP', span: rule.span }));
  const events = record ? deepFreeze(ruleRecordsOnly(verdicts, 'SKIP', dataName)) : null;
  const result: EvaluateResult = Object.freeze({ ok: true, report: Object.freeze({ rulesFile: rules.fileName, status: 'SKIP', rules: Object.freeze(verdicts), events, trace: null }) });
  if (byName.size < MAX_SKIPPED_RESULTS) byName.set(dataName, result);
  return result;
}

function deepFreeze(event: EventRecord): EventRecord {
  for (const child of event.children) deepFreeze(child);
  Object.freeze(event.children);
  Object.freeze(event.record);
  return Object.freeze(event);
}

/** The file and rule records of an evaluation in which nothing failed. */
function ruleRecordsOnly(rules: readonly RuleVerdict[], status: Status, dataName: string): EventRecord {
  return {
    context: `File(rules=${rules.length})`,
    record: { kind: 'FileCheck', name: dataName, status, message: null },
    children: rules.map((rule) => ({
      context: rule.name,
      record: { kind: 'RuleCheck', name: rule.name, status: rule.status, message: null },
      children: [],
    })),
  };
}

/** cfn-guard's `--input-params` merge (parameter keys first, then the data's; a clash is an error). */
function mergeParameters(document: Value, parameters: Value): Value | { error: EvaluationError } {
  const merged = mergeInputParameters(document, [parameters]);
  if (merged.ok) return merged.document;
  return { error: { code: 'internal', message: merged.error.message, span: merged.error.span } };
}
