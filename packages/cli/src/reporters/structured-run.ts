/**
 * The `--structured` mode of `validate`: every rules file is compiled first, then each data file
 * is evaluated against all of them and one document is printed for the whole run (JSON, YAML,
 * SARIF: one merged record per data file; JUnit: one test case per rules file).
 */
import type { Value } from '@guardts/evaluator';
import type { SourceSpan } from '@guardts/guard-parser';
import type { CompiledRules, RulesEvaluation } from '../engine/guard-engine.js';
import { EXIT_OK, EXIT_RULE_PARSE_ERROR, EXIT_RUNTIME_ERROR, EXIT_VALIDATION_FAILED } from '../exit-codes.js';
import { canonicalFileReport } from '../report/canonical-report.js';
import { firstNonFinite, nonFiniteMessage } from '../report/non-finite.js';
import { combineFileReports, emptyFileReport, type FileReport } from '../report/structured-report.js';
import type { DataFile } from '../validate/data-files.js';
import type { LoadedRules, ValidateContext } from '../validate/run-validate.js';
import type { OutputFormat } from '../validate/validate-options.js';
import { clauseMessages } from './clause-messages.js';
import { renderStructuredExplanations } from './explain-report.js';
import type { Styler } from './colour.js';
import { renderJunit, type JunitSuite, type JunitTestCase } from './junit-xml.js';
import { expandReportMessages } from './expand-report-messages.js';
import { renderSarif, type SarifInput } from './sarif.js';
import { toJson, toYaml } from './structured-serialise.js';

export interface StructuredRunInput {
  readonly rules: readonly LoadedRules[];
  readonly dataFiles: readonly DataFile[];
  readonly parameters: Value | null;
  readonly format: OutputFormat;
  readonly context: ValidateContext;
  readonly style: Styler;
  /** `--explain`: the rules files' texts by name (explanations quote clauses from them). */
  readonly explain?: ReadonlyMap<string, string> | null;
  /** `--expand-messages`: custom-message placeholders expanded in every format, not only SARIF. */
  readonly expandMessages?: boolean;
}

interface Compiled {
  readonly name: string;
  readonly path: string | null;
  readonly rules: CompiledRules;
}

