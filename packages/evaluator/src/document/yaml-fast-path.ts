/**
 * A fast path for block-style YAML data files (CloudFormation templates as people write them):
 * one pass over the lines, building the values directly, where the slow path runs the `yaml`
 * package's lexer, CST parser and composer and then converts (yaml-first-document.ts,
 * validate-yaml-converter.ts). The result must be the slow path's, spans included, so where a
 * node starts and ends follows the `yaml` package: a collection ends where its last value's
 * trailing blanks and comments end, and which comment lines those are is its CST parser's rule
 * (see {@link TrailingTrivia}).
 *
 * Read here: block mappings and sequences (compact `- k: v` and `- - x`, sequences at their key's
 * column), plain scalars (folded over lines), one-line quoted scalars, block scalars, flow
 * collections (lines continued past the block's indentation), local tags and `!!str|int|float|
 * bool|null` on scalars, empty values, comments, `---` first, CRLF. Anything else (anchors,
 * aliases, `? ` keys, multi-line quoted scalars, tabs outside block-scalar text, a lone CR, NEL,
 * a BOM, directives, `...`, a second document, non-string keys, pairs in flow sequences …) makes
 * it step aside (`undefined`), and the slow path decides, errors included.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { ListValue, MapValue, StringValue, Value } from '../values/value.js';
import { childPath } from '../values/value.js';
import { sequenceShortForm } from './cfn-short-forms.js';
import type { DocumentLoadResult } from './load-result.js';
import type { SourceLocator } from './source-locator.js';
import type { SpanMaker } from './yaml-fast-line-breaks.js';
import { withLfLineBreaks } from './yaml-fast-line-breaks.js';
import type { OpenMap } from './value-factory.js';
import { openMap, putEntry } from './value-factory.js';
import { typePlainScalar } from './validate-scalar-typing.js';
import { readBlockScalar, tabsAreText } from './yaml-fast-block-scalar.js';
import { FlowReader } from './yaml-fast-flow.js';
import type { Tag } from './yaml-fast-scalars.js';
import { LF, isBlank, lineEnd, readImplicitKey, readQuoted, readTag, scalarNodeValue, scanPlain, skipSpaces, startsPlain, unfoldPlain } from './yaml-fast-scalars.js';
import { TrailingTrivia } from './yaml-fast-trivia.js';

/**
 * Characters whose handling differs between libyaml and the `yaml` package, or is subtle in both.
 * Tabs are read in the text of block scalars only (scripts have them); anywhere else the reader
 * steps aside. CRLF line breaks are read (yaml-fast-line-breaks.ts), a lone CR is not.
 */
const NOT_FOR_FAST_PATH = /[\u0085\u2028\u2029\uFEFF]/;

const HASH = 35;
const DASH = 45;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A value awaiting its content: `key:` or `-` with nothing (but a tag or a comment) after it on the line. */
interface Pending {
  readonly path: string;
  readonly key: StringValue | null;
  /** Where the slow path puts an empty value: past the indicator (or tag) and the blanks after it. */
  readonly emptyAt: number;
  readonly tag: Tag | null;
  readonly tagStart: number;
  /**
   * Whether a line since lowered the lexer's `indentNext` (lexer.ts `parseLineStart`: a line left
   * of it whose second character is not blank), which then decides how far a value on a later
   * line continues: a value on its own line is only read when nothing did.
   */
  indentNextLowered: boolean;
}

interface Frame {
  readonly kind: 'map' | 'seq';
  /** Column of the keys or dashes. */
  readonly indent: number;
  readonly spanStart: number;
  /** The path of the entries' parent: the map's, or the list's (under a short-form wrapper). */
  readonly path: string;
  readonly value: Mutable<MapValue> | Mutable<ListValue>;
  readonly wrapper: Mutable<MapValue> | null;
  readonly map: OpenMap | null;
  readonly items: Value[] | null;
  readonly trivia: TrailingTrivia;
  pending: Pending | null;
}

