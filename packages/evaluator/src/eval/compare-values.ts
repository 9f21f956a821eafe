/**
 * Value comparison exactly as cfn-guard 3.1.1's `path_value.rs`: `compare_values` (ordering),
 * `compare_eq` (equality used by operators) and `PartialEq` (equality used by `contains` in set
 * and membership tests). They differ on purpose: `compare_eq` reports "not comparable" for
 * mismatched types (which FAILs every operator), `PartialEq` quietly answers false, and both are
 * asymmetric for ranges (`5 == r[1,10]` holds, `r[1,10] == 5` does not).
 */
import type { RangeValue, Value } from '../values/value.js';
import { regexMatches } from './regex-cache.js';

/** "The two values cannot be compared", with the reference's reason (reports print it). */
export class NotComparable {
  constructor(readonly reason: string) {}
}
export type Ordering = -1 | 0 | 1;

/** Rust's `str::cmp`: byte-wise UTF-8, i.e. code point order (JS compares UTF-16 units). */
export function compareStrings(a: string, b: string): Ordering {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) < codePointOrder(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/** Surrogates (astral code points) sort after U+E000–U+FFFF in code point order. */
function codePointOrder(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

function numberOrder(a: number, b: number): Ordering {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `compare_values`: an ordering, or why there is none. */
export function compareOrder(first: Value, other: Value): Ordering | NotComparable {
  if (first.kind === 'null' && other.kind === 'null') return 0;
  if (first.kind === 'int' && other.kind === 'int') return numberOrder(first.value, other.value);
  if (first.kind === 'string' && other.kind === 'string') return compareStrings(first.value, other.value);
  if (first.kind === 'float' && other.kind === 'float') {
    if (Number.isNaN(first.value) || Number.isNaN(other.value)) return new NotComparable('Float values are not comparable');
    return numberOrder(first.value, other.value);
  }
  if (first.kind === 'char' && other.kind === 'char') return compareStrings(first.value, other.value);
  return new NotComparable(`PathAwareValues are not comparable ${typeInfo(first)}, ${typeInfo(other)}`);
}

export function isWithin(value: Value, range: RangeValue): boolean {
  const v = value.kind === 'char' ? value.value : value.kind === 'int' || value.kind === 'float' ? value.value : null;
  if (v === null) return false;
  const lower = typeof v === 'string' ? compareStrings(v, range.lower as string) : numberOrder(v, range.lower as number);
  const upper = typeof v === 'string' ? compareStrings(v, range.upper as string) : numberOrder(v, range.upper as number);
  const aboveLower = range.lowerInclusive ? lower >= 0 : lower > 0;
  const belowUpper = range.upperInclusive ? upper <= 0 : upper < 0;
  return aboveLower && belowUpper;
}

function rangeMatches(value: Value, range: Value): boolean | null {
  if (range.kind !== 'range') return null;
  if (value.kind === 'int' && range.rangeKind === 'int') return isWithin(value, range);
  if (value.kind === 'float' && range.rangeKind === 'float') return isWithin(value, range);
  if (value.kind === 'char' && range.rangeKind === 'char') return isWithin(value, range);
  return null;
}

/** `compare_eq`: true / false, or NotComparable (also when a nested pair is not comparable). */
export function compareEq(first: Value, second: Value): boolean | NotComparable {
  if (first.kind === 'string') {
    if (second.kind === 'regex') return regexMatches(second.pattern, first.value);
    if (second.kind === 'string') return first.value === second.value;
  }
  if (first.kind === 'regex') {
    if (second.kind === 'string') return regexMatches(first.pattern, second.value);
    if (second.kind === 'regex') return first.pattern === second.pattern;
  }
  if (first.kind === 'map' && second.kind === 'map') {
    if (first.entries.size !== second.entries.size) return false;
    for (const [key, value] of first.entries) {
      const other = second.entries.get(key);
      if (other === undefined) return false;
      const equal = compareEq(value, other);
      if (equal !== true) return equal;
    }
    return true;
  }
  if (first.kind === 'list' && second.kind === 'list') {
    if (first.items.length !== second.items.length) return false;
    for (let i = 0; i < first.items.length; i++) {
      const equal = compareEq(first.items[i]!, second.items[i]!);
      if (equal !== true) return equal;
    }
    return true;
  }
  if (first.kind === 'bool' && second.kind === 'bool') return first.value === second.value;
  const inRange = rangeMatches(first, second);
  if (inRange !== null) return inRange;
  const order = compareOrder(first, second);
  return order instanceof NotComparable ? order : order === 0;
}

/** `PartialEq for PathAwareValue`: never "not comparable", just false. */
export function valueEquals(first: Value, second: Value): boolean {
  if (first.kind === 'map' && second.kind === 'map') {
    if (first.entries.size !== second.entries.size) return false;
    for (const [key, value] of first.entries) {
      const other = second.entries.get(key);
      if (other === undefined || !valueEquals(value, other)) return false;
    }
    return true;
  }
  if (first.kind === 'list' && second.kind === 'list') {
    if (first.items.length !== second.items.length) return false;
    for (let i = 0; i < first.items.length; i++) if (!valueEquals(first.items[i]!, second.items[i]!)) return false;
    return true;
  }
  if (first.kind === 'bool' && second.kind === 'bool') return first.value === second.value;
  if (first.kind === 'string' && second.kind === 'regex') return safeRegex(second.pattern, first.value);
  if (first.kind === 'regex' && second.kind === 'string') return safeRegex(first.pattern, second.value);
  if (first.kind === 'regex' && second.kind === 'regex') return first.pattern === second.pattern;
  const inRange = rangeMatches(first, second);
  if (inRange !== null) return inRange;
  return compareOrder(first, second) === 0;
}

function safeRegex(pattern: string, text: string): boolean {
  try {
    return regexMatches(pattern, text);
  } catch {
    return false;
  }
}

/** `slice.contains(x)`: Rust compares each element `y == x` with the element on the left. */
export function containsValue(list: readonly Value[], x: Value): boolean {
  for (const y of list) if (valueEquals(y, x)) return true;
  return false;
}

export function isScalar(value: Value): boolean {
  return value.kind !== 'list' && value.kind !== 'map';
}

/** `type_info`. */
export function typeInfo(value: Value): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'string':
      return 'String';
    case 'regex':
      return 'Regex';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'char':
      return 'char';
    case 'list':
      return 'array';
    case 'map':
      return 'map';
    case 'range':
      return value.rangeKind === 'int' ? 'range(int, int)' : value.rangeKind === 'float' ? 'range(float, float)' : 'range(char, char)';
  }
}
