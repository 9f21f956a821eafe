/**
 * Value → plain JSON-compatible data, for reporters and tests. Iterative, so values as deep as
 * the loaders accept cannot overflow the stack. Map keys keep their order; regexes and ranges
 * become the strings cfn-guard prints for them.
 */
import type { RangeValue, Value } from './value.js';

export type JsonData = null | boolean | number | string | JsonData[] | { [key: string]: JsonData };

function rangeText(range: RangeValue): string {
  const lower = range.rangeKind === 'char' ? `'${String(range.lower)}'` : String(range.lower);
  const upper = range.rangeKind === 'char' ? `'${String(range.upper)}'` : String(range.upper);
  return `r${range.lowerInclusive ? '[' : '('}${lower},${upper}${range.upperInclusive ? ']' : ')'}`;
}

function leaf(value: Value): JsonData {
  switch (value.kind) {
    case 'null':
      return null;
    case 'string':
    case 'char':
      return value.value;
    case 'int':
    case 'float':
      return value.value;
    case 'bool':
      return value.value;
    case 'regex':
      return `/${value.pattern}/`;
    case 'range':
      return rangeText(value);
    case 'list':
      return [];
    case 'map':
      return {};
  }
}

function setKey(target: { [key: string]: JsonData }, key: string, data: JsonData): void {
  // defineProperty, so that a key named `__proto__` is data, not a prototype change.
  Object.defineProperty(target, key, { value: data, enumerable: true, writable: true, configurable: true });
}

export function valueToJson(value: Value): JsonData {
  const root = leaf(value);
  const stack: Array<{ value: Value; data: JsonData }> = [{ value, data: root }];
  while (stack.length > 0) {
    const { value: current, data } = stack.pop()!;
    if (current.kind === 'list') {
      const array = data as JsonData[];
      for (const item of current.items) {
        const child = leaf(item);
        array.push(child);
        if (item.kind === 'list' || item.kind === 'map') stack.push({ value: item, data: child });
      }
    } else if (current.kind === 'map') {
      const object = data as { [key: string]: JsonData };
      for (const key of current.keys) {
        const item = current.entries.get(key.value)!;
        const child = leaf(item);
        setKey(object, key.value, child);
        if (item.kind === 'list' || item.kind === 'map') stack.push({ value: item, data: child });
      }
    }
  }
  return root;
}
