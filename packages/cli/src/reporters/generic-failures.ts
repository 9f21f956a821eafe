/**
 * Failure details for data that is not a CloudFormation template: cfn-guard's generic
 * single-line-summary (`report_from_events` + `SingleLineSummary`), one English sentence per
 * failing check, then the compliant / not-applicable rule lines selected by `-S`.
 */
import { serdeJson, type CheckedValue, type ClauseCheck, type EventRecord } from '@guardts/evaluator';
import type { SummarySelection } from '../validate/validate-options.js';
import { firstNonFinite, nonFiniteMessage } from '../report/non-finite.js';
import { UNARY_OPERATORS } from './operator-words.js';
import { toCompactJson } from './structured-serialise.js';
import type { PairReportInput } from './pair-report.js';

interface NameInfo {
  readonly rule: string;
  readonly path: string;
  readonly provided?: unknown;
  readonly expected?: unknown;
  readonly comparison?: readonly [string, boolean];
  readonly message: string;
  readonly error?: string;
}

/** cfn-guard's `find_failing_clauses`: failing value checks and failing parameterized-rule calls. */
function failingRecords(record: EventRecord): EventRecord[] {
  const node = record.record;
  if (node.kind === 'Filter') return [];
  if (node.kind === 'ClauseValueCheck') return node.check.kind === 'Success' ? [] : [record];
  if (node.kind === 'RuleCheck' && node.message !== null && node.status === 'FAIL') return [record];
  return record.children.flatMap(failingRecords);
}

function pathAndJson(value: CheckedValue): { path: string; json: unknown } {
  if (value.kind === 'unresolved') return { path: value.traversedTo.path, json: serdeJson(value.traversedTo) };
  return { path: value.value.path, json: serdeJson(value.value) };
}

function nameInfo(rule: string, record: EventRecord): NameInfo {
  const node = record.record;
  if (node.kind === 'RuleCheck') return { rule: node.name, path: '', message: node.message ?? '' };
  if (node.kind !== 'ClauseValueCheck') return { rule, path: '', message: '' };
  const check: ClauseCheck = node.check;
  switch (check.kind) {
    case 'Success':
      return { rule, path: '', message: '' };
    case 'DependentRule':
      return { rule, path: '', message: check.customMessage ?? '', error: check.message ?? undefined };
    case 'MissingBlockValue':
      return {
        rule,
        path: check.from.kind === 'unresolved' ? check.from.traversedTo.path : '',
        message: check.customMessage ?? '',
        error: check.message ?? undefined,
      };
    case 'Unary':
    case 'Comparison': {
      const from = pathAndJson(check.from);
      const base = { rule, comparison: check.comparison, message: check.customMessage ?? '', provided: from.json, path: from.path };
      if (check.from.kind === 'unresolved') return { ...base, error: check.message ?? check.from.reason ?? '' };
      const expected = check.kind === 'Comparison' && check.to !== null ? pathAndJson(check.to).json : undefined;
      return { ...base, expected, error: check.message ?? undefined };
    }
    case 'NoValueForEmptyCheck':
      return { rule, path: '', comparison: ['Empty', false], message: check.customMessage ?? '' };
    case 'InComparison':
      return {
        rule,
        path: '',
        comparison: check.comparison,
        provided: check.from.kind === 'unresolved' ? undefined : pathAndJson(check.from).json,
        expected: check.to.map((value) => pathAndJson(value).json),
        message: check.message ?? '',
      };
  }
}

const UNARY_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  Exists: ['did not exist', 'existed'],
  Empty: ['was not empty', 'was empty'],
  IsList: ['was not a list ', 'was list'],
  IsMap: ['was not a struct', 'was struct'],
  IsString: ['was not a string ', 'was string'],
  IsBool: ['was not a bool', 'was bool'],
  IsInt: ['was not an int', 'was int'],
  IsNull: ['was not null', 'was null'],
  IsFloat: ['was not a float', 'was float'],
};

/** serde_json's compact rendering of a value (`null` when absent). */
function json(value: unknown): string {
  return toCompactJson(value === undefined ? null : value);
}

function sentence(info: NameInfo, dataName: string): string {
  if (info.error !== undefined) {
    return `Property traversed until [${info.path}] in data [${dataName}] is not compliant with [${info.rule}] due to retrieval error. Error Message [${info.error}]`;
  }
  if (info.comparison === undefined) {
    return `Parameterized Rule ${info.rule} failed for ${dataName}. Reason ${info.message.replace(/\n/g, '; ')}`;
  }
  const [operator, negated] = info.comparison;
  if (UNARY_OPERATORS.has(operator)) {
    const words = UNARY_WORDS[operator]![negated ? 1 : 0];
    return `Property [${info.path}] in data [${dataName}] is not compliant with [${info.rule}] because needed value at [${json(info.provided)}] ${words}. Error Message [${info.message.replace(/\n/g, ';')}]`;
  }
  const compared = operator === 'In' ? 'match expected value in' : 'match expected value';
  return `Property [${info.path}] in data [${dataName}] is not compliant with [${info.rule}] because provided value [${json(info.provided)}] ${negated ? 'did' : 'did not'} ${compared} [${json(info.expected)}]. Error Message [${info.message.replace(/\n/g, ';')}]`;
}

/** The generic report; `error` when a failing value cannot be converted (cfn-guard aborts, exit 255). */
export function renderGenericFailures(input: PairReportInput, selection: SummarySelection): { text: string; error: string | null } {
  const events = input.evaluation.events;
  if (events === null) return { text: '', error: null };
  const failed = new Map<string, NameInfo[]>();
  const passed = new Set<string>();
  const skipped = new Set<string>();
  for (const ruleRecord of events.children) {
    const node = ruleRecord.record;
    if (node.kind !== 'RuleCheck') continue;
    if (node.status === 'FAIL') {
      const infos = failingRecords(ruleRecord).map((record) => nameInfo(node.name, record));
      // The reference converts every failing value to JSON before printing anything of this report.
      const nonFinite = firstNonFinite(infos.map((info) => [info.provided, info.expected]));
      if (nonFinite !== null) return { text: '', error: nonFiniteMessage(nonFinite, null) };
      failed.set(node.name, infos);
    }
    else if (node.status === 'PASS') passed.add(node.name);
    else skipped.add(node.name);
  }
  // cfn-guard's `is_reportable`: the first selected kind decides whether anything is printed.
  const reportable = selection.fail ? failed.size > 0 : selection.pass ? passed.size > 0 : selection.skip && skipped.size > 0;
  if (!reportable) return { text: '', error: null };
  const dataName = input.dataFile.name;
  const lines = [`Evaluation of rules ${input.rulesFile} against data ${dataName}`];
  if (selection.fail) {
    if (failed.size > 0) lines.push('--');
    for (const infos of failed.values()) for (const info of infos) lines.push(sentence(info, dataName));
  }
  const ruleLines = (names: Set<string>, descriptor: string): void => {
    if (names.size > 0) lines.push('--');
    for (const name of names) lines.push(`Rule [${name}] is ${descriptor} for template [${dataName}]`);
  };
  if (selection.pass) ruleLines(passed, 'compliant');
  if (selection.skip) ruleLines(skipped, 'not applicable');
  lines.push('--');
  return { text: lines.map((line) => `${line}\n`).join(''), error: null };
}
