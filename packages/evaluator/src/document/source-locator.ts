/**
 * Turns offsets of one source text into spans (1-based line and column, 0-based offset, all in
 * UTF-16 code units). Line starts are found once; lookups are mostly in ascending order, so the
 * previous answer is tried first before a binary search.
 */
import type { SourcePosition, SourceSpan } from '@guardts/guard-parser';

export class SourceLocator {
  private readonly lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(
    readonly text: string,
    readonly fileName: string,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): SourcePosition {
    const starts = this.lineStarts;
    let line = this.lastLine;
    if (!(starts[line]! <= offset && (line + 1 >= starts.length || offset < starts[line + 1]!))) {
      if (line + 1 < starts.length && starts[line + 1]! <= offset && (line + 2 >= starts.length || offset < starts[line + 2]!)) {
        line += 1;
      } else {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (starts[mid]! <= offset) low = mid;
          else high = mid - 1;
        }
        line = low;
      }
      this.lastLine = line;
    }
    return { offset, line: line + 1, column: offset - starts[line]! + 1 };
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
