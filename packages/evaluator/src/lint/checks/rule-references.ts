/**
 * References between rules: to names that do not exist or with the wrong number of arguments
 * (runtime errors in cfn-guard), and from inside blocks (named rules always see the document root).
 */
import type { ParameterizedRuleCall, RuleReference } from '@guardts/guard-parser';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { RuleTable } from '../rule-table.js';

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
