/**
 * `validate -v` / `test -v`: the evaluation event tree as cfn-guard prints it (`print_verbose_tree`
 * with the `Display` of its records), and `-p`: the same tree as JSON. Debugging aids.
 */
import { displayOperator, type ComparisonOperator } from '@guardts/guard-parser';
import { pathWithLocation, serdeJson, valueText, type CheckedValue, type ClauseCheck, type EventRecord, type RecordType, type Value } from '@guardts/evaluator';
import { toJson } from './structured-serialise.js';

function comparisonText([operator, negated]: readonly [string, boolean]): string {
  return `${negated ? 'not' : ''} ${displayOperator(operator as ComparisonOperator)}`;
}

export interface VerboseOptions {
  /** `test` inputs come from serde_yaml in the reference, which records no positions: `[L:0,C:0]`. */
  readonly positions: boolean;
}

/** Every data position in a text, as the reference prints them for data it read without positions. */
function withoutPositions(text: string): string {
  return text.replace(/\[L:\d+,C:\d+\]/g, '[L:0,C:0]').replace(/Location \{ line: \d+, col: \d+ \}/g, 'Location { line: 0, col: 0 }');
}

function pathValue(value: Value): string {
  return `Path=${pathWithLocation(value)} Value=${valueText(value)}`;
}

function checkedValue(value: CheckedValue): string {
  if (value.kind === 'literal') return `literal, ${pathValue(value.value)}`;
  if (value.kind === 'resolved') return `(resolved, ${pathValue(value.value)})`;
  return `(unresolved, ${pathValue(value.traversedTo)})`;
}

function clauseCheckText(check: ClauseCheck): string {
  switch (check.kind) {
    case 'Success':
      return 'GuardClauseValueCheck(Status=PASS)';
    case 'NoValueForEmptyCheck':
      return `GuardClause(Status=FAIL, Empty, ${check.customMessage ?? ''})`;
    case 'MissingBlockValue':
      return `GuardBlockValueMissing(Status=${check.status}, Reason=${check.message ?? ''}, ${check.from.kind === 'unresolved' ? check.from.traversedTo.path : ''})`;
    case 'DependentRule':
      return `GuardClauseDependentRule(Rule=${check.rule}, Status=${check.status})`;
    case 'Unary':
      return `GuardClauseUnaryCheck(Status=${check.status}, Comparison=${comparisonText(check.comparison)}, Value-At=${checkedValue(check.from)})`;
    case 'Comparison':
      return `GuardClauseBinaryCheck(Status=${check.status}, Comparison=${comparisonText(check.comparison)}, from=${checkedValue(check.from)}, to=${check.to === null ? '' : checkedValue(check.to)})`;
    case 'InComparison':
      return `GuardClauseInBinaryCheck(Status=${check.status}, Comparison=${comparisonText(check.comparison)}, from=${checkedValue(check.from)}, to=${check.to.map((value) => checkedValue(value)).join('.').replace(/\.\[/g, '[')})`;
  }
}

function recordText(record: RecordType): string {
  switch (record.kind) {
    case 'FileCheck':
      return `File(${record.name}, Status=${record.status})`;
    case 'RuleCheck':
      return `Rule(${record.name}, Status=${record.status})`;
    case 'RuleCondition':
      return `Rule/When(Status=${record.status})`;
    case 'TypeCheck':
      return `Type(${record.typeName}, Status=${record.block.status})`;
    case 'TypeCondition':
      return `TypeBlock/When Status=${record.status})`;
    case 'TypeBlock':
      return `TypeBlock/Block Status=${record.status})`;
    case 'Filter':
      return `Filter/ConjunctionsBlock(Status=${record.status})`;
    case 'WhenCheck':
      return `WhenConditionalBlock(Status = ${record.block.status})`;
    case 'WhenCondition':
      return `WhenCondition(Status = ${record.status})`;
    case 'Disjunction':
      return `Disjunction(Status = ${record.block.status})`;
    case 'BlockGuardCheck':
      return `GuardValueBlockCheck(Status = ${record.block.status})`;
    case 'GuardClauseBlockCheck':
      return `GuardClauseBlock(Status = ${record.block.status})`;
    case 'ClauseValueCheck':
      return clauseCheckText(record.check);
  }
}

