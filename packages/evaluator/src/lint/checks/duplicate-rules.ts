/**
 * cfn-guard accepts two rules of one name: both are evaluated and reported, and a reference takes
 * the first copy that is not SKIP (spec §3.3 note 7). Copies guarded by different `when`
 * conditions are deliberate variants (Control Tower writes a template and a hook variant of each
 * rule); two different bodies under one name otherwise are usually a copy-paste slip.
 */
import { structuralKey } from '../ast-utils.js';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { RuleTable } from '../rule-table.js';

export function checkDuplicateRules(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const [name, copies] of new RuleTable(model.file).named) {
    const [first, ...others] = copies;
    if (first === undefined) continue;
    const firstKey = structuralKey({ conditions: first.conditions, body: first.body });
    for (const other of others) {
      if (structuralKey({ conditions: other.conditions, body: other.body }) === firstKey) continue;
      const variants = first.conditions !== null && other.conditions !== null && structuralKey(first.conditions) !== structuralKey(other.conditions);
      if (variants) continue;
      warnings.push(
        warning(
          'duplicate-rule',
          `rule \`${name}\` is already defined at line ${first.name.span.start.line} with a different body; cfn-guard evaluates and reports both, and a reference to \`${name}\` takes the first copy that is not SKIP. Rename one of them`,
          other.name.span,
          [{ message: 'first definition', span: first.name.span }],
        ),
      );
    }
  }
  return warnings;
}
