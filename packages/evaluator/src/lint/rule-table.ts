/**
 * The rules of a file by name, which rules each one reaches, and whether a rule can end up SKIP:
 * cfn-guard turns a reference to a SKIPped rule into FAIL (spec §7.5, S7).
 */
import type { Clause, Conjunctions, Disjunction, NamedRule, ParameterizedRule, Query, Rhs, RulesFile } from '@guardts/guard-parser';
import { forEachNode, structuralKey } from './ast-utils.js';

export class RuleTable {
  readonly named = new Map<string, NamedRule[]>();
  readonly parameterized = new Map<string, ParameterizedRule>();

  constructor(file: RulesFile) {
    for (const rule of file.rules) {
      const copies = this.named.get(rule.name.name) ?? [];
      copies.push(rule);
      this.named.set(rule.name.name, copies);
    }
    for (const rule of file.parameterizedRules) {
      if (!this.parameterized.has(rule.name.name)) this.parameterized.set(rule.name.name, rule);
    }
  }

  /**
   * A reference yields the first copy that is not SKIP, so it is SKIP only if every copy can be.
   * `known` says what already holds where the reference is evaluated: a copy whose `when` is
   * made of such conditions cannot be SKIP because of it.
   */
  canSkipNamed(name: string, known: KnownFacts): boolean {
    const copies = this.named.get(name);
    return copies !== undefined && copies.every((rule) => this.canSkipRule(rule, new Set(), known));
  }

  /** Keys (`rule:x`, `call:x`) of the rules that `node` references, directly. */
  static referencesIn(node: unknown): Set<string> {
    const keys = new Set<string>();
    forEachNode(node, (child) => {
      if (child.kind === 'RuleReference') keys.add(`rule:${child.name.name}`);
      if (child.kind === 'ParameterizedRuleCall') keys.add(`call:${child.name.name}`);
    });
    return keys;
  }

  /** The rule node for a key of `referencesIn` (its first copy for a named rule). */
  ruleFor(key: string): NamedRule | ParameterizedRule | null {
    const [kind, name] = key.split(':') as [string, string];
    return kind === 'rule' ? (this.named.get(name)?.[0] ?? null) : (this.parameterized.get(name) ?? null);
  }

  private canSkipRule(rule: NamedRule | ParameterizedRule, visiting: Set<unknown>, known: KnownFacts = NOTHING_KNOWN): boolean {
    if (rule.kind === 'NamedRule' && rule.conditions !== null && !rule.conditions.every((disjunction) => holds(disjunction, known))) return true;
    if (visiting.has(rule)) return false;
    visiting.add(rule);
    const result = this.canSkipConjunctions(rule.body.clauses, visiting, rule.kind === 'NamedRule' ? nonEmptyVariables(rule.conditions) : new Set());
    visiting.delete(rule);
    return result;
  }

  private canSkipConjunctions(clauses: Conjunctions, visiting: Set<unknown>, nonEmpty: ReadonlySet<string>): boolean {
    return clauses.every((disjunction) => disjunction.clauses.every((clause) => this.canSkipClause(clause, visiting, nonEmpty)));
  }

  private canSkipClause(clause: Clause, visiting: Set<unknown>, nonEmpty: ReadonlySet<string>): boolean {
    switch (clause.kind) {
      case 'WhenBlock':
      case 'TypeBlock':
        return true;
      case 'RuleReference':
        return false;
      case 'BlockClause':
        return (!clause.notEmpty && canBeEmpty(clause.query, nonEmpty)) || this.canSkipConjunctions(clause.body.clauses, visiting, new Set());
      case 'ParameterizedRuleCall': {
        const target = this.parameterized.get(clause.name.name);
        return target === undefined ? false : this.canSkipRule(target, visiting);
      }
      case 'AccessClause': {
        const lastPart = clause.query.parts[clause.query.parts.length - 1];
        const countsResults = clause.comparator.operator === 'Empty' && (clause.query.parts.length === 1 && lastPart?.kind === 'Variable' || lastPart?.kind === 'Filter' || lastPart?.kind === 'KeysFilter');
        if (countsResults) return false;
        return canBeEmpty(clause.query, nonEmpty) || (clause.rhs !== null && rhsCanBeEmpty(clause.rhs));
      }
    }
  }
}

/** What is known to hold where a rule reference is evaluated. */
export interface KnownFacts {
  /** Structural keys of the condition lines of the referring rule's `when`. */
  readonly conditions: ReadonlySet<string>;
  /** Rules referenced earlier in the same `or`: reaching this member means they did not PASS. */
  readonly notPassed: ReadonlySet<string>;
}

const NOTHING_KNOWN: KnownFacts = { conditions: new Set(), notPassed: new Set() };

export function knownFacts(conditions: Conjunctions | null, notPassed: Iterable<string>): KnownFacts {
  return { conditions: new Set((conditions ?? []).map((disjunction) => structuralKey(disjunction))), notPassed: new Set(notPassed) };
}

function holds(disjunction: Disjunction, known: KnownFacts): boolean {
  if (known.conditions.has(structuralKey(disjunction))) return true;
  const [only, ...others] = disjunction.clauses;
  return others.length === 0 && only?.kind === 'RuleReference' && only.not && known.notPassed.has(only.name.name);
}

/**
 * Whether a query can yield no result at all (which makes its clause SKIP): only filters and
 * variables can; a missing key gives an unresolved result instead. `nonEmpty` are variables
 * known to hold values (a `when %v !empty` around).
 */
export function canBeEmpty(query: Query, nonEmpty: ReadonlySet<string> = new Set()): boolean {
  return query.parts.some(
    (part, index) => part.kind === 'Filter' || part.kind === 'KeysFilter' || (part.kind === 'Variable' && !(index === 0 && nonEmpty.has(part.name))),
  );
}

/** Variables that a `when` requires to be non-empty (`%v !empty`, `%v not empty`, `%v exists`). */
function nonEmptyVariables(conditions: Conjunctions | null): Set<string> {
  const names = new Set<string>();
  for (const disjunction of conditions ?? []) {
    const [only, ...others] = disjunction.clauses;
    if (others.length > 0 || only?.kind !== 'AccessClause' || only.query.parts.length !== 1 || only.query.parts[0]?.kind !== 'Variable') continue;
    const { operator, negated } = only.comparator;
    const positive = negated !== only.not;
    if ((operator === 'Empty' && positive) || (operator === 'Exists' && !positive)) names.add(only.query.parts[0].name);
  }
  return names;
}

function rhsCanBeEmpty(rhs: Rhs): boolean {
  if (rhs.kind === 'Query') return canBeEmpty(rhs);
  return rhs.kind === 'FunctionCall' && rhs.name.name !== 'count';
}
