/**
 * Turns offsets of one source text into spans: 0-based offsets in UTF-16 code units (JavaScript
 * string indexes), 1-based lines and columns counted as libyaml, and so cfn-guard, counts them:
 * a line ends at `\n`, `\r\n`, a lone `\r`, NEL, LS or PS, and a column counts characters (code
 * points), so `😀` is one column, not two.
 *
 * Positions are rarely asked for (errors and reported values), so nothing is computed while a
 * document loads: line starts, and the offsets of astral characters when the text has any, are
 * found on the first lookup. Lookups are mostly in ascending order, so the previous line is tried
 * first before a binary search.
 */
import type { SourcePosition, SourceSpan } from '@guardts/guard-parser';

const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/g;
const HIGH_SURROGATE = /[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g;

/** Ascending offsets where each line starts. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

/** Ascending offsets of the characters that take two code units (surrogate pairs). */
function astralOffsetsOf(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(HIGH_SURROGATE)) offsets.push(match.index);
  return offsets;
}

/** The index of the last element of ascending `values` that is `<= target` (-1 when none). */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= target) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export class SourceLocator {
  #lineStarts: number[] | null = null;
  #astralOffsets: number[] | null = null;
  private lastLine = 0;

  constructor(
    readonly text: string,
    readonly fileName: string,
  ) {}

  position(offset: number): SourcePosition {
    const starts = (this.#lineStarts ??= lineStartsOf(this.text));
    let line = this.lastLine;
    if (!(starts[line]! <= offset && (line + 1 >= starts.length || offset < starts[line + 1]!))) {
      if (line + 1 < starts.length && starts[line + 1]! <= offset && (line + 2 >= starts.length || offset < starts[line + 2]!)) {
        line += 1;
      } else {
        line = Math.max(0, lastAtOrBefore(starts, offset));
      }
      this.lastLine = line;
    }
    const lineStart = starts[line]!;
    return { offset, line: line + 1, column: offset - lineStart - this.astralBetween(lineStart, offset) + 1 };
  }

  /** How many astral characters start in `[from, to)`: each is one column but two code units. */
  private astralBetween(from: number, to: number): number {
    const astral = (this.#astralOffsets ??= astralOffsetsOf(this.text));
    if (astral.length === 0) return 0;
    return lastAtOrBefore(astral, to - 1) - lastAtOrBefore(astral, from - 1);
  }

  /** A span that works out its lines and columns only when asked (most never are). */
  span(start: number, end: number): SourceSpan {
    return new LazySourceSpan(this, start, end);
  }

  /** `file:line:column` of an offset, the prefix of every load-error message. */
  where(offset: number): string {
    const { line, column } = this.position(offset);
    return `${this.fileName}:${line}:${column}`;
  }
}

/**
 * Loaded documents hold one span per value, and most are never looked at: computing positions on
 * access keeps loading to one small allocation per span. `toJSON` gives the plain shape.
 */
class LazySourceSpan implements SourceSpan {
  readonly #locator: SourceLocator;

  constructor(
    locator: SourceLocator,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#locator = locator;
  }

  get file(): string {
    return this.#locator.fileName;
  }

  get start(): SourcePosition {
    return this.#locator.position(this.startOffset);
  }

  get end(): SourcePosition {
    return this.#locator.position(this.endOffset);
  }

  toJSON(): { file: string; start: SourcePosition; end: SourcePosition } {
    return { file: this.file, start: this.start, end: this.end };
  }
}
