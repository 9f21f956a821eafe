/**
 * Flow collections (`[a, !Ref b]`, `{ Key: v }`) for the YAML fast path. Items are tagged or
 * plain or quoted one-line scalars and nested collections; between items, line breaks are read
 * when every continued line is indented past the enclosing block collection (as the `yaml`
 * package requires; libyaml does not, and the slow path then decides). Empty items, trailing
 * commas, `? ` keys and comments make it step aside. A `key: value` pair in a sequence is the
 * one-entry mapping it is in YAML, located from its key to its value.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { StringValue, Value } from '../values/value.js';
import { childPath } from '../values/value.js';
import { sequenceShortForm } from './cfn-short-forms.js';
import { openMap, putEntry } from './value-factory.js';
import type { SpanMaker } from './yaml-fast-line-breaks.js';
import { typePlainScalar } from './validate-scalar-typing.js';
import type { Tag } from './yaml-fast-scalars.js';
import { LF, readImplicitKey, readQuoted, readTag, scalarNodeValue, scanPlain, skipSpaces, startsPlain } from './yaml-fast-scalars.js';

export interface FlowNode {
  readonly value: Value;
  /** Offset past the node (past the closing bracket for a collection). */
  readonly end: number;
}

export class FlowReader {
  constructor(
    private readonly spans: SpanMaker,
    private readonly text: string,
  ) {}

  /** The least indentation of a continued line: past the enclosing block collection's. */
  private minIndent = 1;

  /**
   * The collection whose bracket is at `start`; `tag` (from `tagStart`) applies to it; it is the
   * value of an entry of a block collection at column `blockIndent`.
   */
  read(start: number, tag: Tag | null, spanStart: number, path: string, depthLeft: number, blockIndent: number): FlowNode | undefined {
    this.minIndent = blockIndent + 1;
    return this.collection(start, tag, spanStart, path, depthLeft);
  }

  private collection(start: number, tag: Tag | null, spanStart: number, path: string, depthLeft: number): FlowNode | undefined {
    if (depthLeft <= 0 || (tag !== null && tag.core)) return undefined;
    return this.text.charCodeAt(start) === 91 ? this.sequence(start, tag, spanStart, path, depthLeft) : this.mapping(start, spanStart, path, depthLeft);
  }

  private span(start: number, end: number): SourceSpan {
    return this.spans.span(start, end);
  }

  /** Past the blanks and line breaks at `at`, or -1 where a line is a comment or not indented enough. */
  private gap(at: number): number {
    const text = this.text;
    let pos = skipSpaces(text, at);
    while (text.charCodeAt(pos) === LF) {
      const lineStart = pos + 1;
      pos = skipSpaces(text, lineStart);
      const c = text.charCodeAt(pos);
      if (c === LF) continue;
      if (pos >= text.length || c === 35 || pos - lineStart < this.minIndent) return -1;
    }
    return pos;
  }

  private sequence(start: number, tag: Tag | null, spanStart: number, path: string, depthLeft: number): FlowNode | undefined {
    const text = this.text;
    const longName = tag === null ? undefined : sequenceShortForm(tag.name);
    const listPath = longName === undefined ? path : childPath(path, longName);
    const items: Value[] = [];
    let pos = this.gap(start + 1);
    if (pos === -1) return undefined;
    if (text.charCodeAt(pos) !== 93) {
      for (;;) {
        const item = this.node(pos, childPath(listPath, items.length), depthLeft, true);
        if (item === undefined) return undefined;
        items.push(item.value);
        pos = this.gap(item.end);
        const c = text.charCodeAt(pos);
        if (c === 93) break;
        if (c !== 44) return undefined;
        pos = this.gap(pos + 1);
        if (pos === -1 || text.charCodeAt(pos) === 93) return undefined; // trailing comma: the slow path decides
      }
    }
    const end = pos + 1;
    const span = this.span(spanStart, end);
    const list: Value = { kind: 'list', path: listPath, span, items };
    if (longName === undefined) return { value: list, end };
    const wrapper = openMap(path, span);
    putEntry(wrapper, { kind: 'string', path: listPath, span, value: longName }, list);
    return { value: wrapper.value, end };
  }

