/**
 * Just enough of an evaluator to run the recorded function calls without the real one: data
 * loading (YAML with `validate`'s scalar typing and positions), literals, `S.Key`, `S.Key[*]`,
 * `S.*`, a filter that selects nothing, and nested calls.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { typePlainScalar } from '../../src/document/validate-scalar-typing.js';
import { scalarValue } from '../../src/document/value-factory.js';
import { callFunction } from '../../src/functions/call-function.js';
import type { FunctionResult } from '../../src/functions/function-result.js';
import type { QueryResult } from '../../src/values/query-result.js';
import { childPath, type StringValue, type Value } from '../../src/values/value.js';

export function loadData(text: string): Value {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'failsafe', lineCounter });
  const spanAt = (offset: number): SourceSpan => {
    const { line, col } = lineCounter.linePos(offset);
    const position = { offset, line, column: col };
    return { file: 'data.yaml', start: position, end: position };
  };
  const convert = (node: Node, path: string): Value => {
    const span = spanAt(node.range?.[0] ?? 0);
    if (isSeq(node)) return { kind: 'list', path, span, items: node.items.map((item, i) => convert(item as Node, childPath(path, i))) };
    if (isMap(node)) {
      const keys: StringValue[] = [];
      const entries = new Map<string, Value>();
      for (const pair of node.items) {
        const key = String((pair.key as { value: unknown }).value);
        keys.push({ kind: 'string', value: key, path: childPath(path, key), span });
        entries.set(key, convert(pair.value as Node, childPath(path, key)));
      }
      return { kind: 'map', path, span, keys, entries };
    }
    if (!isScalar(node)) throw new Error('unsupported YAML node');
    const text = String(node.source ?? node.value);
    if (node.type !== 'PLAIN') return { kind: 'string', value: text, path, span };
    const typed = typePlainScalar(text);
    if (typed.kind === 'bad-value') throw new Error(`bad value ${text}`);
    return scalarValue(typed, path, span);
  };
  return convert(document.contents as Node, '');
}

function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const character of text) {
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === '/') {
      quote = character === '/' && depth === 0 && current.trim() === '' ? '/' : character === '"' ? '"' : null;
    } else if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character)) depth--;
    else if (character === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += character;
  }
  parts.push(current.trim());
  return parts;
}

function literal(value: Value): QueryResult[] {
  return [{ kind: 'resolved', value }];
}

function query(text: string, root: Value): QueryResult[] {
  const match = /^S\.(\*|\w+)(\[\*\]|\[ this == "zz" \])?$/.exec(text);
  if (match === null) throw new Error(`unsupported query ${text}`);
  const scope = (root as Extract<Value, { kind: 'map' }>).entries.get('S') as Extract<Value, { kind: 'map' }>;
  if (match[1] === '*') return [...scope.entries.values()].map((value) => ({ kind: 'resolved', value }));
  const value = scope.entries.get(match[1] as string);
  if (value === undefined) {
    return [{ kind: 'unresolved', traversedTo: scope, remainingQuery: text.slice(2), reason: `Could not find key ${match[1]}` }];
  }
  if (match[2] === undefined) return [{ kind: 'resolved', value }];
  if (match[2] !== '[*]') return [];
  if (value.kind !== 'list') return [{ kind: 'resolved', value }];
  if (value.items.length === 0) return [{ kind: 'unresolved', traversedTo: value, remainingQuery: '[*]', reason: 'empty list' }];
  return value.items.map((item) => ({ kind: 'resolved', value: item }));
}

const NO_SPAN = null;

export function evaluateCall(text: string, root: Value): FunctionResult {
  const call = /^(\w+)\((.*)\)$/s.exec(text);
  if (call === null) throw new Error(`not a call: ${text}`);
  const args: QueryResult[][] = [];
  for (const argument of splitArguments(call[2] as string)) {
    if (/^\w+\(/.test(argument)) {
      const inner = evaluateCall(argument, root);
      if (!inner.ok) return inner;
      args.push(inner.results);
    } else if (argument.startsWith('"')) args.push(literal({ kind: 'string', value: argument.slice(1, -1), path: '', span: NO_SPAN }));
    else if (argument.startsWith('/')) args.push(literal({ kind: 'regex', pattern: argument.slice(1, -1), path: '', span: NO_SPAN }));
    else if (argument.startsWith('[')) args.push(literal({ kind: 'list', items: [], path: '', span: NO_SPAN }));
    else if (/^-?[0-9]+$/.test(argument)) args.push(literal({ kind: 'int', value: Number(argument), path: '', span: NO_SPAN }));
    else if (/^-?[0-9]+\.[0-9]+$/.test(argument)) args.push(literal({ kind: 'float', value: Number(argument), path: '', span: NO_SPAN }));
    else args.push(query(argument, root));
  }
  return callFunction(call[1] as string, args, NO_SPAN);
}

const TYPE_NAMES: Readonly<Record<string, string>> = { string: 'String', int: 'int', float: 'float', bool: 'bool', char: 'char', map: 'map', list: 'list' };

function plain(value: Value): unknown {
  switch (value.kind) {
    case 'map':
      return Object.fromEntries([...value.entries].map(([key, item]) => [key, plain(item)]));
    case 'list':
      return value.items.map(plain);
    case 'null':
      return null;
    case 'regex':
      return value.pattern;
    case 'range':
      return null;
    default:
      return value.value;
  }
}

/** A result in the shape the recorder reads from cfn-guard's JSON report. */
export function describeResult(result: QueryResult): { path: string; type: string; value: unknown } {
  if (result.kind !== 'resolved') throw new Error('functions only return resolved values');
  return { path: result.value.path, type: TYPE_NAMES[result.value.kind] ?? result.value.kind, value: plain(result.value) };
}
