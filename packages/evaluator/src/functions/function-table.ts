/** The built-in functions of cfn-guard 3.1.1 and their arity (`validate_number_of_params`). */
export const FUNCTION_ARITY: Readonly<Record<string, number>> = {
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

/** Every function name cfn-guard 3.1.1 knows (`now` and `parse_epoch` only exist from 3.2.0). */
export const FUNCTION_NAMES: readonly string[] = Object.freeze(Object.keys(FUNCTION_ARITY));