export function loadYamlFastPath(locator: SourceLocator, maxDepth: number): DocumentLoadResult | undefined {
  if (NOT_FOR_FAST_PATH.test(locator.text)) return undefined;
  const source = withLfLineBreaks(locator);
  if (source === undefined) return undefined;
  try {
    const root = new BlockReader(source.text, source.spans, maxDepth).read();
    return root === undefined ? undefined : { ok: true, document: root };
  } catch (error) {
    if (error instanceof StepAside) return undefined;
    throw error;
  }
}

class BlockReader {
  private readonly text: string;
  private readonly flow: FlowReader;
  private readonly stack: Frame[] = [];
  private root: Value | undefined;
  /**
   * A key starting at `remappedKeyAt` is located from `remappedKeyTo`: the slow path locates a
   * node at its properties by offset (yaml-first-document.ts), and the offsets it maps for a tag
   * include where the next key starts when only blanks separate them.
   */
  private remappedKeyAt = -1;
  private remappedKeyTo = -1;
  /** The first tab at or after the last offset asked about (-1: none); offsets asked about only grow. */
  private nextTab = -1;

  constructor(
    text: string,
    private readonly spans: SpanMaker,
    private readonly maxDepth: number,
  ) {
    this.text = text;
    this.flow = new FlowReader(spans, text);
    this.nextTab = text.indexOf('\t');
  }

  /** Whether a tab is in `[from, to)`; `from` never decreases between calls, so all calls scan the text once. */
  private tabIn(from: number, to: number): boolean {
    if (this.nextTab !== -1 && this.nextTab < from) this.nextTab = this.text.indexOf('\t', from);
    return this.nextTab !== -1 && this.nextTab < to;
  }

  read(): Value | undefined {
    const text = this.text;
    const length = text.length;
    let pos = 0;
    let seenContent = false;
    while (pos < length) {
      const lineStart = pos;
      const first = skipSpaces(text, lineStart);
      const c = text.charCodeAt(first);
      const eol = lineEnd(text, first);
      const next = eol < length ? eol + 1 : length;
      // Block scalars are skipped whole, tabs in their text included (they check their own).
      if (this.tabIn(lineStart, eol + 1)) return undefined;
      if (first >= length || c === LF || c === HASH) {
        this.trivia(lineStart, first, eol, next);
        pos = next;
        continue;
      }
      const column = first - lineStart;
      if (column === 0 && (text.startsWith('---', first) || text.startsWith('...', first)) && isBlank(text, first + 3)) {
        // A document start before any content (with at most a comment after it) is all the fast path reads.
        if (seenContent || text.startsWith('...', first)) return undefined;
        const after = skipSpaces(text, first + 3);
        if (after !== eol && (text.charCodeAt(after) !== HASH || after === first + 3)) return undefined;
        seenContent = true;
        pos = next;
        continue;
      }
      if (column === 0 && c === 37) return undefined; // `%` directive
      seenContent = true;
      const after = this.content(first, column);
      if (after === undefined) return undefined;
      pos = after;
    }
    if (this.stack.length === 0) return undefined;
    while (this.stack.length > 0) this.close();
    return this.root;
  }

