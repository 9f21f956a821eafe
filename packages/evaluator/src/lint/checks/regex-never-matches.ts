/** Regex literals that compile (cfn-guard would reject them otherwise) but can never match. */
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { whyRegexNeverMatches } from '../regex-analysis.js';

export function checkRegexNeverMatches(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: literal } of model.literals) {
    if (literal.kind !== 'RegexLiteral') continue;
    const reason = whyRegexNeverMatches(literal.pattern);
    if (reason !== null) {
      warnings.push(warning('regex-never-matches', `/${literal.pattern}/ can never match: ${reason}. (Use \`(?m)\` for line anchors, or move the anchor)`, literal.span));
    }
  }
  return warnings;
}
