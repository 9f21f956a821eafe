/**
 * Most rules files are about one or two resource types, and most templates hold none of them: then
 * every rule SKIPs, yet finding that out costs a whole evaluation (scopes, variable, filter, clause)
 * per file and template. This decides it from the type index alone, for the two shapes that say
 * so on their face, and only where evaluating would give exactly that — SKIP, no runtime error:
 *
 * - `rule R when %v !empty …` where `let v = Resources.*[ Type == "X" … ]` (the rest of the filter
 *   of the kind that cannot raise, filter-type-guard.ts; or `Type in [ /X/, … ]`, `Type in %list`
 *   and other such lines on `Type` with a literal, which the filter, narrowed by type, runs on each
 *   type's first value, and so does this): with no resource of type X the variable
 *   is empty, so the clause FAILs, the condition is not PASS and the rule SKIPs. Any CNF of such
 *   clauses (`empty` or `!empty`, `not` or not) qualifies; the rule SKIPs for sure when one line has
 *   only clauses that FAIL on an absent type. The other lines are evaluated too (cfn-guard does not
 *   stop at a failing line): being of the same shape, they read the index or run the filter, which
 *   cannot raise at nesting depth 1. A line may also reference a rule (`R`, `!R`) whose every copy
 *   SKIPs for sure by the first shape without referencing rules itself: evaluating it (depth 1,
 *   its filters depth 2) raises nothing, and SKIP makes `R` FAIL and `!R` PASS;
 * - a rule without a condition whose body holds nothing but type blocks (`AWS::X { … }` without
 *   `when`): with none of their types present, each selects nothing and SKIPs.
 *
 * Only for a document whose root map has `Resources`, indexed by type (type-index.ts): without it
 * the variable holds an unresolved result and a type block raises. Only for a verdicts-only pass
 * without a trace (the caller's business): the result is the verdicts, with no events.
 */
import type { CompiledAccessClause, CompiledGuardClause, CompiledPart, CompiledQuery, CompiledRule, CompiledRules } from '../compile/ir.js';
import type { CheckedValue } from '../report/types.js';
import type { Value } from '../values/value.js';
import { clauseAdmitsType, filterTypeGuard } from './filter-type-guard.js';
import { resourcesByType } from './type-index.js';

/**
 * Which types a variable's filter can select: one, or those passing a clause on `Type`. The
 * clause's outcome depends on nothing but the type's text, and a rules file meets the same few
 * hundred types in document after document: `outcomes` keeps it per type (null: the clause raised).
 */
type TypeSelector =
  | { readonly kind: 'equals'; readonly type: string }
  | { readonly kind: 'clause'; readonly clause: CompiledAccessClause; readonly rhs: readonly CheckedValue[]; readonly outcomes: Map<string, boolean | null> };

/** A condition clause `%v empty` / `%v !empty` on a variable selecting by type. */
interface TypeTest {
  readonly kind: 'type';
  readonly selector: TypeSelector;
  /** The clause's status when no resource has that type. */
  readonly passWhenAbsent: boolean;
}

/** A condition clause `R` or `!R` naming top-level rules. */
interface RuleTest {
  readonly kind: 'rule';
  /** The gates of every rule of that name. */
  readonly copies: readonly RuleGate[];
  /** `!R`: PASS when R SKIPs. */
  readonly negation: boolean;
}

type ConditionTest = TypeTest | RuleTest;

/** How a rule SKIPs: its condition fails on absent types, or its body's type blocks select nothing. */
interface RuleGate {
  /** The condition as a CNF of tests; null when the rule has none. */
  readonly conditions: readonly (readonly ConditionTest[])[] | null;
  /** The types of the body's type blocks, when the body is nothing else; null otherwise. */
  readonly bodyTypes: readonly string[] | null;
}

type Outcome = 'PASS' | 'FAIL' | 'unknown' | 'unsafe';

/** Bounds `outcomes` in a long-lived process that meets endless made-up types. */
const MAX_REMEMBERED_TYPES = 4096;

/** The nesting the evaluation this replaces reaches: a referenced rule (1) and its filters (2). */
export const SKIP_GATE_DEPTH = 2;

const gates = new WeakMap<CompiledRules, readonly RuleGate[] | null>();

