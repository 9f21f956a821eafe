/**
 * Query shapes whose meaning in cfn-guard 3.1.1 differs from the obvious one: `[-1]` is element
 * 1 (S4), `."200"` is an index (S6), a filter right after `[*]` looks at the enclosing value
 * (S13), and `not exists` on a filter result is SKIP, never PASS, when nothing matches (S9).
 */
import type { Query } from '@guardts/guard-parser';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

export function checkQueryShapes(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: query } of model.queries) warnings.push(...partWarnings(query, model.source));
  for (const { node: clause } of model.clauses) {
    if (clause.kind !== 'AccessClause' || clause.comparator.operator !== 'Exists') continue;
    const notExists = clause.comparator.negated !== clause.not;
    const last = clause.query.parts[clause.query.parts.length - 1];
    if (notExists && (last?.kind === 'Filter' || last?.kind === 'KeysFilter')) {
      warnings.push(
        warning(
          'not-exists-on-filter',
          'when nothing matches the filter, cfn-guard makes this clause SKIP, not PASS (and each match makes it FAIL), so it never passes on a template that has other resources. To require that nothing matches write `… empty`',
          clause.span,
        ),
      );
    }
  }
  return warnings;
}

function partWarnings(query: Query, source: string | null): LintWarning[] {
  const warnings: LintWarning[] = [];
  query.parts.forEach((part, index) => {
    if (part.kind === 'Index') {
      const written = source?.slice(part.span.start.offset, part.span.end.offset) ?? '';
      if (/["']/.test(written)) {
        warnings.push(
          warning(
            'quoted-digit-key',
            `cfn-guard treats a key made only of digits as a list index even when quoted: \`${written.replace(/^\./, '')}\` looks up element ${Math.abs(part.index)} of a list, never the map key "${Math.abs(part.index)}". Reach such keys with \`.*\` or \`[ keys == "${Math.abs(part.index)}" ]\``,
            part.span,
          ),
        );
      } else if (part.index < 0) {
        warnings.push(
          warning(
            'negative-index',
            `cfn-guard uses the absolute value of a negative index: \`[${part.index}]\` is element ${-part.index} counted from the start (the ${ordinal(-part.index + 1)} element), not counted from the end`,
            part.span,
          ),
        );
      }
    }
    if (part.kind === 'Filter' && query.parts[index - 1]?.kind === 'AllIndices') {
      warnings.push(
        warning(
          'filter-after-list-wildcard',
          'after `[*]`, cfn-guard 3.1.1 evaluates this filter against the enclosing value (the document root or the block value), not against each element, so it selects all elements or none. Drop the `[*]`: `Tags[ Key == "env" ]` filters each element',
          part.span,
        ),
      );
    }
  });
  return warnings;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
