/**
 * What can be known about one side of a comparison without any data: the type of a literal, of
 * a `%var` bound to a literal, or of a function whose result type is fixed (`count` is an int).
 */
import type { ComparisonOperator, Literal, Query, Rhs } from '@guardts/guard-parser';
import { isLiteral } from './ast-utils.js';
import type { Scope } from './scope.js';

export type StaticType = 'null' | 'string' | 'int' | 'float' | 'bool' | 'regex' | 'int-range' | 'float-range' | 'char-range' | 'list' | 'map' | 'char';

export interface StaticSide {
  readonly type: StaticType;
  /** The literal itself when the side is one (directly or through a `let`). */
  readonly literal: Literal | null;
  /** How to name it in a message: `5.0`, `%limit (an int)`, `count(…) (an int)`. */
  readonly origin: string;
}

const FUNCTION_RESULT_TYPES: Readonly<Record<string, StaticType>> = {
  count: 'int',
  parse_int: 'int',
  parse_float: 'float',
  parse_boolean: 'bool',
  parse_string: 'string',
  parse_char: 'char',
  to_upper: 'string',
  to_lower: 'string',
  url_decode: 'string',
  join: 'string',
  regex_replace: 'string',
};

export function literalType(literal: Literal): StaticType {
  switch (literal.kind) {
    case 'NullLiteral':
      return 'null';
    case 'StringLiteral':
      return 'string';
    case 'IntLiteral':
      return 'int';
    case 'FloatLiteral':
      return 'float';
    case 'BoolLiteral':
      return 'bool';
    case 'RegexLiteral':
      return 'regex';
    case 'RangeLiteral':
      return `${literal.lower.kind}-range`;
    case 'ListLiteral':
      return 'list';
    case 'MapLiteral':
      return 'map';
  }
}

export function describeType(type: StaticType): string {
  switch (type) {
    case 'int':
      return 'an int';
    case 'int-range':
      return 'an int range';
    default:
      return `a ${type.replace('-', ' ')}`;
  }
}

/** A lone `%name` query (no further parts). */
export function loneVariable(query: Query): string | null {
  const [head, ...rest] = query.parts;
  return head !== undefined && head.kind === 'Variable' && rest.length === 0 ? head.name : null;
}

export function staticSideOfQuery(query: Query, scope: Scope): StaticSide | null {
  const name = loneVariable(query);
  if (name === null) return null;
  const value = scope.lookup(name)?.value ?? null;
  if (value === null || value.kind === 'Query') return null;
  const side = staticSideOfRhs(value, scope);
  return side === null ? null : { ...side, origin: `%${name} (${describeType(side.type)})` };
}

export function staticSideOfRhs(rhs: Rhs, scope: Scope): StaticSide | null {
  if (isLiteral(rhs)) return { type: literalType(rhs), literal: rhs, origin: describeType(literalType(rhs)) };
  if (rhs.kind === 'Query') return staticSideOfQuery(rhs, scope);
  const type = FUNCTION_RESULT_TYPES[rhs.name.name];
  return type === undefined ? null : { type, literal: null, origin: `${rhs.name.name}(…) (${describeType(type)})` };
}

const SCALARS: ReadonlySet<StaticType> = new Set(['null', 'string', 'int', 'float', 'bool', 'char', 'regex']);

export function isScalar(type: StaticType): boolean {
  return SCALARS.has(type);
}

/** cfn-guard's `compare_eq`: which (value, value) pairs it can compare at all. */
export function equalityComparable(left: StaticType, right: StaticType): boolean {
  if (left === right) return !left.endsWith('-range');
  if (left === 'string' && right === 'regex') return true;
  if (left === 'regex' && right === 'string') return true;
  return right === `${left}-range`;
}

/** Ordering is defined for int/int, float/float, string/string, char/char and null/null only. */
export function orderingComparable(left: StaticType, right: StaticType): boolean {
  return left === right && ['int', 'float', 'string', 'char', 'null'].includes(left);
}

export function comparableFor(operator: ComparisonOperator, left: StaticType, right: StaticType): boolean {
  if (operator === 'Eq') return equalityComparable(left, right);
  if (operator === 'In') return right === 'string' ? left === 'string' : equalityComparable(left, right);
  return orderingComparable(left, right);
}