/** True when evaluating `rules` on `root` (verdicts only, no trace) gives SKIP for every rule. */
export function skipsEveryRule(rules: CompiledRules, root: Value): boolean {
  let gate = gates.get(rules);
  if (gate === undefined) {
    gate = analyse(rules);
    gates.set(rules, gate);
  }
  if (gate === null || root.kind !== 'map') return false;
  const resources = root.entries.get('Resources');
  if (resources === undefined || resources.kind !== 'map') return false;
  const byType = resourcesByType(resources);
  if (byType === null) return false;
  for (const rule of gate) if (!ruleSkips(rule, byType)) return false;
  return true;
}

function ruleSkips(rule: RuleGate, byType: ReadonlyMap<string, readonly Value[]>): boolean {
  if (rule.conditions !== null) {
    let failingLine = false;
    for (const line of rule.conditions) {
      let allFail = true;
      for (const test of line) {
        const outcome = testOutcome(test, byType);
        if (outcome === 'unsafe') return false;
        if (outcome !== 'FAIL') allFail = false;
      }
      if (allFail) failingLine = true;
    }
    if (failingLine) return true;
  }
  if (rule.bodyTypes === null) return false;
  for (const type of rule.bodyTypes) if (byType.has(type)) return false;
  return true;
}

/**
 * Whether some type of the document gets past the selector's line on `Type` (then the filter may
 * select values); null when checking raised. As filter-type-guard.ts `selectByTypeGuard` decides
 * it: the clause on each type's first value, and a type passes unless the clause FAILs there.
 */
function selectsSome(selector: TypeSelector, byType: ReadonlyMap<string, readonly Value[]>): boolean | null {
  if (selector.kind === 'equals') return byType.has(selector.type);
  // Every type, as the filter does: a type after a passing one could still raise.
  let some = false;
  for (const name of byType.keys()) {
    let passes = selector.outcomes.get(name);
    if (passes === undefined) {
      passes = typePasses(selector, byType.get(name)![0]!);
      if (selector.outcomes.size < MAX_REMEMBERED_TYPES) selector.outcomes.set(name, passes);
    }
    if (passes === null) return null;
    if (passes) some = true;
  }
  return some;
}

/** Whether the selector's clause does not FAIL on this resource's `Type` (a string: type-index.ts); null when it raised. */
function typePasses(selector: Extract<TypeSelector, { kind: 'clause' }>, resource: Value): boolean | null {
  const type = resource.kind === 'map' ? resource.entries.get('Type') : undefined;
  return type === undefined ? null : clauseAdmitsType(selector.clause, type, selector.rhs);
}

/** A clause's status on this document when known, else whether evaluating it is safe. */
function testOutcome(test: ConditionTest, byType: ReadonlyMap<string, readonly Value[]>): Outcome {
  if (test.kind === 'type') {
    const selects = selectsSome(test.selector, byType);
    if (selects === null) return 'unsafe';
    return selects ? 'unknown' : test.passWhenAbsent ? 'PASS' : 'FAIL';
  }
  for (const copy of test.copies) if (!ruleSkips(copy, byType)) return 'unsafe';
  return test.negation ? 'PASS' : 'FAIL';
}

function analyse(file: CompiledRules): readonly RuleGate[] | null {
  const gate: RuleGate[] = [];
  for (const rule of file.rules) {
    const ruleGate = analyseRule(rule, file, true);
    if (ruleGate === null) return null;
    gate.push(ruleGate);
  }
  return gate;
}

/** `withReferences`: whether condition lines may reference rules (one level: referenced rules may not). */
function analyseRule(rule: CompiledRule, file: CompiledRules, withReferences: boolean): RuleGate | null {
  let conditions: ConditionTest[][] | null = null;
  if (rule.conditions !== null) {
    conditions = [];
    for (const line of rule.conditions) {
      const tests: ConditionTest[] = [];
      for (const clause of line) {
        const test = clause.kind === 'ruleReference' && withReferences ? ruleTest(clause.name, clause.negation, file) : typeTest(clause, file);
        if (test === null) return null;
        tests.push(test);
      }
      conditions.push(tests);
    }
  }
  const bodyTypes = rule.conditions === null ? typeBlocksOnly(rule) : null;
  if (conditions === null && bodyTypes === null) return null;
  return { conditions, bodyTypes };
}

