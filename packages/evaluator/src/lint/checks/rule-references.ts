/**
 * References between rules: to names that do not exist (a runtime error in cfn-guard), with the
 * wrong number of arguments, in cycles (cfn-guard recurses until it crashes), to rules that can
 * SKIP (a reference to a SKIPped rule FAILs), and from inside blocks (named rules always see the
 * document root).
 */
import type { Identifier, ParameterizedRuleCall, RuleReference } from '@guardts/guard-parser';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { knownFacts, RuleTable } from '../rule-table.js';

export function checkRuleReferences(model: LintModel): LintWarning[] {
  const table = new RuleTable(model.file);
  const warnings: LintWarning[] = [];
  for (const { node: clause, context } of model.clauses) {
    if (clause.kind === 'RuleReference') {
      const unknown = unknownReference(clause, table, model);
      if (unknown !== null) {
        warnings.push(unknown);
        continue;
      }
      if (context.inBlock) {
        warnings.push(
          warning(
            'rule-reference-in-block',
            `\`${clause.name.name}\` is evaluated against the document root, not against the value of the enclosing block or filter: named rules always see the whole document. Use a parameterized rule to check the current value`,
            clause.span,
          ),
        );
      }
    }
    if (clause.kind === 'ParameterizedRuleCall') {
      const problem = callProblem(clause, table);
      if (problem !== null) warnings.push(problem);
    }
  }
  warnings.push(...referencesToSkippingRules(model, table));
  warnings.push(...recursiveReferences(model, table));
  return warnings;
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

function unknownReference(reference: RuleReference, table: RuleTable, model: LintModel): LintWarning | null {
  const name = reference.name.name;
  if (table.named.has(name)) return null;
  const parameterized = table.parameterized.get(name);
  let hint = '';
  if (parameterized !== undefined) {
    hint = `: \`${name}\` takes ${parameterized.parameters.length} parameter(s), call it as \`${name}(…)\``;
  } else {
    const glued = model.literals.find(({ node }) => (node.kind === 'BoolLiteral' || node.kind === 'NullLiteral') && node.span.end.offset === reference.name.span.start.offset);
    if (glued !== undefined) {
      const word = model.source?.slice(glued.node.span.start.offset, glued.node.span.end.offset) ?? (glued.node.kind === 'BoolLiteral' ? String(glued.node.value) : 'null');
      hint = `: cfn-guard reads a right-hand side that starts with \`${word}\` as the literal \`${word}\` followed by a rule named \`${name}\`. Quote the value ('${word}${name}') if it is a string`;
    }
  }
  return warning('unknown-rule', `there is no rule named \`${name}\` in this file${hint}; cfn-guard aborts the whole run with an error when it evaluates this reference`, reference.name.span);
}

function callProblem(call: ParameterizedRuleCall, table: RuleTable): LintWarning | null {
  const name = call.name.name;
  const target = table.parameterized.get(name);
  if (target === undefined) {
    const hint = table.named.has(name) ? `: \`${name}\` takes no parameters, reference it as \`${name}\` on its own line` : '';
    return warning('unknown-rule', `there is no parameterized rule named \`${name}\` in this file${hint}; cfn-guard aborts the whole run with an error when it evaluates this call`, call.name.span);
  }
  if (target.parameters.length !== call.arguments.length) {
    return warning(
      'parameterized-rule-arity',
      `\`${name}\` takes ${target.parameters.length} argument(s) but is called with ${call.arguments.length}; cfn-guard aborts the whole run with an error when it evaluates this call`,
      call.name.span,
      [{ message: `\`${name}\` defined here`, span: target.name.span }],
    );
  }
  return null;
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
