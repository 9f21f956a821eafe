/**
 * Calls a built-in function the way cfn-guard 3.1.1's `try_handle_function_call` does. The name
 * and the argument count are checked here (at evaluation time, as in cfn-guard); arguments are
 * the evaluated result lists of each argument. Every failure is an EvaluationError value.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import { valueText } from '../compile/display.js';
import { compileGuardRegex } from '../regex/guard-regex.js';
import { expandReplacement } from '../regex/replacement.js';
import type { QueryResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';
import { parseBoolean, parseChar, parseFloat, parseInt, parseString } from './converters.js';
import { pathWithLocation } from '../values/value-location.js';
import { fail, type FunctionResult, succeed } from './function-result.js';
import { FUNCTION_ARITY } from './function-table.js';
import { mapResolved, type Mapped } from './per-value.js';
import { substring, toLower, toU16, toUpper, urlDecode } from './string-functions.js';
import { parseYamlText, type YamlTextParser } from './yaml-text-parser.js';

export interface CallFunctionOptions {
  /** How `json_parse` reads text; defaults to a serde_yaml-compatible reader. */
  readonly parseYaml?: YamlTextParser;
}

type Arguments = readonly (readonly QueryResult[])[];

function perValue(results: readonly QueryResult[], map: (value: Value) => Mapped, span: SourceSpan | null): FunctionResult {
  const mapped = mapResolved(results, map);
  return mapped.ok ? succeed(mapped.values) : fail('function-failed', mapped.message, span);
}

/**
 * Where an aggregate (`count`, `join`) says it comes from: its first result's path and position,
 * as cfn-guard copies the first value's `Path` (which carries the location) into the result.
 */
function originOf(results: readonly QueryResult[]): Pick<Value, 'path' | 'span'> {
  const first = results[0];
  if (first === undefined) return { path: '', span: null };
  const value = first.kind === 'resolved' ? first.value : first.traversedTo;
  return { path: value.path, span: value.span };
}

/** `count`: the number of resolved results, at the path of the first result. */
function count(results: readonly QueryResult[]): FunctionResult {
  const counted = results.filter((result) => result.kind === 'resolved').length;
  return succeed([{ kind: 'int', value: counted, ...originOf(results) }]);
}

/**
 * The first result of an argument that must be a single scalar (regex_replace's pattern,
 * substring's bounds, join's delimiter). cfn-guard indexes `[0]` and panics on an empty list;
 * here that is a clean error.
 */
function firstValue(results: readonly QueryResult[]): Value | null {
  const first = results[0];
  return first !== undefined && first.kind === 'resolved' ? first.value : null;
}

function join(args: Arguments, span: SourceSpan | null): FunctionResult {
  const delimiterValue = firstValue(args[1] as readonly QueryResult[]);
  if (delimiterValue === null || (delimiterValue.kind !== 'string' && delimiterValue.kind !== 'char')) {
    return fail('function-argument', 'join function requires the second argument to be either a char or string', span);
  }
  const parts: string[] = [];
  const results = args[0] as readonly QueryResult[];
  for (const result of results) {
    if (result.kind === 'unresolved') {
      return fail(
        'function-argument',
        `Joining unresolved values is not allowed Path=${pathWithLocation(result.traversedTo)} Value=${valueText(result.traversedTo)}, unsatisfied part ${result.remainingQuery}`,
        span,
      );
    }
    if (result.value.kind !== 'string') {
      return fail('function-argument', `Joining non string values Path=${pathWithLocation(result.value)} Value=${valueText(result.value)}`, span);
    }
    parts.push(result.value.value);
  }
  return succeed([{ kind: 'string', value: parts.join(delimiterValue.value), ...originOf(results) }]);
}

function regexReplace(args: Arguments, span: SourceSpan | null): FunctionResult {
  const pattern = firstValue(args[1] as readonly QueryResult[]);
  if (pattern === null || pattern.kind !== 'string') {
    return fail('function-argument', 'regex_replace function requires the second argument to be a string', span);
  }
  const replacement = firstValue(args[2] as readonly QueryResult[]);
  if (replacement === null || replacement.kind !== 'string') {
    return fail('function-argument', 'regex_replace function requires the third argument to be a string', span);
  }
  const values: Value[] = [];
  for (const result of args[0] as readonly QueryResult[]) {
    if (result.kind !== 'resolved' || result.value.kind !== 'string') continue;
    // cfn-guard compiles the pattern per string, so a bad pattern only fails when there is a string.
    const compiled = compileGuardRegex(pattern.value);
    if (!compiled.ok) return fail('regex-invalid', `invalid regular expression ${pattern.value}: ${compiled.message}`, span);
    let replaced = '';
    // Only the expansions are kept: text between matches is dropped (cfn-guard 3.1.1's behaviour).
    for (const match of compiled.regex.matches(result.value.value)) {
      replaced += expandReplacement(replacement.value, compiled.regex, match);
    }
    values.push({ ...result.value, value: replaced });
  }
  return succeed(values);
}

function substringCall(args: Arguments, span: SourceSpan | null): FunctionResult {
  const bounds: number[] = [];
  for (const [position, name] of [[1, 'second'], [2, 'third']] as const) {
    const value = firstValue(args[position] as readonly QueryResult[]);
    const bound = value === null ? null : toU16(value);
    if (bound === null) return fail('function-argument', `substring function requires the ${name} argument to be a number`, span);
    bounds.push(bound);
  }
  return perValue(args[0] as readonly QueryResult[], substring(bounds[0] as number, bounds[1] as number), span);
}

function jsonParse(results: readonly QueryResult[], parseYaml: YamlTextParser, span: SourceSpan | null): FunctionResult {
  const values: Value[] = [];
  for (const result of results) {
    if (result.kind !== 'resolved' || result.value.kind !== 'string') continue;
    const parsed = parseYaml(result.value.value, result.value.path, result.value.span);
    if (!parsed.ok) return fail('function-failed', `json_parse: ${parsed.message}`, span);
    values.push(parsed.value);
  }
  return succeed(values);
}

export function callFunction(
  name: string,
  args: Arguments,
  span: SourceSpan | null,
  options: CallFunctionOptions = {},
): FunctionResult {
  const arity = Object.hasOwn(FUNCTION_ARITY, name) ? FUNCTION_ARITY[name] : undefined;
  if (arity === undefined) return fail('unknown-function', `no such function named ${name} exists`, span);
  if (args.length !== arity) {
    return fail('function-arity', `${name} function requires ${arity} arguments be passed, but received ${args.length}`, span);
  }
  const first = args[0] as readonly QueryResult[];
  switch (name) {
    case 'count':
      return count(first);
    case 'json_parse':
      return jsonParse(first, options.parseYaml ?? parseYamlText, span);
    case 'regex_replace':
      return regexReplace(args, span);
    case 'join':
      return join(args, span);
    case 'substring':
      return substringCall(args, span);
    case 'to_upper':
      return perValue(first, toUpper, span);
    case 'to_lower':
      return perValue(first, toLower, span);
    case 'url_decode':
      return perValue(first, urlDecode, span);
    case 'parse_int':
      return perValue(first, parseInt, span);
    case 'parse_float':
      return perValue(first, parseFloat, span);
    case 'parse_boolean':
      return perValue(first, parseBoolean, span);
    case 'parse_string':
      return perValue(first, parseString, span);
    case 'parse_char':
      return perValue(first, parseChar, span);
    default:
      return fail('unknown-function', `no such function named ${name} exists`, span);
  }
}
