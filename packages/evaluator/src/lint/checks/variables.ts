/** `let`s that are never read or silently replaced, and `%names` that resolve to nothing. */
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

export function checkVariables(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const binding of model.bindings) {
    if (binding.kind !== 'let' || binding.statement === null) continue;
    if (binding.replaces !== null) {
      const earlier = binding.replaces.declaration.span;
      warnings.push(
        warning(
          'let-redefined',
          `\`${binding.name}\` is already defined at line ${earlier.start.line} in this scope; cfn-guard silently uses this later value everywhere in the scope, even above this line`,
          binding.declaration.span,
          [{ message: 'first definition', span: earlier }],
        ),
      );
    } else if (binding.uses === 0 && binding.replacedBy === null) {
      warnings.push(warning('unused-let', `\`${binding.name}\` is assigned but never used`, binding.declaration.span));
    }
  }
  for (const use of model.variableUses) {
    if (use.binding !== null || use.isCapture) continue;
    const elsewhere = model.bindings.find((binding) => binding.name === use.part.name);
    const hint =
      elsewhere === undefined
        ? ''
        : ` (a \`${use.part.name}\` is defined at line ${elsewhere.declaration.span.start.line}, but not in a scope visible here: a rule's \`when\` sees only file-level lets, a block sees its own and the enclosing ones)`;
    warnings.push(
      warning(
        'unknown-variable',
        `\`%${use.part.name}\` is not defined${hint}; cfn-guard aborts the whole run with an error when it evaluates this`,
        use.part.span,
        elsewhere === undefined ? [] : [{ message: `\`${use.part.name}\` defined here`, span: elsewhere.declaration.span }],
      ),
    );
  }
  return warnings;
}
