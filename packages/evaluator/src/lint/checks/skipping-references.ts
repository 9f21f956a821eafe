/**
 * A rule used as a clause counts as FAIL when it is SKIP (spec §7.5, S7): warn when the referenced
 * rule can be SKIP where it is referenced.
 */
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { knownFacts, RuleTable } from '../rule-table.js';

export function checkSkippingReferences(model: LintModel): LintWarning[] {
  return referencesToSkippingRules(model, new RuleTable(model.file));
}

function referencesToSkippingRules(model: LintModel, table: RuleTable): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const site of model.conjunctions) {
    if (site.context.inConditions) continue;
    const ruleConditions = site.context.rule?.kind === 'NamedRule' ? site.context.rule.conditions : null;
    for (const disjunction of site.clauses) {
      const earlier: string[] = [];
      for (const clause of disjunction.clauses) {
        if (clause.kind !== 'RuleReference') continue;
        const name = clause.name.name;
        if (!clause.not && table.named.has(name) && table.canSkipNamed(name, knownFacts(ruleConditions, earlier))) {
          warnings.push(
            warning(
              'reference-to-skipping-rule',
              `\`${name}\` can be SKIP (its \`when\` may not hold, or nothing may match its selections), and cfn-guard counts a reference to a SKIPped rule as FAIL. If a SKIP should not fail this rule, use \`when ${name} { … }\` instead`,
              clause.span,
            ),
          );
        }
        earlier.push(name);
      }
    }
  }
  return warnings;
}
