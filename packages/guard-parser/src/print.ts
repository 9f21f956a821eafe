/**
 * AST -> canonical Guard text. Parsing the output gives back the same AST (spans aside) for
 * every AST the parser can produce, with a few unrepresentable exceptions cfn-guard's syntax
 * imposes: a string ending in a backslash, a negative float, a `>>` inside a message, and a
 * right-hand-side query whose first key reads as a literal (`trueish`, `r`).
 */
import type * as ast from './ast.js';

const INDENT = '  ';
const NAME = /^[A-Za-z][\p{Alphabetic}\p{N}_]*$/u;
/** Words that cannot start a query on the left-hand side. */
const RESERVED_HEADS = new Set(['when', 'WHEN', 'some', 'SOME', 'this', 'THIS', 'rule', 'not', 'NOT']);

export function printRules(file: ast.RulesFile): string {
  const sections: string[] = [];
  for (const assignment of file.assignments) sections.push(printLet(assignment, ''));
  if (file.defaultRule !== null) {
    for (const disjunction of file.defaultRule.clauses) sections.push(printDisjunction(disjunction, ''));
  }
  for (const rule of file.rules) sections.push(printNamedRule(rule));
  for (const rule of file.parameterizedRules) sections.push(printParameterizedRule(rule));
  return sections.length === 0 ? '' : `${sections.join('\n')}\n`;
}

function printNamedRule(rule: ast.NamedRule): string {
  const conditions = rule.conditions === null ? '' : ` when ${printConditions(rule.conditions, INDENT)}`;
  return `rule ${rule.name.name}${conditions} ${printBlock(rule.body, '')}`;
}

function printParameterizedRule(rule: ast.ParameterizedRule): string {
  return `rule ${rule.name.name}(${rule.parameters.map((p) => p.name).join(', ')}) ${printBlock(rule.body, '')}`;
}

export function printLet(statement: ast.LetStatement, indent: string): string {
  return `${indent}let ${statement.name.name} = ${printValue(statement.value)}`;
}

/** Conditions one disjunction per line, so that rule references end their line. */
function printConditions(conditions: ast.Conjunctions, indent: string): string {
  return conditions.map((disjunction) => printDisjunction(disjunction, indent).trimStart()).join(`\n${indent}`);
}

