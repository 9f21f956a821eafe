/**
 * cfn-guard's `ReadCursor` over a data file's lines, stateful as the original: the console report
 * shares one cursor across all its code excerpts, and its seek/next arithmetic decides which lines
 * appear, including when an excerpt starts near the top of the file.
 */
export class ReadCursor {
  private lineNumber = 0;
  private readonly read: [number, string][] = [];
  private nextIndex = 0;
  private readonly lines: string[];

  constructor(text: string) {
    // Rust's `str::lines`: split on \n, drop a trailing \r, no final empty line.
    const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    this.lines = lines;
  }

  private pull(): string | undefined {
    return this.nextIndex < this.lines.length ? this.lines[this.nextIndex++] : undefined;
  }

  next(): [number, string] | undefined {
    if (this.lineNumber < this.read.length) {
      this.lineNumber += 1;
      return this.read[this.lineNumber - 1];
    }
    const line = this.pull();
    if (line === undefined) return undefined;
    this.lineNumber += 1;
    this.read.push([this.lineNumber, line]);
    return this.read[this.lineNumber - 1];
  }

  seekLine(line: number): [number, string] | undefined {
    if (this.read.length > line) {
      this.lineNumber = line;
      return this.read[this.lineNumber - 1];
    }
    for (;;) {
      const text = this.pull();
      if (text === undefined) return undefined;
      this.lineNumber += 1;
      this.read.push([this.lineNumber, text]);
      if (this.lineNumber === line) return this.read[this.lineNumber - 1];
    }
  }
}
