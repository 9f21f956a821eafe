/**
 * `validate -v` / `test -v`: the evaluation event tree as cfn-guard prints it (`print_verbose_tree`
 * with the `Display` of its records), and `-p`: the same tree as JSON. Debugging aids.
 */
import { pathWithLocation, type CheckedValue, type ClauseCheck, type EventRecord, type RecordType, type Value } from '@guardts/evaluator';

const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  Eq: 'EQUALS',
  In: 'IN',
  Gt: 'GREATER THAN',
  Lt: 'LESS THAN',
  Ge: 'GREATER THAN EQUALS',
  Le: 'LESS THAN EQUALS',
  Exists: 'EXISTS',
  Empty: 'EMPTY',
  IsString: 'IS STRING',
  IsBool: 'IS BOOL',
  IsInt: 'IS INT',
  IsList: 'IS LIST',
  IsMap: 'IS MAP',
  IsNull: 'IS NULL',
  IsFloat: 'IS FLOAT',
};

function comparisonText([operator, negated]: readonly [string, boolean]): string {
  return `${negated ? 'not' : ''} ${OPERATOR_NAMES[operator] ?? operator}`;
}

/** cfn-guard's `ValueOnlyDisplay` of a value. */
export function displayValue(value: Value): string {
  switch (value.kind) {
    case 'null':
      return '"NULL"';
    case 'string':
      return `"${value.value}"`;
    case 'regex':
      return `"/${value.pattern}/"`;
    case 'char':
      return `'${value.value}'`;
    case 'int':
    case 'float':
    case 'bool':
      return String(value.value);
    case 'list':
      return `[${value.items.map(displayValue).join(',')}]`;
    case 'map':
      return `{${value.keys.map((key) => `"${key.value}":${displayValue(value.entries.get(key.value)!)}`).join(',')}}`;
    case 'range':
      return `${value.lowerInclusive ? '[' : '('}${value.lower},${value.upper}${value.upperInclusive ? ']' : ')'}`;
  }
}

export interface VerboseOptions {
  /** `test` inputs come from serde_yaml in the reference, which records no positions: `[L:0,C:0]`. */
  readonly positions: boolean;
}

function pathValue(value: Value, positions: boolean): string {
  const where = positions ? pathWithLocation(value) : `${value.path}[L:0,C:0]`;
  return `Path=${where} Value=${displayValue(value)}`;
}

function checkedValue(value: CheckedValue, positions: boolean): string {
  if (value.kind === 'literal') return `literal, ${pathValue(value.value, positions)}`;
  if (value.kind === 'resolved') return `(resolved, ${pathValue(value.value, positions)})`;
  return `(unresolved, ${pathValue(value.traversedTo, positions)})`;
}

function clauseCheckText(check: ClauseCheck, positions: boolean): string {
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
      return `GuardClauseUnaryCheck(Status=${check.status}, Comparison=${comparisonText(check.comparison)}, Value-At=${checkedValue(check.from, positions)})`;
    case 'Comparison':
      return `GuardClauseBinaryCheck(Status=${check.status}, Comparison=${comparisonText(check.comparison)}, from=${checkedValue(check.from, positions)}, to=${check.to === null ? '' : checkedValue(check.to, positions)})`;
    case 'InComparison':
      return `GuardClauseInBinaryCheck(Status=${check.status}, Comparison=${comparisonText(check.comparison)}, from=${checkedValue(check.from, positions)}, to=${check.to.map((value) => checkedValue(value, positions)).join('.').replace(/\.\[/g, '[')})`;
  }
}

function recordText(record: RecordType, positions: boolean): string {
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
      return clauseCheckText(record.check, positions);
  }
}

export function renderVerboseTree(root: EventRecord, options: VerboseOptions = { positions: true }): string {
  const lines: string[] = [];
  const visit = (record: EventRecord, prefix: string, last: boolean): void => {
    lines.push(`${prefix}${last ? '`- ' : '|- '}${recordText(record.record, options.positions)}[Context=${record.context}]`);
    const childPrefix = prefix + (last ? '   ' : '|  ');
    record.children.forEach((child, index) => visit(child, childPrefix, index === record.children.length - 1));
  };
  visit(root, '', true);
  return lines.map((line) => `${line}\n`).join('');
}

/** `-p`: the tree as JSON, `{context, container, children}` with the record's text as container. */
export function renderVerboseJson(root: EventRecord): string {
  const convert = (record: EventRecord): unknown => ({ context: record.context, container: recordText(record.record, true), children: record.children.map(convert) });
  return JSON.stringify(convert(root), null, 2);
}
