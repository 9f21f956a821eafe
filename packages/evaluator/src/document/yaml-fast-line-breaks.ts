/**
 * CRLF text for the YAML fast path. The `yaml` package reads `\r\n` as the line break everywhere
 * (a comment or a plain scalar ends before the `\r`, a block scalar's lines lose it), so a CRLF
 * text reads as its LF twin does, only with offsets moved: the fast path reads the LF twin and
 * puts each span back into the original text. An offset at a line feed of the twin lands on the
 * `\r` before it (where the slow path ends a comment or places an empty value), one past it lands
 * past the `\r\n`. A lone `\r` (a line break to libyaml only) is not for the fast path.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { SourceLocator } from './source-locator.js';

/** Makes the spans of values: offsets of the text the fast path reads, spans into the file's text. */
export interface SpanMaker {
  span(start: number, end: number): SourceSpan;
}

export interface FastPathText {
  readonly text: string;
  readonly spans: SpanMaker;
}

/** The text to read and how to locate its offsets, or undefined to step aside (a lone `\r`). */
export function withLfLineBreaks(locator: SourceLocator): FastPathText | undefined {
  const original = locator.text;
  if (!original.includes('\r')) return { text: original, spans: locator };
  if (/\r(?!\n)/.test(original)) return undefined;
  // Twin offsets of the removed `\r`s: the i-th, at original offset c, is at c - i in the twin.
  const removedAt: number[] = [];
  for (let at = original.indexOf('\r'); at !== -1; at = original.indexOf('\r', at + 1)) removedAt.push(at - removedAt.length);
  const toOriginal = (offset: number): number => offset + countBelow(removedAt, offset);
  return {
    text: original.replaceAll('\r\n', '\n'),
    spans: { span: (start, end) => locator.span(toOriginal(start), toOriginal(end)) },
  };
}

/** How many of the ascending `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