  private mapping(start: number, spanStart: number, path: string, depthLeft: number): FlowNode | undefined {
    const text = this.text;
    const map = openMap(path, null);
    let pos = this.gap(start + 1);
    if (pos === -1) return undefined;
    if (text.charCodeAt(pos) !== 125) {
      for (;;) {
        const key = this.key(pos, path);
        if (key === undefined) return undefined;
        const value = this.node(key.valueStart, key.key.path, depthLeft, false);
        if (value === undefined) return undefined;
        putEntry(map, key.key, value.value);
        pos = this.gap(value.end);
        const c = text.charCodeAt(pos);
        if (c === 125) break;
        if (c !== 44) return undefined;
        pos = this.gap(pos + 1);
        if (pos === -1 || text.charCodeAt(pos) === 125) return undefined;
      }
    }
    const end = pos + 1;
    (map.value as { span: SourceSpan | null }).span = this.span(spanStart, end);
    return { value: map.value, end };
  }

  /** `key: ` in a flow mapping: the key and where its value starts. */
  private key(start: number, mapPath: string): { key: StringValue; valueStart: number } | undefined {
    const read = readImplicitKey(this.text, start, true);
    if (read === undefined || this.text.charCodeAt(read.colon + 1) !== 32) return undefined;
    const key: StringValue = { kind: 'string', path: childPath(mapPath, read.value), span: this.span(start, read.end), value: read.value };
    return { key, valueStart: skipSpaces(this.text, read.colon + 1) };
  }

  /** `key: value` in a sequence (the key from `start` to `keyEnd`, its `:` at `colon`): a one-entry mapping. */
  private pair(start: number, key: string, keyEnd: number, colon: number, path: string, depthLeft: number): FlowNode | undefined {
    // The `yaml` package refuses a pair's key over 1024 characters (a flow mapping's it takes); the slow path reports it.
    if (this.text.charCodeAt(colon + 1) !== 32 || depthLeft <= 1 || colon - start > 1000) return undefined;
    const map = openMap(path, null);
    const keyValue: StringValue = { kind: 'string', path: childPath(path, key), span: this.span(start, keyEnd), value: key };
    const value = this.node(skipSpaces(this.text, colon + 1), keyValue.path, depthLeft - 1, false);
    if (value === undefined) return undefined;
    putEntry(map, keyValue, value.value);
    (map.value as { span: SourceSpan | null }).span = this.span(start, value.end);
    return { value: map.value, end: value.end };
  }

  /** A scalar or collection item at `start`, with its tag if it has one (or, in a sequence, a pair). */
  private node(start: number, path: string, depthLeft: number, inSequence: boolean): FlowNode | undefined {
    const text = this.text;
    let pos = start;
    let tag: Tag | null = null;
    if (text.charCodeAt(pos) === 33) {
      tag = readTag(text, pos) ?? null;
      if (tag === null) return undefined;
      pos = skipSpaces(text, tag.end);
    }
    const c = text.charCodeAt(pos);
    if (c === 91 || c === 123) return this.collection(pos, tag, start, path, depthLeft - 1);
    if (c === 34 || c === 39) {
      const quoted = readQuoted(text, pos);
      if (quoted === undefined) return undefined;
      const colon = skipSpaces(text, quoted.end);
      if (text.charCodeAt(colon) === 58) return inSequence && tag === null ? this.pair(start, quoted.text, quoted.end, colon, path, depthLeft) : undefined;
      const value = scalarNodeValue(tag, quoted.text, false, path, this.span(start, quoted.end));
      return value === undefined ? undefined : { value, end: quoted.end };
    }
    if (!startsPlain(text, pos, true)) return undefined;
    const extent = scanPlain(text, pos, true);
    if (extent.colon !== -1) {
      const key = text.slice(pos, extent.end);
      if (!inSequence || tag !== null || typePlainScalar(key).kind !== 'string') return undefined;
      return this.pair(start, key, extent.end, extent.colon, path, depthLeft);
    }
    const value = scalarNodeValue(tag, text.slice(pos, extent.end), true, path, this.span(start, extent.end));
    return value === undefined ? undefined : { value, end: extent.end };
  }
}
