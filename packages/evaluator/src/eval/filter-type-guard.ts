/**
 * Filters like `Resources.*[ Type == "X"  Metadata.guard.SuppressedRules not exists or … ]`: one
 * of their lines is a single clause on `Type` alone (`Type == "X"`, `Type in [ /AWS::IAM::Role/ ]`,
 * `Type in %types`), the others are plain clauses. Where that line FAILs, the filter FAILs
 * whatever the rest says, and since the line reads nothing but `Type`, its verdict is the same for
 * every value of one type: the type index can skip whole types — provided the rest of the filter
 * has no effect beyond its verdict. Events and traces are such effects (the caller uses this only
 * without them); runtime errors are the other (cfn-guard evaluates every line, so an error on a
 * skipped value would be lost): hence only clauses that cannot raise one qualify — a path of
 * keys, indices and wildcards compared with a literal, tested with a unary operator other than
 * `empty` (which raises on numbers), or a block of such clauses.
 */
import type {
  CompiledAccessClause,
  CompiledBlock,
  CompiledConjunctions,
  CompiledGuardClause,
  CompiledPart,
} from '../compile/ir.js';
import type { CheckedValue, Status } from '../report/types.js';
import type { MapValue, Value } from '../values/value.js';
import { countResults } from './binary-clause.js';
import { statusOfCounts } from './clause-checks.js';
import { evaluateGuardClause } from './evaluate-rules.js';
import { compareResults } from './operators.js';
import { retrieveQuery } from './query.js';
import { pushAll, type ConverterIndex, type Parts } from './query-results.js';
import { ValueScope, type EvalContext } from './scopes.js';

export type TypeGuard =
  /** The line is `Type == "X"`: the values of that one type. */
  | { readonly kind: 'equals'; readonly literal: string }
  /** Any other clause on `Type` alone: evaluated once per type, on that type's first value. */
  | { readonly kind: 'clause'; readonly clause: CompiledAccessClause };

const guards = new WeakMap<CompiledConjunctions<CompiledGuardClause>, TypeGuard | null>();

/** The line on `Type` that decides such a filter, or null when the filter is not of that shape. */
export function filterTypeGuard(clauses: CompiledConjunctions<CompiledGuardClause>): TypeGuard | null {
  let guard = guards.get(clauses);
  if (guard === undefined) {
    guard = analyse(clauses);
    guards.set(clauses, guard);
  }
  return guard;
}

function analyse(clauses: CompiledConjunctions<CompiledGuardClause>): TypeGuard | null {
  let guard: TypeGuard | null = null;
  for (const disjunction of clauses) {
    const shape: TypeGuard | null = guard === null && disjunction.length === 1 ? typeGuard(disjunction[0]!) : null;
    if (shape !== null) guard = shape;
    else if (!disjunction.every(cannotRaise)) return null;
  }
  return guard;
}

function typeGuard(clause: CompiledGuardClause): TypeGuard | null {
  if (clause.kind !== 'access' || clause.unary) return null;
  const lhs = clause.query.parts;
  if (lhs.length !== 1 || lhs[0]!.kind !== 'key' || lhs[0]!.name !== 'Type') return null;
  const rhs = clause.rhs;
  const onVariable = rhs?.kind === 'query' && rhs.query.parts.length === 1 && rhs.query.parts[0]!.kind === 'variable';
  if (rhs?.kind !== 'literal' && !onVariable) return null;
  const equals = !clause.negation && clause.query.matchAll && clause.comparison[0] === 'Eq' && !clause.comparison[1];
  if (equals && rhs.kind === 'literal' && rhs.value.kind === 'string') return { kind: 'equals', literal: rhs.value.value };
  return { kind: 'clause', clause };
}

function cannotRaise(clause: CompiledGuardClause): boolean {
  switch (clause.kind) {
    case 'access':
      if (!clause.query.parts.every(isPlainStep)) return false;
      // Regex literals included: `compileRules` has already refused a file with an invalid one.
      return clause.unary ? clause.comparison[0] !== 'Empty' : clause.rhs?.kind === 'literal';
    case 'block':
      return clause.query.parts.every(isPlainStep) && isPlainBlock(clause.block);
    default:
      return false;
  }
}

