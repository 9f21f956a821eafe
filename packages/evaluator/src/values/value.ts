/**
 * The values that rules look at: data documents, literals of the rules file and function
 * results share one representation. Documents are loaded once into these nodes and never copied;
 * every node knows its path (cfn-guard's JSON-pointer-like `/Resources/Fn/Properties`) and, when it
 * comes from a file, its exact span there.
 */
import type { SourceSpan } from '@guardts/guard-parser';

export type ValueKind =
  | 'null'
  | 'string'
  | 'int'
  | 'float'
  | 'bool'
  | 'list'
  | 'map'
  | 'regex'
  | 'range'
  | 'char';

interface ValueBase {
  /** `/Resources/Fn/Properties/TracingConfig/Mode`; `''` for the root and for rule literals. */
  readonly path: string;
  /** Where the value is written: the data file for data, the rules file for literals; `null` when synthesised. */
  readonly span: SourceSpan | null;
}

export interface NullValue extends ValueBase {
  readonly kind: 'null';
}

export interface StringValue extends ValueBase {
  readonly kind: 'string';
  readonly value: string;
}

/** A 64-bit integer in cfn-guard; a JavaScript number here (exact up to ±2^53). */
export interface IntValue extends ValueBase {
  readonly kind: 'int';
  readonly value: number;
}

export interface FloatValue extends ValueBase {
  readonly kind: 'float';
  readonly value: number;
}

export interface BoolValue extends ValueBase {
  readonly kind: 'bool';
  readonly value: boolean;
}

export interface ListValue extends ValueBase {
  readonly kind: 'list';
  readonly items: readonly Value[];
}

/**
 * A map with string keys in insertion order. A duplicate key keeps its first position and its
 * last value. `keys[i]` is the key as a value (its path is the entry's path, its span the key's).
 */
export interface MapValue extends ValueBase {
  readonly kind: 'map';
  readonly keys: readonly StringValue[];
  readonly entries: ReadonlyMap<string, Value>;
}

/** A regex literal of the rules file; `pattern` is in Rust regex syntax. */
export interface RegexValue extends ValueBase {
  readonly kind: 'regex';
  readonly pattern: string;
}

export interface RangeValue extends ValueBase {
  readonly kind: 'range';
  readonly rangeKind: 'int' | 'float' | 'char';
  readonly lower: number | string;
  readonly upper: number | string;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
}

/** Produced only by `parse_char`; never equal to a string. */
export interface CharValue extends ValueBase {
  readonly kind: 'char';
  readonly value: string;
}

export type Value =
  | NullValue
  | StringValue
  | IntValue
  | FloatValue
  | BoolValue
  | ListValue
  | MapValue
  | RegexValue
  | RangeValue
  | CharValue;

/** Appends a key or index to a path the way cfn-guard prints it. */
export function childPath(parent: string, key: string | number): string {
  return `${parent}/${key}`;
}
