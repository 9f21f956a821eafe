/**
 * Output of the default (non `--structured`) mode for one (rules file, data file) pair: the summary
 * table, then either the failure details (single-line-summary) or the pair's report object
 * (`-o json|yaml`, objects of successive pairs concatenated as the reference does).
 */
import type { RulesEvaluation } from '../engine/guard-engine.js';
import { canonicalFileReport } from '../report/canonical-report.js';
import { firstNonFinite, nonFiniteMessage } from '../report/non-finite.js';
import type { FileReport } from '../report/structured-report.js';
import type { DataFile } from '../validate/data-files.js';
import type { OutputFormat, SummarySelection } from '../validate/validate-options.js';
import { renderCfnFailures } from './cfn-failures.js';
import type { Styler } from './colour.js';
import { renderGenericFailures } from './generic-failures.js';
import { toJson, toYaml } from './structured-serialise.js';
import { renderSummaryTable } from './summary-table.js';

export interface PairReportInput {
  readonly dataFile: DataFile;
  readonly rulesFile: string;
  readonly evaluation: RulesEvaluation;
}

export function pairFileReport(input: PairReportInput): FileReport {
  const { evaluation } = input;
  return {
    name: input.dataFile.name,
    metadata: {},
    status: evaluation.status,
    not_compliant: evaluation.notCompliant,
    not_applicable: evaluation.notApplicable,
    compliant: evaluation.compliant,
  };
}

function hasTopLevelKey(input: PairReportInput, key: string): boolean {
  const root = input.dataFile.document;
  return root.kind === 'map' && root.entries.has(key);
}

/** What a pair prints; `error` set when the reference aborts the run after printing `text` (exit 255). */
export interface PairReportOutput {
  readonly text: string;
  readonly error: string | null;
}

export function renderPairReport(input: PairReportInput, format: OutputFormat, selection: SummarySelection, style: Styler): PairReportOutput {
  const table = renderSummaryTable(
    { dataName: input.dataFile.name, rulesFile: input.rulesFile, status: input.evaluation.status, rules: input.evaluation.rules },
    selection,
    style,
  );
  if (format === 'json' || format === 'yaml') {
    const report = canonicalFileReport(pairFileReport(input), input.dataFile.document);
    const nonFinite = firstNonFinite(report.not_compliant);
    if (nonFinite !== null) return { text: table, error: nonFiniteMessage(nonFinite, format === 'json' ? 'JSON' : 'YAML') };
    return { text: table + (format === 'json' ? toJson(report) : toYaml(report)), error: null };
  }
  const cfn = hasTopLevelKey(input, 'Resources') ? renderCfnFailures(input, style) : null;
  if (cfn !== null) return { text: table + cfn, error: null };
  const generic = renderGenericFailures(input, selection);
  return { text: table + generic.text, error: generic.error };
}
