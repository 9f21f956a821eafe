/** Rules that reach themselves through references: cfn-guard recurses until it crashes (S41). */
import type { Identifier } from '@guardts/guard-parser';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { RuleTable } from '../rule-table.js';

export function checkRecursiveRules(model: LintModel): LintWarning[] {
  return recursiveReferences(model, new RuleTable(model.file));
}

function recursiveReferences(model: LintModel, table: RuleTable): LintWarning[] {
  const edges = new Map<string, Set<string>>();
  const keyOf = (rule: { kind: string; name: Identifier }): string => `${rule.kind === 'NamedRule' ? 'rule' : 'call'}:${rule.name.name}`;
  for (const rule of [...model.file.rules, ...model.file.parameterizedRules]) {
    const targets = edges.get(keyOf(rule)) ?? new Set<string>();
    for (const key of RuleTable.referencesIn(rule)) targets.add(key);
    edges.set(keyOf(rule), targets);
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const pending = [from];
    while (pending.length > 0) {
      const key = pending.pop() as string;
      if (key === to) return true;
      if (seen.has(key)) continue;
      seen.add(key);
      pending.push(...(edges.get(key) ?? []));
    }
    return false;
  };
  const warnings: LintWarning[] = [];
  for (const { node: clause, context } of model.clauses) {
    if ((clause.kind !== 'RuleReference' && clause.kind !== 'ParameterizedRuleCall') || context.rule === null || context.rule.kind === 'DefaultRule') continue;
    const from = keyOf(context.rule);
    const to = `${clause.kind === 'RuleReference' ? 'rule' : 'call'}:${clause.name.name}`;
    if (table.ruleFor(to) !== null && reaches(to, from)) {
      const loop = to === from ? `\`${clause.name.name}\` refers to itself` : `\`${clause.name.name}\` leads back to \`${context.rule.name.name}\``;
      warnings.push(warning('recursive-rule', `${loop}: cfn-guard recurses until it crashes (stack overflow)`, clause.name.span));
    }
  }
  return warnings;
}
