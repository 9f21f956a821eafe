/**
 * A fast path for plain JSON data files. cfn-guard reads JSON through its YAML loader, so the
 * result must be what the YAML path would give: numbers are typed as plain scalars (i64, then
 * f64), duplicate keys keep their first position and last value. Anything this scanner is not
 * sure about (trailing commas, unquoted keys, comments, control characters and line breaks in
 * strings, a second document, surrogate escapes) makes it step aside (`undefined`), and the YAML
 * path decides, errors included. It is iterative, so deep documents cannot overflow the stack.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { StringValue, Value } from '../values/value.js';
import { childPath } from '../values/value.js';
import type { DocumentLoadResult } from './load-result.js';
import type { SourceLocator } from './source-locator.js';
import type { OpenList, OpenMap } from './value-factory.js';
import { openMap, putEntry, scalarValue } from './value-factory.js';
import { typePlainScalar } from './validate-scalar-typing.js';

interface MapFrame {
  readonly map: OpenMap;
  readonly start: number;
  /** The key awaiting its value. */
  key: StringValue | null;
}

interface ListFrame {
  readonly list: OpenList;
  readonly start: number;
}

type Frame = MapFrame | ListFrame;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const NUMBER_CHARS = /[-+.0-9eE]*/y;
// Line breaks to libyaml (NEL, LS, PS) fold inside a quoted scalar: the YAML path reads those strings.
const SIMPLE_STRING = /[^"\\\x00-\x1f\x85\u2028\u2029]*/y;

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Marker: this text is not for the fast path. */
const STEP_ASIDE = undefined;

export function loadJsonFastPath(locator: SourceLocator, maxDepth: number): DocumentLoadResult | undefined {
  const text = locator.text;
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === LF || c === CR || c === TAB) pos++;
      else return;
    }
  };

  /** The string starting at `pos` (a quote), or undefined to step aside. Leaves `pos` after it. */
  const readString = (): string | undefined => {
    pos++;
    SIMPLE_STRING.lastIndex = pos;
    SIMPLE_STRING.exec(text);
    let end = SIMPLE_STRING.lastIndex;
    if (text.charCodeAt(end) === QUOTE) {
      const value = text.slice(pos, end);
      pos = end + 1;
      return value;
    }
    let value = text.slice(pos, end);
    for (;;) {
      const c = text.charCodeAt(end);
      if (c === QUOTE) {
        pos = end + 1;
        return value;
      }
      if (c !== BACKSLASH) return STEP_ASIDE; // control character or end of text
      const escape = text[end + 1];
      if (escape === 'u') {
        const hex = text.slice(end + 2, end + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return STEP_ASIDE;
        const code = parseInt(hex, 16);
        // libyaml refuses \u escapes of surrogates (no pairs in YAML); the YAML path reports it.
        if (code >= 0xd800 && code <= 0xdfff) return STEP_ASIDE;
        value += String.fromCharCode(code);
        end += 6;
      } else {
        const decoded = escape === undefined ? undefined : ESCAPES[escape];
        if (decoded === undefined) return STEP_ASIDE;
        value += decoded;
        end += 2;
      }
      SIMPLE_STRING.lastIndex = end;
      SIMPLE_STRING.exec(text);
      value += text.slice(end, SIMPLE_STRING.lastIndex);
      end = SIMPLE_STRING.lastIndex;
    }
  };

  /** Whether the character at `at` may end a scalar in flow context here. */
  const endsScalar = (at: number): boolean => {
    const c = text.charCodeAt(at);
    return at >= length || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === SPACE || c === LF || c === CR || c === TAB;
  };

  const stack: Frame[] = [];
  let root: Value | undefined;

  const span = (start: number, end: number): SourceSpan => locator.span(start, end);

  /** Places a finished value into the innermost container (or the root). */
  const place = (value: Value): void => {
    const frame = stack[stack.length - 1];
    if (frame === undefined) root = value;
    else if ('map' in frame) {
      putEntry(frame.map, frame.key!, value);
      frame.key = null;
    } else frame.list.items.push(value);
  };

  const pathForNext = (): string => {
    const frame = stack[stack.length - 1];
    if (frame === undefined) return '';
    return 'map' in frame ? frame.key!.path : childPath(frame.list.value.path, frame.list.items.length);
  };

  skipSpace();
  const first = text.charCodeAt(pos);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return STEP_ASIDE;

  // Parser states: expecting a value, or (inside a container) a separator or the end.
  let expectValue = true;
  for (;;) {
    skipSpace();
    const c = text.charCodeAt(pos);
    const frame = stack[stack.length - 1];
    if (expectValue) {
      const path = pathForNext();
      const start = pos;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (stack.length >= maxDepth) {
          return {
            ok: false,
            error: {
              code: 'too-deep',
              message: `${locator.where(pos)}: the document nests mappings and sequences more than ${maxDepth} levels deep`,
              span: span(pos, pos + 1),
            },
          };
        }
        pos++;
        if (c === OPEN_BRACE) {
          const map = openMap(path, null);
          stack.push({ map, start, key: null });
        } else {
          const items: Value[] = [];
          stack.push({ list: { value: { kind: 'list', path, span: null, items }, items }, start });
        }
        skipSpace();
        const next = text.charCodeAt(pos);
        if (next === CLOSE_BRACE || next === CLOSE_BRACKET) {
          expectValue = false; // the closing bracket is handled below
          continue;
        }
        if (c === OPEN_BRACE) {
          if (!readKey()) return STEP_ASIDE;
        }
        continue;
      }
      let value: Value;
      if (c === QUOTE) {
        const string = readString();
        if (string === undefined) return STEP_ASIDE;
        value = { kind: 'string', path, span: span(start, pos), value: string };
      } else {
        NUMBER_CHARS.lastIndex = pos;
        NUMBER_CHARS.exec(text);
        let end = NUMBER_CHARS.lastIndex;
        let raw: string;
        if (end > pos) {
          raw = text.slice(pos, end);
          const typed = typePlainScalar(raw);
          if (typed.kind !== 'int' && typed.kind !== 'float') return STEP_ASIDE;
          if (!endsScalar(end)) return STEP_ASIDE;
          value = scalarValue(typed, path, span(start, end));
        } else if (text.startsWith('true', pos) || text.startsWith('null', pos)) {
          end = pos + 4;
          if (!endsScalar(end)) return STEP_ASIDE;
          raw = text.slice(pos, end);
          value = raw === 'true' ? { kind: 'bool', path, span: span(start, end), value: true } : { kind: 'null', path, span: span(start, end) };
        } else if (text.startsWith('false', pos)) {
          end = pos + 5;
          if (!endsScalar(end)) return STEP_ASIDE;
          value = { kind: 'bool', path, span: span(start, end), value: false };
        } else return STEP_ASIDE;
        pos = end;
      }
      place(value);
      expectValue = false;
      if (stack.length === 0) break;
      continue;
    }

    // After a value inside a container: `,` or the closing bracket.
    if (frame === undefined) break;
    const isMap = 'map' in frame;
    if (c === COMMA) {
      pos++;
      skipSpace();
      const next = text.charCodeAt(pos);
      if (next === CLOSE_BRACE || next === CLOSE_BRACKET) return STEP_ASIDE; // trailing comma: YAML decides
      if (isMap && !readKey()) return STEP_ASIDE;
      expectValue = true;
      continue;
    }
    if ((isMap && c === CLOSE_BRACE) || (!isMap && c === CLOSE_BRACKET)) {
      pos++;
      stack.pop();
      const value = isMap ? frame.map.value : frame.list.value;
      (value as Mutable<typeof value>).span = span(frame.start, pos);
      place(value);
      if (stack.length === 0) break;
      continue;
    }
    return STEP_ASIDE;
  }

  skipSpace();
  if (pos < length || root === undefined) return STEP_ASIDE;
  return { ok: true, document: root };

  /** Reads `"key" :` for the innermost map; false to step aside. */
  function readKey(): boolean {
    skipSpace();
    const frame = stack[stack.length - 1] as MapFrame;
    const start = pos;
    if (text.charCodeAt(pos) !== QUOTE) return false;
    const key = readString();
    if (key === undefined) return false;
    const keySpan = span(start, pos);
    skipSpace();
    if (text.charCodeAt(pos) !== COLON) return false;
    pos++;
    frame.key = { kind: 'string', path: childPath(frame.map.value.path, key), span: keySpan, value: key };
    return true;
  }
}
