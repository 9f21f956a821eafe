/**
 * How cfn-guard prints where a value is: `/Resources/Fn/Properties[L:4,C:6]`, with a 0-based line
 * and column (spans here are 1-based). Values without a span (rule literals, synthesised values)
 * print `[L:0,C:0]`, as the reference does for its literals.
 */
import type { Value } from './value.js';

export function referenceLocation(value: Pick<Value, 'span'>): string {
  const start = value.span?.start;
  return start === undefined ? '[L:0,C:0]' : `[L:${start.line - 1},C:${start.column - 1}]`;
}

export function pathWithLocation(value: Pick<Value, 'path' | 'span'>): string {
  return `${value.path}${referenceLocation(value)}`;
}