function isPlainBlock(block: CompiledBlock<CompiledGuardClause>): boolean {
  const { literals, queries, functions } = block.assignments;
  if (literals.size + queries.size + functions.size > 0) return false;
  return block.conjunctions.every((disjunction) => disjunction.every(cannotRaise));
}

function isPlainStep(part: CompiledPart): boolean {
  return part.kind === 'key' || part.kind === 'index' || part.kind === 'allValues' || part.kind === 'allIndices';
}

/**
 * `map.*[ filter ]` for a filter with a type guard, on a map indexed by type: the filter runs on
 * the values of the types the guard lets through, in document order, and on no others.
 */
export function selectByTypeGuard(
  map: MapValue,
  byType: ReadonlyMap<string, readonly Value[]>,
  guard: TypeGuard,
  index: number,
  parts: Parts,
  context: EvalContext,
  converter: ConverterIndex,
): CheckedValue[] {
  const results: CheckedValue[] = [];
  const runFilter = (value: Value) => pushAll(results, retrieveQuery(index + 1, parts, value, new ValueScope(value, context), converter));
  if (guard.kind === 'equals') {
    for (const value of byType.get(guard.literal) ?? []) runFilter(value);
    return results;
  }
  // Types in order of first appearance, so that an error (from a `%variable`) is the one the
  // filter would raise on the first value in the document.
  const passing = new Set<string>();
  for (const [type, values] of byType) {
    const first = values[0]!;
    const status = context.state.nested(() => evaluateGuardClause(guard.clause, new ValueScope(first, context)));
    if (status !== 'FAIL') passing.add(type);
  }
  if (passing.size === 0) return results;
  for (const key of map.keys) {
    const value = map.entries.get(key.value)!;
    if (value.kind === 'map' && passing.has(typeOf(value))) runFilter(value);
  }
  return results;
}

/** The `Type` string of a value of an indexed map (the index guarantees there is one). */
function typeOf(value: MapValue): string {
  const type = value.entries.get('Type');
  return type?.kind === 'string' ? type.value : '';
}

/**
 * Whether the guard's line lets a type through (does not FAIL on a value whose `Type` is `type`),
 * decided without evaluating anything that could record: null when that takes an evaluation (a
 * variable on the right) or the comparison raised.
 */
export function guardAdmitsQuietly(guard: TypeGuard, type: Value, context: EvalContext): boolean | null {
  if (guard.kind === 'equals') return type.kind === 'string' && type.value === guard.literal;
  const rhs = guardRhsAtHand(guard.clause, context);
  return rhs === null ? null : clauseAdmitsType(guard.clause, type, rhs);
}

/** Whether a binary clause on `Type` does not FAIL on a value whose `Type` is `type`; null when the comparison raised. */
export function clauseAdmitsType(clause: CompiledAccessClause, type: Value, rhs: readonly CheckedValue[]): boolean | null {
  try {
    return typeClauseStatus(clause, [{ kind: 'resolved', value: type }], rhs) !== 'FAIL';
  } catch {
    return null;
  }
}

/** The right-hand side of a line on `Type`: a literal, or a variable's results when at hand (scopes.ts). */
function guardRhsAtHand(clause: CompiledAccessClause, context: EvalContext): readonly CheckedValue[] | null {
  const rhs = clause.rhs;
  if (rhs?.kind === 'literal') return [{ kind: 'literal', value: rhs.value }];
  const only = rhs?.kind === 'query' && rhs.query.parts.length === 1 ? rhs.query.parts[0]! : null;
  if (only?.kind !== 'variable') return null;
  // As the filter reads it from a candidate's scope: a lone variable resolves in the enclosing one.
  return context.variableAtHand(only.name);
}

/** clauses.ts `evaluateAccessClause` of a binary clause, from its two sides. */
function typeClauseStatus(clause: CompiledAccessClause, lhs: readonly CheckedValue[], rhs: readonly CheckedValue[]): Status {
  const results = compareResults(lhs, rhs, clause.comparison);
  return results === null ? 'SKIP' : statusOfCounts(countResults(results), clause.query.matchAll);
}
