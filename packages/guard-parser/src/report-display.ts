/**
 * Queries, values and clauses rendered the way cfn-guard 3.1.1 prints them in its reports
 * (its `Display` implementations in exprs.rs, values.rs and display.rs), so that guardts' reports
 * can match the reference text: ` Properties.X EQUALS  "Enabled"`, `%v[*].P EXISTS  `,
 * `Resources.* (filter-clauses).Properties`.
 */
import type * as ast from './ast.js';

const OPERATOR_WORDS: Readonly<Record<ast.ComparisonOperator, string>> = {
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

/** cfn-guard's `CmpOperator` display: `EQUALS`, `IS STRING`, … */
export function displayOperator(operator: ast.ComparisonOperator): string {
  return OPERATOR_WORDS[operator];
}

/** cfn-guard's `display_comparator`: `not EQUALS ` (note the trailing space). */
export function displayComparator(comparator: { readonly operator: ast.ComparisonOperator; readonly negated: boolean }): string {
  return `${comparator.negated ? 'not ' : ''}${OPERATOR_WORDS[comparator.operator]} `;
}

function displayPart(part: ast.QueryPart): string {
  switch (part.kind) {
    case 'Key':
      return part.name;
    case 'Index':
      return String(part.index);
    case 'This':
      return '_';
    case 'Variable':
      return `%${part.name}`;
    case 'AllValues':
      return '*';
    case 'AllIndices':
      return '[*]';
    case 'Filter':
      return `${part.capture ?? ''} (filter-clauses)`;
    case 'KeysFilter':
      return `${part.capture ?? ''} (map-key-filter-clauses)`;
  }
}

/**
 * A query as cfn-guard prints it: parts joined with `.`, `.[` collapsed to `[`, and the `[*]`
 * cfn-guard's parser inserts after a leading `%variable` that has more parts.
 */
export function displayQuery(query: ast.Query): string {
  const parts = query.parts.map(displayPart);
  const [head, second] = query.parts;
  if (head?.kind === 'Variable' && second !== undefined && second.kind !== 'AllIndices') parts.splice(1, 0, '[*]');
  return parts.join('.').split('.[').join('[');
}

/** A literal as cfn-guard's `ValueOnlyDisplay` prints it. */
export function displayLiteral(literal: ast.Literal): string {
  switch (literal.kind) {
    case 'NullLiteral':
      return '"NULL"';
    case 'StringLiteral':
      return `"${literal.value}"`;
    case 'RegexLiteral':
      return `"/${literal.pattern}/"`;
    case 'BoolLiteral':
      return String(literal.value);
    case 'IntLiteral':
      return String(literal.value);
    case 'FloatLiteral':
      return displayFloat(literal.value);
    case 'ListLiteral':
      return `[${literal.elements.map(displayLiteral).join(',')}]`;
    case 'MapLiteral':
      return `{${literal.entries.map((entry) => `"${entry.key}":${displayLiteral(entry.value)}`).join(',')}}`;
    case 'RangeLiteral':
      return `${literal.lowerInclusive ? '[' : '('}${displayBound(literal.lower)},${displayBound(literal.upper)}${literal.upperInclusive ? ']' : ')'}`;
  }
}

function displayBound(bound: ast.RangeBound): string {
  return bound.kind === 'float' ? displayFloat(bound.value) : String(bound.value);
}

/** A right-hand side, `let` value or function argument (cfn-guard's `LetValue` display). */
export function displayValue(value: ast.Rhs): string {
  switch (value.kind) {
    case 'Query':
      return displayQuery(value);
    case 'FunctionCall':
      return `${value.name.name}(${value.arguments.map(displayValue).join(', ')})`;
    default:
      return displayLiteral(value);
  }
}

/** cfn-guard's `GuardAccessClause` display: ` Properties.X EQUALS  "Enabled"`. */
export function displayAccessClause(clause: ast.AccessClause): string {
  const rhs = clause.rhs === null ? '' : displayValue(clause.rhs);
  return `${clause.not ? 'not' : ''} ${displayQuery(clause.query)} ${displayComparator(clause.comparator)} ${rhs}`;
}

/** Rust's `f64` display: shortest round-trip digits, never an exponent. */
export function displayFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign, first, fraction = '', exponentText] = match as unknown as [string, string, string, string | undefined, string];
  const digits = first + fraction;
  const exponent = Number(exponentText);
  // JavaScript only uses an exponent from 1e21 up, beyond the 17 significant digits.
  if (exponent >= 0) return sign + digits.padEnd(exponent + 1, '0');
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}
