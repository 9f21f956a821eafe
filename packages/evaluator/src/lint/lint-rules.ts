/**
 * `lintRules`: static checks over a parsed rules file for what cfn-guard 3.1.1 accepts silently
 * but evaluates differently from how it reads. Pure: no I/O, no exceptions for any AST.
 */
import type { RulesFile } from '@guardts/guard-parser';
import { checkComparisons } from './checks/comparisons.js';
import { checkContradictions } from './checks/contradictions.js';
import { checkDuplicateRules } from './checks/duplicate-rules.js';
import { checkEmptyOnVariable } from './checks/empty-on-variable.js';
import { checkFunctions } from './checks/functions.js';
import { checkIgnoredNot } from './checks/ignored-not.js';
import { checkQueryShapes } from './checks/query-shapes.js';
import { checkRegexNeverMatches } from './checks/regex-never-matches.js';
import { checkRecursiveRules } from './checks/recursive-rules.js';
import { checkRuleReferences } from './checks/rule-references.js';
import { checkSkippingReferences } from './checks/skipping-references.js';
import { checkTypeBlockWhen } from './checks/type-block-when.js';
import { checkUnguardedSelection } from './checks/unguarded-selection.js';
import { checkVariables } from './checks/variables.js';
import { buildLintModel, type LintModel } from './lint-model.js';
import type { LintOptions, LintWarning } from './lint-warning.js';
import { withoutSuppressed } from './suppressions.js';

const CHECKS: readonly ((model: LintModel) => LintWarning[])[] = [
  checkIgnoredNot,
  checkUnguardedSelection,
  checkQueryShapes,
  checkEmptyOnVariable,
  checkContradictions,
  checkComparisons,
  checkVariables,
  checkDuplicateRules,
  checkRuleReferences,
  checkSkippingReferences,
  checkRecursiveRules,
  checkRegexNeverMatches,
  checkTypeBlockWhen,
  checkFunctions,
];

export function lintRules(ast: RulesFile, options: LintOptions = {}): readonly LintWarning[] {
  const model = buildLintModel(ast, options.source ?? null);
  const disabled = new Set(options.disabled ?? []);
  const seen = new Set<string>();
  return withoutSuppressed(CHECKS.flatMap((check) => check(model)), model.source)
    .filter((found) => !disabled.has(found.code))
    .filter((found) => {
      // One construct can be reached twice (a clause both in a rule and through its `let`); report it once.
      const key = `${found.code}@${found.span.start.offset}-${found.span.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span.start.offset - b.span.start.offset || a.code.localeCompare(b.code));
}
