/**
 * Where a block collection ends, as the `yaml` package decides it (parser.ts `blockMap`,
 * `blockSequence`, `pop`; compose `resolveBlockMap`/`resolveBlockSeq`): the slow path's span of a
 * collection runs to the end of its last value's trailing tokens, and which blank and comment
 * lines count as trailing tokens depends on their indentation:
 *
 * - blanks, a comment and the line feed after a scalar or flow value on its line are the value's;
 * - a comment line indented past the collection, right after such a value (blank lines between
 *   allowed), joins the value too, and so does the line feed after it;
 * - other blank and comment lines start an item of their own, which at the collection's end moves
 *   to the parent when the collection is at column 0 or all its comments are left of it, and
 *   otherwise stays, and then the collection's parent sees it end after them;
 * - after `key:` with nothing but a comment, the empty value ends after all the lines that follow.
 *
 * One instance per open collection receives the tokens of the lines between its values.
 */

export type TriviaState = 'value' | 'start' | 'sep';

export class TrailingTrivia {
  state: TriviaState = 'value';
  /** The end of the last value's tokens (its `range[2]`): where the collection ends. */
  lastValueEnd = 0;
  /** Whether the last value keeps an `end` token list (scalars and flow collections do). */
  private valueHasEnd = false;
  private endLastComment = false;
  /** The trailing item: only blanks so far, the rightmost comment column, its end. */
  private startOnlyBlank = true;
  private startMaxCommentIndent = -1;
  private startEnd = 0;
  /** The pending empty value's separator tokens. */
  private sepHasComment = false;
  private sepEnd = 0;
  /**
   * Line feeds in the separator since its last tag or comment indented past the collection: from
   * two on, the parser hands the tokens after the second to the next entry (see `sepSplits`).
   */
  private sepNewlines = 0;

  constructor(private readonly indent: number) {}

  /** A scalar or flow value and the rest of its line; `endsInComment` when the text ends in that comment. */
  lineValue(end: number, endsInComment: boolean): void {
    this.state = 'value';
    this.valueHasEnd = true;
    this.endLastComment = endsInComment;
    this.lastValueEnd = end;
  }

  blockScalar(end: number): void {
    this.state = 'value';
    this.valueHasEnd = false;
    this.lastValueEnd = end;
  }

  /** `key:` or `-` with nothing after it yet; `hasComment` when a comment follows on the line. */
  pending(hasComment: boolean, lineEnd: number, endsInLineFeed: boolean): void {
    this.state = 'sep';
    this.sepHasComment = hasComment;
    this.sepEnd = lineEnd;
    this.sepNewlines = endsInLineFeed ? 1 : 0;
  }

  /**
   * Whether the parser moves the separator's last tokens to the next entry of the same mapping
   * (parser.ts `blockMap`, "assign newline-separated not indented empty tokens to following node").
   */
  sepSplits(): boolean {
    return this.sepNewlines >= 2;
  }

  /**
   * Whether comment lines wait in a trailing item: a dash then joins that item, and when its value
   * is empty the comments are the value's (it then ends where the entry's tokens end).
   */
  commentsWaiting(): boolean {
    return this.state === 'start' && !this.startOnlyBlank;
  }

  /** The pending value stayed empty (a plain scalar at `emptyAt`). */
  emptyValue(emptyAt: number): void {
    this.state = 'value';
    this.valueHasEnd = false;
    this.lastValueEnd = this.sepHasComment ? this.sepEnd : emptyAt;
  }

  space(end: number): void {
    if (this.state === 'value') this.startItem(false, -1, end);
    else this.extend(false, -1, end);
  }

  comment(indent: number, end: number): void {
    if (this.state === 'value') this.startItem(true, indent, end);
    else if (this.state === 'start' && this.valueHasEnd && this.startOnlyBlank && indent > this.indent) {
      this.state = 'value';
      this.endLastComment = true;
      this.lastValueEnd = end;
    } else this.extend(true, indent, end);
  }

  newline(end: number): void {
    if (this.state === 'sep') this.sepNewlines++;
    if (this.state === 'value') {
      if (this.valueHasEnd && this.endLastComment) {
        this.endLastComment = false;
        this.lastValueEnd = end;
      } else this.startItem(false, -1, end);
    } else this.extend(false, -1, end);
  }

  /** A nested collection, whose trivia is `child`, closed as this collection's last value. */
  afterCollection(child: TrailingTrivia): void {
    this.valueHasEnd = false;
    this.endLastComment = false;
    this.lastValueEnd = child.lastValueEnd;
    if (child.state === 'start' && (child.indent === 0 || child.startMaxCommentIndent < child.indent)) {
      this.state = 'start';
      this.startOnlyBlank = child.startOnlyBlank;
      this.startMaxCommentIndent = child.startMaxCommentIndent;
      this.startEnd = child.startEnd;
    } else {
      if (child.state === 'start') this.lastValueEnd = child.startEnd;
      this.state = 'value';
    }
  }

  private startItem(isComment: boolean, indent: number, end: number): void {
    this.state = 'start';
    this.startOnlyBlank = !isComment;
    this.startMaxCommentIndent = indent;
    this.startEnd = end;
  }

  private extend(isComment: boolean, indent: number, end: number): void {
    if (this.state === 'sep') {
      if (isComment) this.sepHasComment = true;
      if (isComment && indent > this.indent) this.sepNewlines = 0;
      this.sepEnd = end;
      return;
    }
    if (isComment) {
      this.startOnlyBlank = false;
      if (indent > this.startMaxCommentIndent) this.startMaxCommentIndent = indent;
    }
    this.startEnd = end;
  }
}
