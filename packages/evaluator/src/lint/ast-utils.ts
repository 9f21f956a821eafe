/** Generic helpers over the readonly AST: structural identity and short source-like rendering. */
import type { AstNode, Comparator, ComparisonOperator, Literal, Query, QueryPart, Rhs } from '@guardts/guard-parser';

/** A key equal for two subtrees exactly when they are the same code, wherever written. */
export function structuralKey(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'span' ? undefined : value));
}

/** Calls `visit` on every AST node under `root` (`root` included), depth first. */
export function forEachNode(root: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) forEachNode(item, visit);
    return;
  }
  if (root === null || typeof root !== 'object') return;
  const node = root as Record<string, unknown>;
  if (typeof node.kind === 'string') visit(node as unknown as AstNode);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'span' && typeof value === 'object') forEachNode(value, visit);
  }
}

export function queryText(query: Query): string {
  const text = query.parts.map((part, index) => partText(part, index === 0)).join('');
  return query.some ? `some ${text}` : text;
}

function partText(part: QueryPart, head: boolean): string {
  switch (part.kind) {
    case 'Key':
      return head ? part.name : /^[A-Za-z][\p{L}\p{N}_]*$/u.test(part.name) ? `.${part.name}` : `."${part.name}"`;
    case 'Index':
      return `[${part.index}]`;
    case 'This':
      return head ? 'this' : '.this';
    case 'Variable':
      return head ? `%${part.name}` : `.%${part.name}`;
    case 'AllValues':
      return part.capture === null ? '.*' : `[${part.capture}]`;
    case 'AllIndices':
      return '[*]';
    case 'Filter':
      return part.capture === null ? '[ … ]' : `[ ${part.capture} | … ]`;
    case 'KeysFilter':
      return '[ keys … ]';
  }
}

export function literalText(literal: Literal): string {
  switch (literal.kind) {
    case 'NullLiteral':
      return 'null';
    case 'StringLiteral':
      return JSON.stringify(literal.value);
    case 'IntLiteral':
    case 'BoolLiteral':
      return String(literal.value);
    case 'FloatLiteral':
      return Number.isInteger(literal.value) ? literal.value.toFixed(1) : String(literal.value);
    case 'RegexLiteral':
      return `/${literal.pattern}/`;
    case 'RangeLiteral':
      return `r${literal.lowerInclusive ? '[' : '('}${literal.lower.value}, ${literal.upper.value}${literal.upperInclusive ? ']' : ')'}`;
    case 'ListLiteral':
      return `[${literal.elements.map(literalText).join(', ')}]`;
    case 'MapLiteral':
      return `{${literal.entries.map((entry) => `${entry.key}: ${literalText(entry.value)}`).join(', ')}}`;
  }
}

export function isLiteral(rhs: Rhs): rhs is Literal {
  return rhs.kind !== 'Query' && rhs.kind !== 'FunctionCall';
}

const OPERATOR_TEXT: Readonly<Record<ComparisonOperator, readonly [string, string]>> = {
  Eq: ['==', '!='],
  In: ['in', 'not in'],
  Gt: ['>', '>'],
  Ge: ['>=', '>='],
  Lt: ['<', '<'],
  Le: ['<=', '<='],
  Exists: ['exists', 'not exists'],
  Empty: ['empty', 'not empty'],
  IsString: ['is_string', 'not is_string'],
  IsList: ['is_list', 'not is_list'],
  IsMap: ['is_struct', 'not is_struct'],
  IsBool: ['is_bool', 'not is_bool'],
  IsInt: ['is_int', 'not is_int'],
  IsFloat: ['is_float', 'not is_float'],
  IsNull: ['is_null', 'not is_null'],
};

export function operatorText(comparator: Comparator): string {
  return OPERATOR_TEXT[comparator.operator][comparator.negated ? 1 : 0];
}

/** The operator that says the opposite of `comparator`, as a rule author would write it. */
export function oppositeOperatorText(comparator: Comparator): string {
  const { operator, negated } = comparator;
  const opposite: Partial<Record<ComparisonOperator, string>> = { Gt: '<=', Ge: '<', Lt: '>=', Le: '>' };
  return opposite[operator] ?? OPERATOR_TEXT[operator][negated ? 0 : 1];
}
