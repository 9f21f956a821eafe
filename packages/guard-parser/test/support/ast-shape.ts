// Projects cfn-guard's `parse-tree -p` JSON and guardts' AST onto one comparable text: rules,
// conjunctions and disjunctions, clause kinds, negations, operators, query parts, value kinds
// and messages (literal values and spans are left out). Used to check that both parsers build
// the same structure.
import type * as ast from '../../src/index.js';

type Json = any;

const conjunctionsOf = (conjunctions: Json[][], clause: (c: Json) => string): string =>
  conjunctions.map((d) => d.map(clause).join('|')).join(';');

/** cfn-guard inserts `[*]` after a leading variable with more parts; compare without it. */
function dropImplicitAllIndices(parts: string[]): string[] {
  if (parts[0]?.startsWith('K%') && parts[1] === '[*]') parts.splice(1, 1);
  return parts;
}

function referencePart(part: Json): string {
  if (part === 'This') return 'T';
  const [kind, value] = Object.entries(part)[0] as [string, Json];
  switch (kind) {
    case 'Key':
      return /^-?\d+$/.test(value) ? `I${Number(value)}` : `K${value}`;
    case 'Index':
      return `I${value}`;
    case 'AllIndices':
      return value === null ? '[*]' : `C${value}`;
    case 'AllValues':
      return value === null ? '*' : `C${value}`;
    case 'Filter':
      return `F${value[0] ?? ''}(${conjunctionsOf(value[1], referenceClause)})`;
    case 'MapKeyFilter':
      return `MK${value[0] ?? ''}(${value[1].comparator.join(',')}:${referenceValue(value[1].compare_with)})`;
    default:
      return `?${kind}`;
  }
}

function referenceQuery(query: Json): string {
  return (query.match_all ? '' : 'some ') + dropImplicitAllIndices(query.query.map(referencePart)).join('.');
}

function referenceValue(value: Json): string {
  if (value === null || value === undefined) return '-';
  if (value.Value !== undefined) return 'V';
  if (value.AccessClause !== undefined) return `Q${referenceQuery(value.AccessClause)}`;
  if (value.FunctionCall !== undefined) return `${value.FunctionCall.name}(${value.FunctionCall.parameters.map(referenceValue).join(',')})`;
  return '?';
}

function referenceBlock(block: Json): string {
  const lets = block.assignments.map((a: Json) => `${a.var}=${referenceValue(a.value)}`).join(',');
  return `{${lets}|${conjunctionsOf(block.conjunctions, referenceClause)}}`;
}

function referenceClause(clause: Json): string {
  const [kind, value] = Object.entries(clause)[0] as [string, Json];
  if (kind === 'Clause' && value.access_clause !== undefined) {
    const a = value.access_clause;
    return `${value.negation ? '!' : ''}A(${referenceQuery(a.query)} ${a.comparator.join(',')} ${referenceValue(a.compare_with)} ${a.custom_message === null ? '' : 'M'})`;
  }
  switch (kind) {
    case 'Clause':
      return referenceClause(value);
    case 'NamedRule':
      return `${value.negation ? '!' : ''}R(${value.dependent_rule}${value.custom_message === null ? '' : 'M'})`;
    case 'ParameterizedNamedRule': {
      const named = value.named_rule;
      return `${named.negation ? '!' : ''}P(${named.dependent_rule}:${value.parameters.map(referenceValue).join(',')}${named.custom_message === null ? '' : 'M'})`;
    }
    case 'BlockClause':
      return `B(${referenceQuery(value.query)}${value.not_empty ? '!e' : ''}${referenceBlock(value.block)})`;
    case 'WhenBlock':
      return `W(${conjunctionsOf(value[0], referenceClause)}${referenceBlock(value[1])})`;
    case 'TypeBlock':
      return `TB(${value.type_name}:${value.conditions === null ? '' : conjunctionsOf(value.conditions, referenceClause)}${referenceBlock(value.block)})`;
    default:
      return `?${kind}`;
  }
}

