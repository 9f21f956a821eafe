/** Calls to functions cfn-guard 3.1.1 does not have, or with the wrong number of arguments (both runtime errors). */
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

const ARITY: Readonly<Record<string, number>> = {
  count: 1,
  json_parse: 1,
  regex_replace: 3,
  join: 2,
  substring: 3,
  to_upper: 1,
  to_lower: 1,
  url_decode: 1,
  parse_int: 1,
  parse_float: 1,
  parse_boolean: 1,
  parse_string: 1,
  parse_char: 1,
};

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