function ruleTest(name: string, negation: boolean, file: CompiledRules): RuleTest | null {
  const rules = file.rulesByName.get(name);
  if (rules === undefined) return null;
  const copies: RuleGate[] = [];
  for (const rule of rules) {
    const gate = analyseRule(rule, file, false);
    if (gate === null) return null;
    copies.push(gate);
  }
  return { kind: 'rule', copies, negation };
}

/** `%v empty` or `%v !empty` (with or without `not`), `v` a file-level `let` selecting one type. */
function typeTest(clause: CompiledGuardClause, file: CompiledRules): TypeTest | null {
  if (clause.kind !== 'access' || !clause.unary || clause.comparison[0] !== 'Empty') return null;
  const parts = clause.query.parts;
  if (parts.length !== 1 || parts[0]!.kind !== 'variable') return null;
  const name = parts[0]!.name;
  // Looked up as the root scope does: literals, then functions, then queries.
  if (file.assignments.literals.has(name) || file.assignments.functions.has(name)) return null;
  const query = file.assignments.queries.get(name);
  const selector = query === undefined ? null : typeSelector(query, file);
  if (selector === null) return null;
  // unary-clause.ts, EMPTY on a lone variable with no values: PASS when `empty` (not negated), unless `not`.
  return { kind: 'type', selector, passWhenAbsent: !negatedComparison(clause) !== clause.negation };
}

function negatedComparison(clause: CompiledAccessClause): boolean {
  return clause.comparison[1];
}

/** The body's type blocks' types, when the body is only type blocks without conditions. */
function typeBlocksOnly(rule: CompiledRule): readonly string[] | null {
  const types: string[] = [];
  for (const line of rule.block.conjunctions) {
    for (const clause of line) {
      if (clause.kind !== 'typeBlock' || clause.conditions !== null) return null;
      const type = selectedType(clause.query);
      if (type === null) return null;
      types.push(type);
    }
  }
  return types;
}

/** The filter of exactly `Resources.*[ … ]`, without captures; null for any other query. */
function resourcesFilter(query: CompiledQuery): Extract<CompiledPart, { kind: 'filter' }> | null {
  const [resources, all, filter, ...rest] = query.parts;
  if (rest.length > 0 || !isKey(resources, 'Resources') || all?.kind !== 'allValues' || all.capture !== null) return null;
  return filter?.kind === 'filter' && filter.capture === null ? filter : null;
}

/**
 * X for exactly `Resources.*[ Type == "X" … ]` answered by the type index (query-filters.ts
 * `selectByType`): on a document without X it selects nothing, evaluating nothing.
 */
function selectedType(query: CompiledQuery): string | null {
  const filter = resourcesFilter(query);
  if (filter === null) return null;
  if (filter.typeEquals !== null) return 'literal' in filter.typeEquals ? filter.typeEquals.literal : null;
  const guard = filterTypeGuard(filter.clauses);
  return guard?.kind === 'equals' ? guard.literal : null;
}

/** As `selectedType`, or a line on `Type` against a literal or a file-level literal `let`. */
function typeSelector(query: CompiledQuery, file: CompiledRules): TypeSelector | null {
  const type = selectedType(query);
  if (type !== null) return { kind: 'equals', type };
  const filter = resourcesFilter(query);
  if (filter === null || filter.typeEquals !== null) return null;
  const guard = filterTypeGuard(filter.clauses);
  if (guard?.kind !== 'clause') return null;
  const rhs = guard.clause.rhs;
  // clauses.ts `rhsResults`; a lone variable resolves (scopes.ts) to its literal when the file declares one.
  if (rhs?.kind === 'literal') return { kind: 'clause', clause: guard.clause, rhs: [{ kind: 'literal', value: rhs.value }], outcomes: new Map() };
  const variable = rhs?.kind === 'query' ? rhs.query.parts[0] : undefined;
  const literal = variable?.kind === 'variable' ? file.assignments.literals.get(variable.name) : undefined;
  return literal === undefined ? null : { kind: 'clause', clause: guard.clause, rhs: [{ kind: 'literal', value: literal }], outcomes: new Map() };
}

function isKey(part: CompiledPart | undefined, name: string): boolean {
  return part?.kind === 'key' && part.name === name;
}
