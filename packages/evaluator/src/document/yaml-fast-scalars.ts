/**
 * Single-line scalars and tags for the YAML fast path (yaml-fast-path.ts), read the way the `yaml`
 * package reads them and typed the way the slow path (validate-yaml-converter.ts) types them.
 * Every reader returns `undefined` for text it is not sure about, so the caller steps aside.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { Value } from '../values/value.js';
import { childPath } from '../values/value.js';
import { scalarShortForm } from './cfn-short-forms.js';
import { openMap, putEntry, scalarValue } from './value-factory.js';
import { CORE_TAG_PREFIX, typeCoreTaggedScalar, typePlainScalar } from './validate-scalar-typing.js';

export const SPACE = 32;
export const LF = 10;
const HASH = 35;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;

/** The end of a plain scalar and whether it stopped at a `key:` indicator. */
export interface PlainExtent {
  /** Offset just past the scalar's last non-blank character. */
  readonly end: number;
  /** Offset of the `:` that makes the scalar a key, or -1. */
  readonly colon: number;
}

/** `true` at the end of the text, a space or a line feed (tabs and CRs never reach the fast path). */
export function isBlank(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === SPACE || c === LF || at >= text.length;
}

export function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** The offset of the line feed ending the line of `at`, or the text's length. */
export function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/**
 * Whether a plain scalar may start at `at`: not an indicator (`-?:` before a blank, flow and
 * block indicators, quotes, properties) and none of the characters the `yaml` package refuses.
 */
export function startsPlain(text: string, at: number, inFlow: boolean): boolean {
  const c = text[at];
  if (c === undefined) return false;
  if (c === '-' || c === '?' || c === ':') {
    const next = text[at + 1];
    return next !== undefined && next !== ' ' && next !== '\n' && !(inFlow && ',[]{}'.includes(next));
  }
  return !'#&*!|>\'"%@`,[]{}'.includes(c) && c !== ' ' && c !== '\n';
}

/**
 * A plain scalar on one line, as the `yaml` lexer ends it: at `: ` (a key), at ` #`, at the end
 * of the line, and in flow context also at `,[]{}` and `:` before one of them. (A regular
 * expression finding the stop was measured slower on a process's first file, which is the common
 * case for a CLI: compiling it costs more than this loop runs.)
 */
export function scanPlain(text: string, start: number, inFlow: boolean): PlainExtent {
  let end = start;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= text.length || next === SPACE || next === LF || (inFlow && isFlowIndicator(next))) return { end, colon: i };
      end = i + 1;
    } else if (c === SPACE) {
      if (text.charCodeAt(i + 1) === HASH) break;
    } else if (c === LF) break;
    else if (inFlow && isFlowIndicator(c)) break;
    else end = i + 1;
  }
  return { end, colon: -1 };
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** An implicit mapping key: its text, where it ends, and where its `:` is. */
export interface ImplicitKey {
  readonly value: string;
  readonly end: number;
  readonly colon: number;
}

/**
 * The implicit key at `start` (a one-line quoted scalar, or a plain one that types as a string)
 * up to its `:`; undefined for anything else. What may follow the `:` differs between block and
 * flow mappings, so that is the caller's check.
 */
export function readImplicitKey(text: string, start: number, inFlow: boolean): ImplicitKey | undefined {
  const c = text.charCodeAt(start);
  if (c === QUOTE || c === APOSTROPHE) {
    const quoted = readQuoted(text, start);
    if (quoted === undefined) return undefined;
    const colon = skipSpaces(text, quoted.end);
    return text.charCodeAt(colon) === COLON ? { value: quoted.text, end: quoted.end, colon } : undefined;
  }
  if (!startsPlain(text, start, inFlow)) return undefined;
  const extent = scanPlain(text, start, inFlow);
  if (extent.colon === -1) return undefined;
  const value = text.slice(start, extent.end);
  return typePlainScalar(value).kind === 'string' ? { value, end: extent.end, colon: extent.colon } : undefined;
}

/** A quoted scalar closed on its own line: its text and the offset past the closing quote. */
export interface QuotedScalar {
  readonly text: string;
  readonly end: number;
}

