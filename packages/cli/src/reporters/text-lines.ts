/**
 * Positions in a text as SARIF counts them: lines end at CR LF, LF or a lone CR (SARIF §3.30.2, not
 * YAML's NEL / LS / PS), columns count code points (the run's `columnKind: unicodeCodePoints`).
 */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export class TextLines {
  /** UTF-16 offsets where each line starts. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (const match of text.matchAll(/\r\n|\n|\r/g)) this.starts.push(match.index + match[0].length);
  }

  /** The 1-based line and column of a 0-based UTF-16 offset. */
  position(offset: number): TextPosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const start = this.starts[low]!;
    return { line: low + 1, column: Array.from(this.text.slice(start, offset)).length + 1 };
  }
}
