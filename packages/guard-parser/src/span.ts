/**
 * A position in a source text. `offset` is 0-based in UTF-16 code units (JavaScript string
 * indices); `line` and `column` are 1-based, the column counted in UTF-16 code units too.
 */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A range of a source file; `end` is exclusive. */
export interface SourceSpan {
  readonly file: string;
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}