  /** A blank or comment-only line: its tokens go to the innermost open collection. */
  private trivia(lineStart: number, first: number, eol: number, next: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) return;
    const indent = first - lineStart;
    if (frame.pending !== null && indent <= frame.indent && !isBlank(this.text, first + 1)) frame.pending.indentNextLowered = true;
    const isComment = first < this.text.length && this.text.charCodeAt(first) === HASH;
    if (indent > 0) frame.trivia.space(first);
    if (isComment) frame.trivia.comment(indent, eol);
    if (eol < this.text.length) frame.trivia.newline(next);
  }

  /** A line with content at `first` (column `column`); returns where the next line starts. */
  private content(first: number, column: number): number | undefined {
    const text = this.text;
    const dash = text.charCodeAt(first) === DASH && isBlank(text, first + 1);
    let top = this.stack[this.stack.length - 1];
    if (top === undefined) return this.open(first, column, dash, null, '', null);
    // The line's indentation is a token the innermost collection receives before the content.
    if (column > 0) top.trivia.space(first);
    if (top.pending !== null) {
      const pending = top.pending;
      if (column > top.indent && !dash && !this.startsKey(first)) {
        // `key:` then its scalar or flow value on the next line.
        if (pending.indentNextLowered) return undefined;
        top.pending = null;
        return this.value(top, pending.key, pending.path, first, false, pending.tag, pending.tagStart);
      }
      if (column > top.indent || (column === top.indent && top.kind === 'map' && dash && pending.tag === null)) {
        top.pending = null;
        if (pending.tag !== null && !dash) this.remapKey(first, pending.tagStart);
        return this.open(first, column, dash, pending.tag, pending.path, pending.tag === null ? null : pending.tagStart, pending.key, top);
      }
      // The line's indentation is a token of the empty value's separator, unless the parser moved it on.
      const moved = column === top.indent && top.kind === 'map' && top.trivia.sepSplits();
      if (pending.tag !== null && column > 0 && !moved) this.remapKey(first, pending.tagStart);
      this.finishEmpty(top);
    }
    for (;;) {
      if (column < top.indent || (column === top.indent && top.kind === 'seq' && !dash && this.stack.length > 1)) {
        if (this.stack.length === 1) return undefined;
        this.close();
        top = this.stack[this.stack.length - 1]!;
        continue;
      }
      break;
    }
    if (column !== top.indent) return undefined;
    return top.kind === 'seq' ? this.seqEntry(top, first) : this.mapEntry(top, first);
  }

  /**
   * Opens a block collection whose first entry is at `first` (a dash or a key) and reads that
   * entry; it is the value of `parent`'s pending entry (or the root when there is no parent).
   */
  private open(first: number, column: number, dash: boolean, tag: Tag | null, path: string, tagStart: number | null, key: StringValue | null = null, parent: Frame | null = null): number | undefined {
    if (this.stack.length + 2 >= this.maxDepth) return undefined;
    if (tag !== null && tag.core) return undefined;
    const spanStart = tagStart ?? first;
    let frame: Frame;
    if (dash) {
      const longName = tag === null ? undefined : sequenceShortForm(tag.name);
      const listPath = longName === undefined ? path : childPath(path, longName);
      const items: Value[] = [];
      const list: Mutable<ListValue> = { kind: 'list', path: listPath, span: null, items };
      let wrapper: Mutable<MapValue> | null = null;
      if (longName !== undefined) {
        const open = openMap(path, null);
        putEntry(open, { kind: 'string', path: listPath, span: null, value: longName }, list);
        wrapper = open.value;
      }
      frame = { kind: 'seq', indent: column, spanStart, path: listPath, value: list, wrapper, map: null, items, trivia: new TrailingTrivia(column), pending: null };
    } else {
      const map = openMap(path, null);
      frame = { kind: 'map', indent: column, spanStart, path, value: map.value, wrapper: null, map, items: null, trivia: new TrailingTrivia(column), pending: null };
    }
    const value = frame.wrapper ?? frame.value;
    if (parent === null) this.root = value;
    else this.place(parent, key, value);
    this.stack.push(frame);
    return dash ? this.seqEntry(frame, first) : this.mapEntry(frame, first);
  }

  private place(frame: Frame, key: StringValue | null, value: Value): void {
    if (frame.map !== null) putEntry(frame.map, key!, value);
    else frame.items!.push(value);
  }

  /** Closes the innermost collection: its span, and where its trailing comments go. */
  private close(): void {
    const frame = this.stack.pop()!;
    if (frame.pending !== null) this.finishEmpty(frame);
    const span = this.span(frame.spanStart, frame.trivia.lastValueEnd);
    frame.value.span = span;
    if (frame.wrapper !== null) {
      frame.wrapper.span = span;
      (frame.wrapper.keys[0] as Mutable<StringValue>).span = span;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent !== undefined) parent.trivia.afterCollection(frame.trivia);
  }

  /** `- …` at `first` in a sequence. */
  private seqEntry(frame: Frame, first: number): number | undefined {
    if (this.text.charCodeAt(first) !== DASH || !isBlank(this.text, first + 1)) return undefined;
    return this.value(frame, null, childPath(frame.path, frame.items!.length), first + 1, frame.trivia.commentsWaiting());
  }

  /** `key: …` at `first` in a mapping. */
  private mapEntry(frame: Frame, first: number): number | undefined {
    const read = readImplicitKey(this.text, first, false);
    if (read === undefined || !isBlank(this.text, read.colon + 1)) return undefined;
    const { value, end, colon } = read;
    // The `yaml` package refuses implicit keys over 1024 characters; the slow path reports it.
    if (colon - first > 1000) return undefined;
    const keyStart = first === this.remappedKeyAt ? this.remappedKeyTo : first;
    const key: StringValue = { kind: 'string', path: childPath(frame.path, value), span: this.span(keyStart, end), value };
    return this.value(frame, key, key.path, colon + 1);
  }

  /** What follows an indicator (`:` or `-`) at `from`: the entry's value, or a pending one. */
  private value(frame: Frame, key: StringValue | null, path: string, from: number, commentsBefore = false, keyLineTag: Tag | null = null, keyLineTagStart = -1): number | undefined {
    const text = this.text;
    let pos = skipSpaces(text, from);
    // A value on the line after its key may have its tag on the key's line.
    let tag = keyLineTag;
    let tagStart = keyLineTagStart;
    if (text.charCodeAt(pos) === 33) {
      if (tag !== null) return undefined;
      tag = readTag(text, pos) ?? null;
      if (tag === null) return undefined;
      tagStart = pos;
      pos = skipSpaces(text, tag.end);
    }
    const start = tag === null ? pos : tagStart;
    const c = text.charCodeAt(pos);
    let eol = lineEnd(text, pos);
    let next = eol < text.length ? eol + 1 : text.length;
    if (pos >= text.length || c === LF || c === HASH) {
      frame.pending = { path, key, emptyAt: pos, tag, tagStart, indentNextLowered: false };
      frame.trivia.pending(c === HASH || commentsBefore, next, eol < text.length);
      return next;
    }
    if (c === DASH && isBlank(text, pos + 1)) {
      // `- - a`: a sequence in a sequence entry.
      if (key !== null || tag !== null) return undefined;
      return this.open(pos, pos - this.lineStartOf(pos), true, null, path, null, null, frame);
    }
    let node: Value | undefined;
    let end: number;
    if (c === 91 || c === 123) {
      const flow = this.flow.read(pos, tag, start, path, this.maxDepth - this.stack.length - 2, frame.indent);
      if (flow === undefined) return undefined;
      node = flow.value;
      end = flow.end;
      if (end > eol) {
        // Over several lines: the main loop checked the first one for tabs only.
        eol = lineEnd(text, end);
        next = eol < text.length ? eol + 1 : text.length;
        if (this.tabIn(pos, eol)) return undefined;
      }
    } else if (c === 124 || c === 62) {
      const block = readBlockScalar(text, pos, frame.indent);
      if (block === undefined) return undefined;
      if (this.tabIn(pos, block.tabsCheckedUntil + 1) && !tabsAreText(text, pos, block.tabsCheckedUntil)) return undefined;
      node = scalarNodeValue(tag, block.text, false, path, this.span(start, block.end));
      if (node === undefined) return undefined;
      this.place(frame, key, node);
      frame.trivia.blockScalar(block.end);
      return block.end;
    } else if (c === 34 || c === 39) {
      const quoted = readQuoted(text, pos);
      if (quoted === undefined) return undefined;
      end = quoted.end;
      const after = skipSpaces(text, end);
      if (text.charCodeAt(after) === 58 && isBlank(text, after + 1)) return this.compactMap(frame, key, tag, path, pos);
      node = scalarNodeValue(tag, quoted.text, false, path, this.span(start, end));
    } else {
      if (!startsPlain(text, pos, false)) return undefined;
      const extent = scanPlain(text, pos, false);
      if (extent.colon !== -1) return this.compactMap(frame, key, tag, path, pos);
      end = extent.end;
      let source = text.slice(pos, end);
      if (text.charCodeAt(skipSpaces(text, end)) === LF) {
        const last = this.plainContinuation(end, frame.indent + 1);
        if (last === undefined) return undefined;
        if (last !== end) {
          source = unfoldPlain(text.slice(pos, last));
          end = last;
          eol = lineEnd(text, end);
          next = eol < text.length ? eol + 1 : text.length;
        }
      }
      node = scalarNodeValue(tag, source, true, path, this.span(start, end));
    }
    if (node === undefined) return undefined;
    // Only blanks and a comment may follow on the line.
    const after = skipSpaces(text, end);
    if (after !== eol && (text.charCodeAt(after) !== HASH || after === end)) return undefined;
    this.place(frame, key, node);
    frame.trivia.lineValue(next, eol >= text.length && after !== eol);
    return next;
  }

  /**
   * Where a plain scalar ending its line at `end` really ends: the lexer continues it on the lines
   * indented at least `indentNext` (blank lines between allowed) until a comment; `undefined`
   * when a continuation line holds a `key:` indicator or a tab (the slow path decides).
   */
  private plainContinuation(end: number, indentNext: number): number | undefined {
    const text = this.text;
    let last = end;
    let at = lineEnd(text, end) + 1;
    while (at < text.length) {
      const first = skipSpaces(text, at);
      const c = text.charCodeAt(first);
      if (c === LF) {
        at = first + 1;
        continue;
      }
      if (first >= text.length || first - at < indentNext || c === HASH) break;
      const extent = scanPlain(text, first, false);
      if (extent.colon !== -1) return undefined;
      last = extent.end;
      if (text.charCodeAt(skipSpaces(text, last)) !== LF) break;
      at = lineEnd(text, last) + 1;
    }
    return last !== end && this.tabIn(end, lineEnd(text, last)) ? undefined : last;
  }

  /** Whether the line at `first` starts with a `key:` (plain or quoted). */
  private startsKey(first: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(first);
    if (c === 34 || c === 39) {
      const quoted = readQuoted(text, first);
      if (quoted === undefined) return false;
      const colon = skipSpaces(text, quoted.end);
      return text.charCodeAt(colon) === 58 && isBlank(text, colon + 1);
    }
    return startsPlain(text, first, false) && scanPlain(text, first, false).colon !== -1;
  }

  /** `- key: value`: a mapping starting in a sequence entry, its keys at the column of `first`. */
  private compactMap(frame: Frame, key: StringValue | null, tag: Tag | null, path: string, first: number): number | undefined {
    if (key !== null || tag !== null) return undefined;
    return this.open(first, first - this.lineStartOf(first), false, null, path, null, null, frame);
  }

  private remapKey(at: number, to: number): void {
    this.remappedKeyAt = at;
    this.remappedKeyTo = to;
  }

  private lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** A pending entry that stays empty: libyaml's empty plain scalar, located as the slow path locates it. */
  private finishEmpty(frame: Frame): void {
    const pending = frame.pending!;
    frame.pending = null;
    const start = pending.tag === null ? pending.emptyAt : pending.tagStart;
    const value = scalarNodeValue(pending.tag, '', true, pending.path, this.span(start, pending.emptyAt));
    // `!!int` with nothing: a bad value, which the slow path reports.
    if (value === undefined) throw new StepAside();
    this.place(frame, pending.key, value);
    frame.trivia.emptyValue(pending.emptyAt);
  }

  private span(start: number, end: number): SourceSpan {
    return this.spans.span(start, end);
  }
}

/** Thrown from deep inside the reader where returning `undefined` would be clumsy; caught at the top. */
class StepAside {}