export function renderStructuredRun(input: StructuredRunInput): number {
  const { io, engine } = input.context;
  let exitCode = EXIT_OK;
  const compiled: Compiled[] = [];
  for (const { source, compiled: outcome } of input.rules) {
    if (!outcome.ok) {
      io.stderr.write(`Parsing error handling rule file = ${input.style.underline(source.name)}, Error = ${outcome.message}\n---\n`);
      exitCode = EXIT_RULE_PARSE_ERROR;
    } else if (!outcome.value.empty) {
      compiled.push({ name: source.name, path: source.path, rules: outcome.value });
    }
  }

  const dataFiles: DataFile[] = [];
  for (const file of input.dataFiles) {
    if (input.parameters === null) {
      dataFiles.push(file);
      continue;
    }
    // cfn-guard panics on a parameter key that is also in the data here; guardts reports it.
    const merged = engine.mergeDocuments(input.parameters, file.document);
    if (!merged.ok) {
      io.stderr.write(`Error occurred ${merged.message}\n`);
      return EXIT_RUNTIME_ERROR;
    }
    dataFiles.push({ ...file, document: merged.value });
  }

  const started = Date.now();
  const evaluations: { dataFile: DataFile; results: { rules: Compiled; evaluation: RulesEvaluation; timeMs: number }[] }[] = [];
  for (const dataFile of dataFiles) {
    const results: { rules: Compiled; evaluation: RulesEvaluation; timeMs: number }[] = [];
    for (const rules of compiled) {
      const before = Date.now();
      const evaluation = engine.evaluate(rules.rules, dataFile.document, dataFile.name, { explain: input.explain != null });
      if (!evaluation.ok) {
        io.stderr.write(`Error occurred ${evaluation.message}\n`);
        return EXIT_RUNTIME_ERROR;
      }
      const evaluated = input.expandMessages === true ? { ...evaluation.value, notCompliant: expandReportMessages(evaluation.value.notCompliant, dataFile) } : evaluation.value;
      results.push({ rules, evaluation: evaluated, timeMs: Date.now() - before });
    }
    evaluations.push({ dataFile, results });
  }

  if (input.format === 'junit') {
    const suites: JunitSuite[] = evaluations.map(({ dataFile, results }) => ({
      name: dataFile.name,
      timeMs: Date.now() - started,
      cases: results.map(({ rules, evaluation, timeMs }) => junitCase(rules.name, evaluation, timeMs)),
    }));
    io.stdout.write(renderJunit('cfn-guard validate report', suites, Date.now() - started));
    writeStructuredExplanations(input, evaluations);
    const failed = suites.some((suite) => suite.cases.some((testCase) => testCase.outcome.kind === 'fail'));
    // With JUnit a parse error (5) wins over a failure (19).
    return failed && exitCode !== EXIT_RULE_PARSE_ERROR ? EXIT_VALIDATION_FAILED : exitCode;
  }

  const records = evaluations.map(({ dataFile, results }) => {
    let report: FileReport = emptyFileReport(dataFile.name);
    for (const { evaluation } of results) {
      report = combineFileReports(report, {
        status: evaluation.status,
        not_compliant: evaluation.notCompliant,
        not_applicable: evaluation.notApplicable,
        compliant: evaluation.compliant,
      });
    }
    return { dataFile, report, results };
  });
  // With JSON/YAML/SARIF a failure anywhere (19) wins over a parse error (5).
  if (records.some((record) => record.results.some(({ evaluation }) => evaluation.status === 'FAIL'))) exitCode = EXIT_VALIDATION_FAILED;

  if (input.format === 'json' || input.format === 'yaml') {
    const reports: FileReport[] = records.map((record) => canonicalFileReport(record.report, record.dataFile.document));
    const nonFinite = firstNonFinite(reports.map((report) => report.not_compliant));
    if (nonFinite !== null) {
      io.stderr.write(`Error occurred ${nonFiniteMessage(nonFinite, input.format === 'json' ? 'JSON' : 'YAML')}\n`);
      return EXIT_RUNTIME_ERROR;
    }
    io.stdout.write(input.format === 'json' ? toJson(reports) : toYaml(reports));
  } else {
    io.stdout.write(renderSarif(records.map((record) => sarifInput(record.report, record.dataFile, record.results)), { cwd: io.cwd }));
  }
  writeStructuredExplanations(input, evaluations);
  return exitCode;
}

function writeStructuredExplanations(
  input: StructuredRunInput,
  evaluations: readonly { dataFile: DataFile; results: readonly { rules: Compiled; evaluation: RulesEvaluation }[] }[],
): void {
  const texts = input.explain;
  if (texts === null || texts === undefined) return;
  const pairs = evaluations.flatMap(({ dataFile, results }) =>
    results.map(({ rules, evaluation }) => ({ dataName: dataFile.name, rulesName: rules.name, rulesText: texts.get(rules.name) ?? null, evaluation, cwd: input.context.io.cwd })),
  );
  renderStructuredExplanations(pairs, input.format, input.context.io);
}

function sarifInput(report: FileReport, dataFile: DataFile, results: readonly { rules: Compiled; evaluation: RulesEvaluation }[]): SarifInput {
  const ruleSpans = new Map<string, { file: string; span: SourceSpan }>();
  for (const { rules, evaluation } of results) {
    for (const verdict of evaluation.rules) {
      if (verdict.span !== undefined && !ruleSpans.has(verdict.name)) ruleSpans.set(verdict.name, { file: rules.path ?? rules.name, span: verdict.span });
    }
  }
  return { report, dataFile, ruleSpans };
}

function junitCase(rulesFile: string, evaluation: RulesEvaluation, timeMs: number): JunitTestCase {
  if (evaluation.status !== 'FAIL') return { id: null, name: rulesFile, timeMs, outcome: { kind: evaluation.status === 'PASS' ? 'pass' : 'skip' } };
  let lastRule: string | null = null;
  const texts: string[] = [];
  for (const failure of evaluation.notCompliant) {
    for (const messages of clauseMessages(failure)) {
      if ('Rule' in failure) {
        const name = failure.Rule.name;
        lastRule = name.includes('.guard/') ? name.split('.guard/')[1]! : name;
      }
      if (messages.custom_message !== null) texts.push(messages.custom_message);
      if (messages.error_message !== null) texts.push(messages.error_message);
    }
  }
  return { id: null, name: rulesFile, timeMs, outcome: { kind: 'fail', failure: { message: lastRule, texts } } };
}
