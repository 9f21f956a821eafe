/**
 * Two lines of one conjunction (ANDed) that test the same query in ways no value satisfies at
 * once: `X == "a"` with `X == "b"`, `X == 1` with `X != 1`, `X exists` with `X not exists`,
 * `X is_string` with `X is_int`. In a `when` this means the guarded part is always SKIP.
 * Queries that can yield nothing (filters, variables) are left alone: there every clause SKIPs
 * and the conjunction may still pass through its other lines.
 */
import type { AccessClause, Disjunction } from '@guardts/guard-parser';
import { literalText, queryText, structuralKey } from '../ast-utils.js';
import type { ConjunctionSite, LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { canBeEmpty } from '../rule-table.js';
import { isScalar, staticSideOfRhs } from '../static-values.js';

/** What one clause requires of every value of its query. */
type Requirement =
  | { readonly kind: 'equals'; readonly value: string; readonly text: string }
  | { readonly kind: 'differs'; readonly value: string; readonly text: string }
  | { readonly kind: 'exists'; readonly holds: boolean }
  | { readonly kind: 'empty'; readonly holds: boolean }
  | { readonly kind: 'type'; readonly type: string };

export function checkContradictions(model: LintModel): LintWarning[] {
  return model.conjunctions.flatMap((site) => contradictionsIn(site));
}

function contradictionsIn(site: ConjunctionSite): LintWarning[] {
  const seen = new Map<string, { clause: AccessClause; requirement: Requirement }[]>();
  const warnings: LintWarning[] = [];
  for (const disjunction of site.clauses) {
    const clause = soleAccessClause(disjunction);
    if (clause === null || clause.query.some || canBeEmpty(clause.query)) continue;
    const requirement = requirementOf(clause, site);
    if (requirement === null) continue;
    const key = structuralKey(clause.query);
    const earlier = seen.get(key) ?? [];
    const conflict = earlier.find((entry) => conflicts(entry.requirement, requirement));
    if (conflict !== undefined) warnings.push(contradiction(site, clause, conflict.clause, requirement));
    earlier.push({ clause, requirement });
    seen.set(key, earlier);
  }
  return warnings;
}

function soleAccessClause(disjunction: Disjunction): AccessClause | null {
  const [only, ...others] = disjunction.clauses;
  return only !== undefined && others.length === 0 && only.kind === 'AccessClause' ? only : null;
}

function requirementOf(clause: AccessClause, site: ConjunctionSite): Requirement | null {
  const { operator, negated } = clause.comparator;
  if (clause.rhs === null) {
    const holds = negated !== clause.not;
    if (operator === 'Exists') return { kind: 'exists', holds: !holds };
    if (operator === 'Empty') return { kind: 'empty', holds: !holds };
    return holds ? null : { kind: 'type', type: operator };
  }
  if (operator !== 'Eq') return null;
  const right = staticSideOfRhs(clause.rhs, site.context.scope);
  if (right?.literal == null || !isScalar(right.type) || right.type === 'regex') return null;
  const value = structuralKey(right.literal);
  const text = literalText(right.literal);
  return negated ? { kind: 'differs', value, text } : { kind: 'equals', value, text };
}

function conflicts(a: Requirement, b: Requirement): boolean {
  if (a.kind === 'equals' && b.kind === 'equals') return a.value !== b.value;
  if (a.kind === 'equals' && b.kind === 'differs') return a.value === b.value;
  if (a.kind === 'differs' && b.kind === 'equals') return a.value === b.value;
  if ((a.kind === 'exists' && b.kind === 'exists') || (a.kind === 'empty' && b.kind === 'empty')) return a.holds !== b.holds;
  if (a.kind === 'type' && b.kind === 'type') return a.type !== b.type;
  return false;
}

function contradiction(site: ConjunctionSite, clause: AccessClause, earlier: AccessClause, b: Requirement): LintWarning {
  const query = queryText(clause.query);
  const emptyList = b.kind === 'equals' || b.kind === 'differs' ? ' (except when it is an empty list)' : '';
  const where = `line ${earlier.span.start.line}`;
  if (site.role === 'rule-conditions' || site.role === 'when-conditions' || site.role === 'type-block-conditions') {
    return warning(
      'when-never-holds',
      `this condition contradicts the one on ${where}: no value of \`${query}\` satisfies both${emptyList}, so the \`when\` never holds and everything it guards is always SKIP`,
      clause.span,
      [{ message: 'the other condition', span: earlier.span }],
    );
  }
  const subject = site.role === 'filter' ? 'this filter never selects anything' : 'these lines can never PASS together';
  return warning(
    'contradictory-clauses',
    `this clause contradicts the one on ${where}: no value of \`${query}\` satisfies both${emptyList}, so ${subject}. Lines are ANDed; join alternatives with \`or\``,
    clause.span,
    [{ message: 'the other clause', span: earlier.span }],
  );
}
