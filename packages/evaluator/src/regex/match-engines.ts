/**
 * The two engines a GuardRegex can run on, behind one interface: V8's RegExp (fast, backtracking)
 * and re2js (linear time, for patterns that would backtrack catastrophically). Both report match
 * positions in UTF-16 units and groups in Rust's numbering.
 */
import { RE2JS } from 're2js';

export interface EngineMatch {
  readonly start: number;
  readonly end: number;
  /** `groups[0]` is the whole match; undefined for a group that did not take part. */
  readonly groups: readonly (string | undefined)[];
}

export interface MatchEngine {
  readonly name: 'v8' | 're2';
  test(text: string): boolean;
  /** The leftmost match starting at or after `from`. */
  find(text: string, from: number): EngineMatch | null;
}

export class V8Engine implements MatchEngine {
  readonly name = 'v8';
  private readonly searcher: RegExp;
  private readonly stepper: RegExp;

  constructor(
    source: string,
    flags: string,
    /** JavaScript group number of each Rust group. */
    private readonly groupMap: readonly number[],
  ) {
    this.searcher = new RegExp(source, flags);
    this.stepper = new RegExp(source, `${flags}g`);
  }

  test(text: string): boolean {
    return this.searcher.test(text);
  }

  find(text: string, from: number): EngineMatch | null {
    this.stepper.lastIndex = from;
    const found = this.stepper.exec(text);
    if (found === null) return null;
    return {
      start: found.index,
      end: found.index + found[0].length,
      groups: this.groupMap.map((javaScriptGroup) => found[javaScriptGroup]),
    };
  }
}

export class Re2Engine implements MatchEngine {
  readonly name = 're2';
  private readonly regex: RE2JS;

  constructor(
    pattern: string,
    private readonly groupCount: number,
  ) {
    this.regex = RE2JS.compile(pattern);
  }

  test(text: string): boolean {
    return this.regex.matcher(text).find();
  }

  find(text: string, from: number): EngineMatch | null {
    const matcher = this.regex.matcher(text);
    if (!matcher.find(from)) return null;
    const groups: (string | undefined)[] = [];
    for (let group = 0; group <= this.groupCount; group++) groups.push(matcher.group(group) ?? undefined);
    return { start: matcher.start(), end: matcher.end(), groups };
  }
}