export function readQuoted(text: string, start: number): QuotedScalar | undefined {
  // Scans stop at the line's end: a long line of many strings stays linear.
  if (text.charCodeAt(start) === APOSTROPHE) {
    let doubled = false;
    for (let i = start + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) return undefined;
      if (c !== APOSTROPHE) continue;
      if (text.charCodeAt(i + 1) !== APOSTROPHE) {
        const raw = text.slice(start + 1, i);
        return { text: doubled ? raw.replaceAll("''", "'") : raw, end: i + 1 };
      }
      doubled = true;
      i++;
    }
    return undefined;
  }
  let value = '';
  let from = start + 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return { text: value + text.slice(from, i), end: i + 1 };
    if (c === LF) return undefined;
    if (c !== BACKSLASH) continue;
    value += text.slice(from, i);
    const escape = text[i + 1];
    const simple = escape === undefined ? undefined : SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      i += 1;
    } else {
      const length = escape === 'x' ? 2 : escape === 'u' ? 4 : 0;
      const hex = text.slice(i + 2, i + 2 + length);
      if (length === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) return undefined;
      const code = parseInt(hex, 16);
      // A surrogate escape is refused by the slow path (as by libyaml): it decides.
      if (code >= 0xd800 && code <= 0xdfff) return undefined;
      value += String.fromCharCode(code);
      i += 1 + length;
    }
    from = i + 1;
  }
  return undefined;
}

// The `yaml` package's escapes, but the tab one (tabs never reach the fast path).
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

// A local tag of the lexer's tag characters (`!Ref`, `!Rain::Embed`), but `!` (named handles) and `%` (escapes).
const LOCAL_TAG = /![A-Za-z][A-Za-z0-9\-;/?:@&=+$_.~*'()]*(?=[ \n]|$)/y;
const CORE_TAG = /!!(str|int|float|bool|null)(?=[ \n]|$)/y;

/** A tag as the composer names it (`!Ref`, `tag:yaml.org,2002:int`) and the offset past it. */
export interface Tag {
  readonly name: string;
  readonly core: boolean;
  readonly end: number;
}

export function readTag(text: string, start: number): Tag | undefined {
  CORE_TAG.lastIndex = start;
  const core = CORE_TAG.exec(text);
  if (core !== null) return { name: CORE_TAG_PREFIX + core[1]!, core: true, end: CORE_TAG.lastIndex };
  LOCAL_TAG.lastIndex = start;
  const local = LOCAL_TAG.exec(text);
  if (local !== null) return { name: local[0], core: false, end: LOCAL_TAG.lastIndex };
  return undefined;
}

/**
 * The value of a scalar as the slow path builds it: a short-form tag wraps it (`{"Fn::Sub": text}`),
 * a core tag types it, another tag keeps it a string, a plain one is typed. `undefined` for a core
 * tag whose text does not fit (the slow path reports it).
 */
export function scalarNodeValue(tag: Tag | null, text: string, plain: boolean, path: string, span: SourceSpan): Value | undefined {
  if (tag === null || tag.core) {
    if (tag === null && !plain) return { kind: 'string', path, span, value: text };
    const typed = tag === null ? typePlainScalar(text) : typeCoreTaggedScalar(tag.name, text);
    return typed.kind === 'bad-value' ? undefined : scalarValue(typed, path, span);
  }
  const longName = scalarShortForm(tag.name);
  if (longName === undefined) return { kind: 'string', path, span, value: text };
  const wrapper = openMap(path, span);
  const inner = childPath(path, longName);
  putEntry(wrapper, { kind: 'string', path: inner, span, value: longName }, { kind: 'string', path: inner, span, value: text });
  return wrapper.value;
}

/** A multi-line plain scalar's value, folded as the `yaml` package folds it (`unfoldLines`). */
export function unfoldPlain(source: string): string {
  const lines = source.split('\n');
  let value = lines[0]!.replace(/ +$/, '');
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i]!.replace(/^ +| +$/g, '');
    if (line === '') {
      if (sep === '\n') value += sep;
      else sep = '\n';
    } else {
      value += sep + line;
      sep = ' ';
    }
  }
  return value + sep + lines[lines.length - 1]!.replace(/^ +/, '');
}
