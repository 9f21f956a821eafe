/**
 * cfn-guard 3.1.1 parses a clause-level `not` before a binary comparison and before a
 * parameterized-rule call, then ignores it (spec §6.8, S1, S33): the clause means the opposite
 * of what it says.
 */
import { oppositeOperatorText, operatorText } from '../ast-utils.js';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

export function checkIgnoredNot(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: clause } of model.clauses) {
    if (clause.kind === 'AccessClause' && clause.not && clause.rhs !== null) {
      const written = operatorText(clause.comparator);
      warnings.push(
        warning(
          'ignored-not-before-comparison',
          `cfn-guard ignores a \`not\` placed before a comparison: this clause checks \`${written}\`, not its opposite. Drop the \`not\` and write the negated operator (\`${oppositeOperatorText(clause.comparator)}\`)`,
          clause.span,
        ),
      );
    }
    if (clause.kind === 'ParameterizedRuleCall' && clause.not) {
      warnings.push(
        warning(
          'ignored-not-before-call',
          `cfn-guard ignores a \`not\` placed before a parameterized rule call: \`not ${clause.name.name}(…)\` has exactly the status of \`${clause.name.name}(…)\`. Negate the check inside the rule (or add a parameter for it)`,
          clause.span,
        ),
      );
    }
  }
  return warnings;
}
