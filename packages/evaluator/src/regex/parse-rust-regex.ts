/**
 * A parser for Guard's regex dialect that follows fancy-regex 0.13's own parser (`parse.rs`)
 * step by step: it decides what is a syntax error, how inline flags are scoped, which escapes
 * exist (`\h` is a hex digit there) and how groups are numbered. Bracketed classes follow
 * regex-syntax, to which fancy-regex hands them over.
 */
import { parseClass } from './parse-character-class.js';
import { parseEscape } from './parse-escape.js';
import type { ParsedRegex, RegexNode } from './syntax-tree.js';

export type ParseRegexResult = { readonly ok: true; readonly regex: ParsedRegex } | { readonly ok: false; readonly message: string };

export class RegexSyntaxError extends Error {}

export interface RegexFlags {
  caseInsensitive: boolean;
  multiLine: boolean;
  dotAll: boolean;
  swapGreed: boolean;
  ignoreWhitespace: boolean;
}

const MAX_DEPTH = 64;
const EMPTY: RegexNode = { type: 'empty' };

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class RustRegexParser {
  private flags: RegexFlags = {
    caseInsensitive: false,
    multiLine: false,
    dotAll: false,
    swapGreed: false,
    ignoreWhitespace: false,
  };
  private currentGroup = 0;
  private readonly groupNames = new Map<string, number>();
  private numericBackrefs = false;

  constructor(readonly source: string) {}

  parse(): ParsedRegex {
    const [end, root] = this.parseAlternation(0, 0);
    if (end < this.source.length) this.fail(end, 'unexpected `)` or quantifier');
    return { root, groupCount: this.currentGroup, groupNames: this.groupNames };
  }

  fail(index: number, message: string): never {
    throw new RegexSyntaxError(`${message} (at offset ${index})`);
  }

  get currentFlags(): Readonly<RegexFlags> {
    return this.flags;
  }

  at(index: number): string {
    return this.source[index] ?? '';
  }

  private parseAlternation(index: number, depth: number): [number, RegexNode] {
    let [next, child] = this.parseBranch(index, depth);
    next = this.skipWhitespace(next);
    if (this.at(next) === '|') {
      const branches = [child];
      while (this.at(next) === '|') {
        const [after, branch] = this.parseBranch(next + 1, depth);
        branches.push(branch);
        next = this.skipWhitespace(after);
      }
      return [next, { type: 'alternation', branches }];
    }
    if (this.numericBackrefs && this.groupNames.size > 0) {
      this.fail(next, 'numbered back-references cannot be mixed with named groups');
    }
    return [next, child];
  }

  private parseBranch(index: number, depth: number): [number, RegexNode] {
    const items: RegexNode[] = [];
    let position = index;
    while (position < this.source.length) {
      const [next, child] = this.parsePiece(position, depth);
      if (next === position) break;
      if (child.type !== 'empty') items.push(child);
      position = next;
    }
    if (items.length === 0) return [position, EMPTY];
    if (items.length === 1) return [position, items[0] as RegexNode];
    return [position, { type: 'concat', items }];
  }

  private parsePiece(index: number, depth: number): [number, RegexNode] {
    const [afterAtom, child] = this.parseAtom(index, depth);
    let position = this.skipWhitespace(afterAtom);
    if (position >= this.source.length) return [position, child];
    let min: number;
    let max: number;
    const symbol = this.at(position);
    if (symbol === '?') [min, max] = [0, 1];
    else if (symbol === '*') [min, max] = [0, Infinity];
    else if (symbol === '+') [min, max] = [1, Infinity];
    else if (symbol === '{') {
      const repeat = this.parseRepeat(position);
      // fancy-regex reads a `{` that does not start a valid repetition as a literal.
      if (repeat === null) return [position, child];
      [position, min, max] = [repeat[0] - 1, repeat[1], repeat[2]];
    } else return [position, child];
    if (child.type === 'look' || child.type === 'empty' || child.type === 'assertion') {
      this.fail(position, 'target of repeat operator is invalid');
    }
    position = this.skipWhitespace(position + 1);
    let greedy = true;
    if (this.at(position) === '?') {
      greedy = false;
      position++;
    }
    if (this.flags.swapGreed) greedy = !greedy;
    const repeat: RegexNode = { type: 'repeat', child, min, max, greedy };
    if (this.at(position) === '+') return [position + 1, { type: 'atomic', child: repeat }];
    return [position, repeat];
  }

  /** `{n}`, `{n,}`, `{n,m}`, `{,m}`; null when the text is not a repetition. */
  private parseRepeat(index: number): [number, number, number] | null {
    let position = this.skipWhitespace(index + 1);
    let min: number;
    if (this.at(position) === ',') min = 0;
    else {
      const number = this.parseDecimal(position);
      if (number === null) return null;
      [position, min] = number;
    }
    position = this.skipWhitespace(position);
    let max: number;
    if (this.at(position) === '}') max = min;
    else if (this.at(position) === ',') {
      position = this.skipWhitespace(position + 1);
      const number = this.parseDecimal(position);
      if (number === null) max = Infinity;
      else [position, max] = number;
    } else return null;
    position = this.skipWhitespace(position);
    if (this.at(position) !== '}') return null;
    if (min > max) this.fail(index, 'invalid repetition range: the minimum is larger than the maximum');
    return [position + 1, min, max];
  }

  parseDecimal(index: number): [number, number] | null {
    let end = index;
    while (/[0-9]/.test(this.at(end))) end++;
    if (end === index) return null;
    const value = Number(this.source.slice(index, end));
    if (!Number.isSafeInteger(value)) return null;
    return [end, value];
  }

  private parseAtom(index: number, depth: number): [number, RegexNode] {
    const position = this.skipWhitespace(index);
    if (position >= this.source.length) return [position, EMPTY];
    const symbol = this.at(position);
    switch (symbol) {
      case '.':
        return [position + 1, { type: 'any', dotAll: this.flags.dotAll }];
      case '^':
        return [position + 1, { type: 'assertion', kind: this.flags.multiLine ? 'start-line' : 'start-text' }];
      case '$':
        return [position + 1, { type: 'assertion', kind: this.flags.multiLine ? 'end-line' : 'end-text' }];
      case '(':
        return this.parseGroup(position, depth);
      case '\\':
        return parseEscape(this, position, false);
      case '+':
      case '*':
      case '?':
      case '|':
      case ')':
        return [position, EMPTY];
      case '[':
        return parseClass(this, position);
      default: {
        const codePoint = this.source.codePointAt(position) as number;
        return [
          position + (codePoint > 0xffff ? 2 : 1),
          { type: 'literal', codePoint, caseInsensitive: this.flags.caseInsensitive },
        ];
      }
    }
  }

  private parseGroup(index: number, depth: number): [number, RegexNode] {
    if (depth + 1 >= MAX_DEPTH) this.fail(index, 'the pattern is nested too deeply');
    const position = this.skipWhitespace(index + 1);
    const rest = this.source.slice(position);
    let look: { direction: 'ahead' | 'behind'; negated: boolean } | null = null;
    let skip = 0;
    let capture = false;
    let atomic = false;
    if (rest.startsWith('?=')) [look, skip] = [{ direction: 'ahead', negated: false }, 2];
    else if (rest.startsWith('?!')) [look, skip] = [{ direction: 'ahead', negated: true }, 2];
    else if (rest.startsWith('?<=')) [look, skip] = [{ direction: 'behind', negated: false }, 3];
    else if (rest.startsWith('?<!')) [look, skip] = [{ direction: 'behind', negated: true }, 3];
    else if (rest.startsWith('?<') || rest.startsWith('?P<')) {
      const prefix = rest.startsWith('?<') ? 1 : 2;
      this.currentGroup++;
      const id = parseIdentifier(rest.slice(prefix), '<', '>', false);
      if (id === null) this.fail(position, 'invalid group name');
      this.groupNames.set(id.name, this.currentGroup);
      [skip, capture] = [prefix + id.length, true];
    } else if (rest.startsWith('?P=')) {
      return this.parseNamedBackref(position + 3, '', ')', false);
    } else if (rest.startsWith('?>')) {
      [skip, atomic] = [2, true];
    } else if (rest.startsWith('?(')) {
      this.fail(position, 'conditionals `(?(…)…)` are not supported by guardts');
    } else if (rest.startsWith('?')) {
      return this.parseFlags(position, depth + 1);
    } else {
      this.currentGroup++;
      capture = true;
    }
    const groupIndex = this.currentGroup;
    const [end, child] = this.parseAlternation(position + skip, depth + 1);
    const after = this.expectCloseParen(end);
    if (look !== null) return [after, { type: 'look', ...look, child }];
    if (atomic) return [after, { type: 'atomic', child }];
    return [after, capture ? { type: 'group', index: groupIndex, child } : child];
  }

  private expectCloseParen(index: number): number {
    const position = this.skipWhitespace(index);
    if (position >= this.source.length) this.fail(position, 'unclosed group');
    if (this.at(position) !== ')') this.fail(position, 'expected `)`');
    return position + 1;
  }

  private parseFlags(index: number, depth: number): [number, RegexNode] {
    const start = index + 1;
    let position = start;
    let negate = false;
    const saved = { ...this.flags };
    const unknown = (at: number): never => this.fail(at, `unknown flag in \`(?${this.source.slice(start, at + 1)}\``);
    for (;;) {
      position = this.skipWhitespace(position);
      if (position >= this.source.length) this.fail(position, 'unclosed group');
      const symbol = this.at(position);
      switch (symbol) {
        case 'i':
          this.flags.caseInsensitive = !negate;
          break;
        case 'm':
          this.flags.multiLine = !negate;
          break;
        case 's':
          this.flags.dotAll = !negate;
          break;
        case 'U':
          this.flags.swapGreed = !negate;
          break;
        case 'x':
          this.flags.ignoreWhitespace = !negate;
          break;
        case 'u':
          if (negate) this.fail(position, 'non-Unicode mode `(?-u)` is not supported');
          break;
        case '-':
          if (negate) unknown(position);
          negate = true;
          break;
        case ')':
          if (position === start || (negate && position === start + 1)) unknown(position);
          // Like fancy-regex, the flags stay in force to the end of the pattern, not of the group.
          return [position + 1, EMPTY];
        case ':': {
          if (negate && position === start + 1) unknown(position);
          const [end, child] = this.parseAlternation(position + 1, depth);
          if (end >= this.source.length) this.fail(end, 'unclosed group');
          if (this.at(end) !== ')') this.fail(end, 'expected `)`');
          this.flags = saved;
          return [end + 1, child];
        }
        default:
          unknown(position);
      }
      position++;
    }
  }

  parseNamedBackref(index: number, open: string, close: string, allowRelative: boolean): [number, RegexNode] {
    const id = parseIdentifier(this.source.slice(index), open, close, allowRelative);
    if (id === null) this.fail(index, 'invalid group name in back-reference');
    let group = this.groupNames.get(id.name);
    if (group === undefined && /^-?[0-9]+$/.test(id.name)) {
      const number = Number(id.name);
      group = number >= 0 ? number : this.currentGroup + number + 1;
    }
    if (group === undefined || group < 0) this.fail(index, `invalid group name in back-reference: ${id.name}`);
    return [index + id.length, { type: 'backref', group }];
  }

  parseNumberedBackref(index: number): [number, RegexNode] {
    const number = this.parseDecimal(index);
    if (number !== null && number[1] < utf8Length(this.source) / 2) {
      this.numericBackrefs = true;
      return [number[0], { type: 'backref', group: number[1] }];
    }
    this.fail(index, 'invalid back-reference');
  }

  /** Spaces and `#` comments in `(?x)` mode, and `(?#…)` comments always. */
  skipWhitespace(index: number): number {
    let position = index;
    for (;;) {
      if (position >= this.source.length) return position;
      const symbol = this.at(position);
      if (symbol === '#' && this.flags.ignoreWhitespace) {
        const newline = this.source.indexOf('\n', position);
        if (newline < 0) return this.source.length;
        position = newline + 1;
      } else if ((symbol === ' ' || symbol === '\r' || symbol === '\n' || symbol === '\t') && this.flags.ignoreWhitespace) {
        position++;
      } else if (this.source.startsWith('(?#', position)) {
        position += 3;
        for (;;) {
          if (position >= this.source.length) this.fail(position, 'unclosed comment group');
          const inside = this.at(position);
          if (inside === ')') {
            position++;
            break;
          }
          position += inside === '\\' ? 2 : 1;
        }
      } else return position;
    }
  }
}

/** fancy-regex's `parse_id`: a name of letters, digits and `_` (or `-digits` when relative). */
function parseIdentifier(
  text: string,
  open: string,
  close: string,
  allowRelative: boolean,
): { name: string; length: number } | null {
  if (!text.startsWith(open)) return null;
  const body = text.slice(open.length);
  const pattern = allowRelative && body.startsWith('-') ? /^-[0-9]*/ : /^[\p{Alphabetic}\p{N}_]*/u;
  const name = (pattern.exec(body) as RegExpExecArray)[0];
  const rest = body.slice(name.length);
  if (close === '' ? rest.length > 0 : !rest.startsWith(close)) return null;
  if (name.length === 0) return null;
  return { name, length: open.length + name.length + close.length };
}

export function parseRustRegex(pattern: string): ParseRegexResult {
  try {
    return { ok: true, regex: new RustRegexParser(pattern).parse() };
  } catch (error) {
    if (error instanceof RegexSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}
