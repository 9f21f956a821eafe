/**
 * The texts cfn-guard prints for rules-file constructs (its `Display` implementations in
 * `exprs.rs`, `values.rs` and `display.rs`): they become record contexts, `remaining_query`
 * strings and report messages, so they must match the reference character for character.
 */
import { displayOperator, type ComparisonOperator, type SourceSpan } from '@guardts/guard-parser';
import type { Comparison } from '../report/types.js';
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

function formatNumber(value: number, float: boolean): string {
  if (!float) return String(value);
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  // Rust prints floats without exponent (1e21 -> 1000000000000000000000).
  if (Math.abs(value) >= 1e21 || (value !== 0 && Math.abs(value) < 1e-6)) {
    return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  }
  return String(value);
}

/** `ValueOnlyDisplay`. */
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
      return formatNumber(value.value, false);
    case 'float':
      return formatNumber(value.value, true);
    case 'char':
      return `'${value.value}'`;
    case 'list':
      return `[${value.items.map(valueText).join(',')}]`;
    case 'map':
      return `{${[...value.entries].map(([key, item]) => `"${key}":${valueText(item)}`).join(',')}}`;
    case 'range': {
      const bound = (b: number | string) => (typeof b === 'number' ? formatNumber(b, value.rangeKind === 'float') : b);
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

/** `FileLocation`'s display; cfn-guard names the rules file by its base name there. */
export function locationText(span: SourceSpan): string {
  return `Location[file:${baseName(span.file)}, line:${span.start.line}, column:${span.start.column}]`;
}

export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}