export function renderVerboseTree(root: EventRecord, options: VerboseOptions = { positions: true }): string {
  const lines: string[] = [];
  const visit = (record: EventRecord, prefix: string, last: boolean): void => {
    const text = options.positions ? recordText(record.record) : withoutPositions(recordText(record.record));
    lines.push(`${prefix}${last ? '`- ' : '|- '}${text}[Context=${record.context}]`);
    const childPrefix = prefix + (last ? '   ' : '|  ');
    record.children.forEach((child, index) => visit(child, childPrefix, index === record.children.length - 1));
  };
  visit(root, '', true);
  return lines.map((line) => `${line}\n`).join('');
}

/** A value as serde serialises it in the event tree: `{path, value}`. */
function serdeValue(value: Value): unknown {
  return { path: value.path, value: serdeJson(value) };
}

function serdeResult(result: CheckedValue): unknown {
  // The reference serialises its literal results as resolved ones.
  if (result.kind === 'unresolved') {
    return { UnResolved: { traversed_to: serdeValue(result.traversedTo), remaining_query: result.remainingQuery, reason: result.reason } };
  }
  return { Resolved: serdeValue(result.value) };
}

function serdeCheck(check: ClauseCheck): unknown {
  switch (check.kind) {
    case 'Success':
      return 'Success';
    case 'Comparison':
      return { Comparison: { comparison: check.comparison, from: serdeResult(check.from), to: check.to === null ? null : serdeResult(check.to), message: check.message, custom_message: check.customMessage, status: check.status } };
    case 'InComparison':
      return { InComparison: { comparison: check.comparison, from: serdeResult(check.from), to: check.to.map(serdeResult), message: check.message, custom_message: check.customMessage, status: check.status } };
    case 'Unary':
      return { Unary: { value: { from: serdeResult(check.from), message: check.message, custom_message: check.customMessage, status: check.status }, comparison: check.comparison } };
    case 'NoValueForEmptyCheck':
      return { NoValueForEmptyCheck: check.customMessage };
    case 'DependentRule':
      return { DependentRule: { rule: check.rule, message: check.message, custom_message: check.customMessage, status: check.status } };
    case 'MissingBlockValue':
      return { MissingBlockValue: { from: serdeResult(check.from), message: check.message, custom_message: check.customMessage, status: check.status } };
  }
}

function serdeRecord(record: RecordType): unknown {
  const block = (check: { status: string; atLeastOneMatches: boolean; message: string | null }): unknown => ({ at_least_one_matches: check.atLeastOneMatches, status: check.status, message: check.message });
  switch (record.kind) {
    case 'FileCheck':
    case 'RuleCheck':
      return { [record.kind]: { name: record.name, status: record.status, message: record.message } };
    case 'RuleCondition':
    case 'TypeCondition':
    case 'TypeBlock':
    case 'Filter':
    case 'WhenCondition':
      return { [record.kind]: record.status };
    case 'TypeCheck':
      return { TypeCheck: { type_name: record.typeName, block: block(record.block) } };
    case 'WhenCheck':
    case 'Disjunction':
    case 'BlockGuardCheck':
    case 'GuardClauseBlockCheck':
      return { [record.kind]: block(record.block) };
    case 'ClauseValueCheck':
      return { ClauseValueCheck: serdeCheck(record.check) };
  }
}

/** `-p`: the tree as cfn-guard serialises its `EventRecord` (`{context, container, children}`). */
export function renderVerboseJson(root: EventRecord): string {
  const convert = (record: EventRecord): unknown => ({ context: record.context, container: serdeRecord(record.record), children: record.children.map(convert) });
  return toJson(convert(root));
}
