/**
 * Output of the default (non `--structured`) mode for one (rules file, data file) pair: the summary
 * table, then either the failure details (single-line-summary) or the pair's report object
 * (`-o json|yaml`, objects of successive pairs concatenated as the reference does).
 */
import type { RulesEvaluation } from '../engine/guard-engine.js';
import { canonicalFileReport } from '../report/canonical-report.js';
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

export function renderPairReport(input: PairReportInput, format: OutputFormat, selection: SummarySelection, style: Styler): string {
  const table = renderSummaryTable(
    { dataName: input.dataFile.name, rulesFile: input.rulesFile, status: input.evaluation.status, rules: input.evaluation.rules },
    selection,
    style,
  );
  if (format === 'json') return table + toJson(canonicalFileReport(pairFileReport(input), input.dataFile.document));
  if (format === 'yaml') return table + toYaml(canonicalFileReport(pairFileReport(input), input.dataFile.document));
  const cfn = hasTopLevelKey(input, 'Resources') ? renderCfnFailures(input, style) : null;
  return table + (cfn ?? renderGenericFailures(input, selection));
}