function printBlock(block: ast.Block, indent: string): string {
  const inner = indent + INDENT;
  const lines = [
    ...block.assignments.map((assignment) => printLet(assignment, inner)),
    ...block.clauses.map((disjunction) => printDisjunction(disjunction, inner)),
  ];
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function printDisjunction(disjunction: ast.Disjunction, indent: string): string {
  return indent + disjunction.clauses.map((clause) => printClauseAt(clause, indent)).join(' or ');
}

/** One clause as Guard text (blocks span several lines, indented by `indent`). */
export function printClause(clause: ast.Clause): string {
  return printClauseAt(clause, '');
}

function printClauseAt(clause: ast.Clause, indent: string): string {
  switch (clause.kind) {
    case 'AccessClause': {
      const rhs = clause.rhs === null ? '' : ` ${printValue(clause.rhs)}`;
      return `${clause.not ? 'not ' : ''}${printQuery(clause.query)} ${printComparator(clause.comparator)}${rhs}${printMessage(clause.message)}`;
    }
    case 'BlockClause':
      return `${printQuery(clause.query)}${clause.notEmpty ? ' !empty' : ''} ${printBlock(clause.body, indent)}`;
    case 'WhenBlock':
      return `when ${printConditions(clause.conditions, indent + INDENT)} ${printBlock(clause.body, indent)}`;
    case 'TypeBlock': {
      const conditions = clause.conditions === null ? '' : ` when ${printConditions(clause.conditions, indent + INDENT)}`;
      return `${clause.typeName}${conditions} ${printBlock(clause.body, indent)}`;
    }
    case 'RuleReference':
      return `${clause.not ? 'not ' : ''}${clause.name.name}${printMessage(clause.message)}`;
    case 'ParameterizedRuleCall':
      return `${clause.not ? 'not ' : ''}${clause.name.name}(${clause.arguments.map(printValue).join(', ')})${printMessage(clause.message)}`;
  }
}

function printMessage(message: ast.CustomMessage | null): string {
  return message === null ? '' : ` <<${message.text}>>`;
}

const UNARY_KEYWORDS: Readonly<Record<string, string>> = {
  Exists: 'exists',
  Empty: 'empty',
  IsString: 'is_string',
  IsList: 'is_list',
  IsMap: 'is_struct',
  IsBool: 'is_bool',
  IsInt: 'is_int',
  IsFloat: 'is_float',
  IsNull: 'is_null',
};

const BINARY_SYMBOLS: Readonly<Record<string, string>> = { Gt: '>', Ge: '>=', Lt: '<', Le: '<=' };

/** Takes any operator/negation pair (the evaluator's comparisons too), so one table serves both. */
export function printComparator(comparator: Pick<ast.Comparator, 'operator' | 'negated'>): string {
  const { operator, negated } = comparator;
  if (operator === 'Eq') return negated ? '!=' : '==';
  if (operator === 'In') return negated ? 'not in' : 'in';
  const symbol = BINARY_SYMBOLS[operator] ?? UNARY_KEYWORDS[operator] ?? operator;
  return `${negated ? 'not ' : ''}${symbol}`;
}

// ------------------------------------------------------------ queries

export function printQuery(query: ast.Query): string {
  const [head, ...rest] = query.parts;
  let text = head === undefined ? '' : printHead(head);
  for (const part of rest) text += printPart(part);
  return query.some ? `some ${text}` : text;
}

function printHead(part: ast.QueryPart): string {
  switch (part.kind) {
    case 'This':
      return 'this';
    case 'Variable':
      return `%${part.name}`;
    case 'Key':
      return !part.quoted && NAME.test(part.name) && !RESERVED_HEADS.has(part.name) ? part.name : quote(part.name);
    case 'Index':
      return quote(String(part.index));
    default:
      return `this${printPart(part)}`;
  }
}

function printPart(part: ast.QueryPart): string {
  switch (part.kind) {
    case 'Key':
      return !part.quoted && NAME.test(part.name) ? `.${part.name}` : `.${quote(part.name)}`;
    case 'Index':
      return `[${part.index}]`;
    case 'This':
      return '.this';
    case 'Variable':
      return `.%${part.name}`;
    case 'AllValues':
      return part.capture === null ? '.*' : `[${part.capture}]`;
    case 'AllIndices':
      return '[*]';
    case 'Filter': {
      const capture = part.capture === null ? '' : `${part.capture} | `;
      return `[ ${capture}${part.clauses.map((d) => printDisjunction(d, '')).join(' ')} ]`;
    }
    case 'KeysFilter': {
      const capture = part.capture === null ? '' : `${part.capture} | `;
      return `[ ${capture}keys ${printComparator(part.comparator)} ${printValue(part.rhs)} ]`;
    }
  }
}

// ------------------------------------------------------------ values

export function printValue(value: ast.Rhs): string {
  switch (value.kind) {
    case 'Query':
      return printQuery(value);
    case 'FunctionCall':
      return `${value.name.name}(${value.arguments.map(printValue).join(', ')})`;
    default:
      return printLiteral(value);
  }
}

export function printLiteral(literal: ast.Literal): string {
  switch (literal.kind) {
    case 'NullLiteral':
      return 'null';
    case 'BoolLiteral':
      return String(literal.value);
    case 'StringLiteral':
      return quote(literal.value);
    case 'IntLiteral':
      return String(literal.value);
    case 'FloatLiteral':
      return printFloat(literal.value);
    case 'RegexLiteral':
      return `/${literal.pattern.split('/').join('\\/')}/`;
    case 'RangeLiteral':
      return `r${literal.lowerInclusive ? '[' : '('}${printBound(literal.lower)}, ${printBound(literal.upper)}${literal.upperInclusive ? ']' : ')'}`;
    case 'ListLiteral':
      return `[${literal.elements.map(printLiteral).join(', ')}]`;
    case 'MapLiteral':
      return `{${literal.entries.map((entry) => `${quote(entry.key)}: ${printLiteral(entry.value)}`).join(', ')}}`;
  }
}

function printBound(bound: ast.RangeBound): string {
  if (bound.kind === 'float') return printFloat(bound.value);
  return String(bound.value);
}

/** A float literal must keep a fractional part (`2.0`, not `2`) to stay a float. */
function printFloat(value: number): string {
  const text = String(value);
  if (/^\d+$/.test(text)) return `${text}.0`;
  // `1e+21` and `5e-7` parse as floats; `1.5e+21` too.
  return text;
}

/** A quoted string; only `\"` is an escape in Guard, so nothing else needs escaping. */
function quote(text: string): string {
  return `"${text.split('"').join('\\"')}"`;
}
