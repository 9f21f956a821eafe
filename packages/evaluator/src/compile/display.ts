/**
 * The texts cfn-guard prints for rules-file constructs (its `Display` implementations in
 * `exprs.rs`, `values.rs` and `display.rs`): they become record contexts, `remaining_query`
 * strings and report messages, so they must match the reference character for character.
 */
import { displayOperator, type ComparisonOperator, type SourceSpan } from '@guardts/guard-parser';
import type { Comparison } from '../report/types.js';
import { formatRustFloat } from '../functions/rust-float-format.js';
import type { Value } from '../values/value.js';
import type { CompiledLetValue, CompiledPart } from './ir.js';

export function operatorText(operator: ComparisonOperator): string {
  return displayOperator(operator);
}

/** `display_comparator`: `"not EQUALS "` / `"EXISTS "`. */
export function comparatorText([operator, negated]: Comparison): string {
  return `${negated ? 'not ' : ''}${displayOperator(operator)} `;
}

function partText(part: CompiledPart): string {
  switch (part.kind) {
    case 'key':
      return part.name;
    case 'variable':
      return `%${part.name}`;
    case 'allIndices':
      return '[*]';
    case 'allValues':
      return '*';
    case 'index':
      return String(part.index);
    case 'filter':
      return `${part.capture ?? ''} (filter-clauses)`;
    case 'keysFilter':
      return `${part.capture ?? ''} (map-key-filter-clauses)`;
    case 'this':
      return '_';
  }
}

/** `SliceDisplay`: parts joined with `.`, then `.[` collapsed to `[`. */
export function queryText(parts: readonly CompiledPart[]): string {
  return parts.map(partText).join('.').replaceAll('.[', '[');
}

/**
 * `ValueOnlyDisplay`: how messages, the console reports and `-v` show a value (numbers in Rust's
 * `Display`; the structured reports write serde's forms instead, see report/serde-scalars.ts).
 */
export function valueText(value: Value): string {
  switch (value.kind) {
    case 'null':
      return '"NULL"';
    case 'string':
      return `"${value.value}"`;
    case 'regex':
      return `"/${value.pattern}/"`;
    case 'bool':
      return String(value.value);
    case 'int':
      return String(value.value);
    case 'float':
      return formatRustFloat(value.value);
    case 'char':
      return `'${value.value}'`;
    case 'list':
      return `[${value.items.map(valueText).join(',')}]`;
    case 'map':
      return `{${[...value.entries].map(([key, item]) => `"${key}":${valueText(item)}`).join(',')}}`;
    case 'range': {
      const bound = (b: number | string) => (typeof b !== 'number' ? b : value.rangeKind === 'float' ? formatRustFloat(b) : String(b));
      return `${value.lowerInclusive ? '[' : '('}${bound(value.lower)},${bound(value.upper)}${value.upperInclusive ? ']' : ')'}`;
    }
  }
}

/** `Path=/a/b Value=…`, cfn-guard's `Display` of a value. */
export function pathValueText(value: Value): string {
  return `Path=${value.path} Value=${valueText(value)}`;
}

export function letValueText(value: CompiledLetValue): string {
  switch (value.kind) {
    case 'literal':
      return valueText(value.value);
    case 'query':
      return value.query.text;
    case 'call':
      return `${value.name}(${value.args.map(letValueText).join(', ')})`;
  }
}

/**
 * `FileLocation`'s display. cfn-guard names the rules file there as its command does: `validate`
 * by its base name, `test -r` by the path as given, `test -d` by its stem.
 */
export function locationText(span: SourceSpan, fileName: string): string {
  return `Location[file:${fileName}, line:${span.start.line}, column:${span.start.column}]`;
}

export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}
