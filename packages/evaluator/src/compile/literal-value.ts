/**
 * Rules-file literals as values. cfn-guard gives a literal the root path `""` and its elements
 * child paths (`/0`, `/key`), which is what its reports print for the RHS of a comparison.
 */
import type { Literal } from '@guardts/guard-parser';
import { childPath, type MapValue, type StringValue, type Value } from '../values/value.js';

export function literalValue(literal: Literal, path = ''): Value {
  // cfn-guard gives literals no position (it prints `[L:0,C:0]` for them); so do we.
  const span = null;
  switch (literal.kind) {
    case 'NullLiteral':
      return { kind: 'null', path, span };
    case 'StringLiteral':
      return { kind: 'string', value: literal.value, path, span };
    case 'IntLiteral':
      return { kind: 'int', value: literal.value, path, span };
    case 'FloatLiteral':
      return { kind: 'float', value: literal.value, path, span };
    case 'BoolLiteral':
      return { kind: 'bool', value: literal.value, path, span };
    case 'RegexLiteral':
      return { kind: 'regex', pattern: literal.pattern, path, span };
    case 'RangeLiteral':
      return {
        kind: 'range',
        rangeKind: literal.lower.kind,
        lower: literal.lower.value,
        upper: literal.upper.value,
        lowerInclusive: literal.lowerInclusive,
        upperInclusive: literal.upperInclusive,
        path,
        span,
      };
    case 'ListLiteral':
      return { kind: 'list', items: literal.elements.map((element, i) => literalValue(element, childPath(path, i))), path, span };
    case 'MapLiteral': {
      const keys: StringValue[] = [];
      const entries = new Map<string, Value>();
      for (const entry of literal.entries) {
        const entryPath = childPath(path, entry.key);
        if (!entries.has(entry.key)) keys.push({ kind: 'string', value: entry.key, path: entryPath, span });
        entries.set(entry.key, literalValue(entry.value, entryPath));
      }
      const map: MapValue = { kind: 'map', keys, entries, path, span };
      return map;
    }
  }
}
