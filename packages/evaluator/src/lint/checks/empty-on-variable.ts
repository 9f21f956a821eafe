/**
 * `%v empty` / `%v !empty` on a lone variable tests how many values the variable holds (and
 * whether they are null), not whether its value is an empty list, map or string (spec §6.2, S15):
 * with `let t = Cfg.Items` and `Items: []`, `%t empty` FAILs while `Cfg.Items empty` PASSes.
 * Variables whose query ends in a filter or a wildcard are what the special mode is for.
 */
import { queryText } from '../ast-utils.js';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { loneVariable } from '../static-values.js';

export function checkEmptyOnVariable(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: clause, context } of model.clauses) {
    // `%v !empty` is the usual way to ask "does v hold anything?", which is what it answers.
    if (clause.kind !== 'AccessClause' || clause.comparator.operator !== 'Empty' || clause.comparator.negated !== clause.not) continue;
    const name = loneVariable(clause.query);
    const value = name === null ? null : context.scope.lookup(name)?.value;
    if (value?.kind !== 'Query') continue;
    const last = value.parts[value.parts.length - 1];
    if (last?.kind !== 'Key' && last?.kind !== 'Index') continue;
    warnings.push(
      warning(
        'empty-on-variable',
        `\`%${name} empty\` tests whether \`${name}\` holds no value (or only null), not whether its value is an empty list, map or string: with \`[]\` or \`""\` there, \`%${name} empty\` FAILs and \`%${name} !empty\` PASSes. To test the value, write the query itself (\`${queryText(value)} empty\`)`,
        clause.span,
      ),
    );
  }
  return warnings;
}