function referenceRule(rule: Json): string {
  return `${rule.rule_name}:${rule.conditions === null ? '' : conjunctionsOf(rule.conditions, referenceClause)}${referenceBlock(rule.block)}`;
}

/** The shape of cfn-guard's `parse-tree -p` output (`null` for a file without rules). */
export function referenceShape(tree: Json): string {
  if (tree === null) return '';
  return [
    tree.assignments.map((a: Json) => `${a.var}=${referenceValue(a.value)}`).join(','),
    ...tree.guard_rules.map(referenceRule),
    ...tree.parameterized_rules.map((p: Json) => `${[...p.parameter_names].join(',')}>${referenceRule(p.rule)}`),
  ].join('\n');
}

// ---------------------------------------------------------------- guardts

function part(p: ast.QueryPart): string {
  switch (p.kind) {
    case 'Key':
      return `K${p.name}`;
    case 'Index':
      return `I${p.index}`;
    case 'This':
      return 'T';
    case 'Variable':
      return `K%${p.name}`;
    case 'AllValues':
      return p.capture === null ? '*' : `C${p.capture}`;
    case 'AllIndices':
      return '[*]';
    case 'Filter':
      return `F${p.capture ?? ''}(${conditions(p.clauses)})`;
    case 'KeysFilter':
      return `MK${p.capture ?? ''}(${p.comparator.operator},${p.comparator.negated}:${value(p.rhs)})`;
  }
}

function query(q: ast.Query): string {
  return (q.some ? 'some ' : '') + dropImplicitAllIndices(q.parts.map(part)).join('.');
}

function value(v: ast.Rhs | null): string {
  if (v === null) return '-';
  if (v.kind === 'Query') return `Q${query(v)}`;
  if (v.kind === 'FunctionCall') return `${v.name.name}(${v.arguments.map(value).join(',')})`;
  return 'V';
}

function conditions(c: ast.Conjunctions | null): string {
  return c === null ? '' : c.map((d) => d.clauses.map(clause).join('|')).join(';');
}

function block(b: ast.Block): string {
  return `{${b.assignments.map((a) => `${a.name.name}=${value(a.value)}`).join(',')}|${conditions(b.clauses)}}`;
}

function clause(c: ast.Clause): string {
  switch (c.kind) {
    case 'AccessClause':
      return `${c.not ? '!' : ''}A(${query(c.query)} ${c.comparator.operator},${c.comparator.negated} ${value(c.rhs)} ${c.message === null ? '' : 'M'})`;
    case 'RuleReference':
      return `${c.not ? '!' : ''}R(${c.name.name}${c.message === null ? '' : 'M'})`;
    case 'ParameterizedRuleCall':
      return `${c.not ? '!' : ''}P(${c.name.name}:${c.arguments.map(value).join(',')}${c.message === null ? '' : 'M'})`;
    case 'BlockClause':
      return `B(${query(c.query)}${c.notEmpty ? '!e' : ''}${block(c.body)})`;
    case 'WhenBlock':
      return `W(${conditions(c.conditions)}${block(c.body)})`;
    case 'TypeBlock':
      return `TB(${c.typeName}:${conditions(c.conditions)}${block(c.body)})`;
  }
}

/** The same projection of a guardts AST. */
export function guardtsShape(file: ast.RulesFile): string {
  const lines = [
    file.assignments.map((a) => `${a.name.name}=${value(a.value)}`).join(','),
    ...(file.defaultRule === null ? [] : [`default:{|${conditions(file.defaultRule.clauses)}}`]),
    ...file.rules.map((r) => `${r.name.name}:${conditions(r.conditions)}${block(r.body)}`),
    ...file.parameterizedRules.map((p) => `${p.parameters.map((x) => x.name).join(',')}>${p.name.name}:${block(p.body)}`),
  ];
  // cfn-guard prints `null` for a file without any rule or assignment.
  return lines.length === 1 && lines[0] === '' ? '' : lines.join('\n');
}
