/** Calls to functions cfn-guard 3.1.1 does not have, or with the wrong number of arguments (both runtime errors). */
import { FUNCTION_ARITY as ARITY } from '../../functions/function-table.js';
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

const LATER_FUNCTIONS = new Set(['now', 'parse_epoch']);

export function checkFunctions(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: call } of model.calls) {
    const name = call.name.name;
    const arity = ARITY[name];
    if (arity === undefined) {
      const hint = LATER_FUNCTIONS.has(name) ? ` (\`${name}\` exists only from cfn-guard 3.2.0)` : '';
      warnings.push(warning('unknown-function', `cfn-guard 3.1.1 has no function \`${name}\`${hint}; it aborts the whole run with an error when it evaluates this call`, call.name.span));
    } else if (call.arguments.length !== arity) {
      warnings.push(
        warning('function-arity', `\`${name}\` takes ${arity} argument(s) but is given ${call.arguments.length}; cfn-guard aborts the whole run with an error when it evaluates this call`, call.name.span),
      );
    }
  }
  return warnings;
}
