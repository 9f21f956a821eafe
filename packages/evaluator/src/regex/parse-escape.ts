/**
 * Backslash escapes, as fancy-regex 0.13's `parse_escape` reads them (inside and outside
 * bracketed classes). Unknown ASCII-letter escapes are errors (`\Z`, `\Q`); any other escaped
 * character stands for itself (`\/`, `\-`, `\é`).
 */
import type { RustRegexParser } from './parse-rust-regex.js';
import type { ClassSet, RegexNode } from './syntax-tree.js';
import { resolveUnicodeProperty } from './unicode-properties.js';

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  e: 0x1b,
};

const HEX_DIGIT_RANGES: ClassSet[] = [
    { type: 'range', from: 0x30, to: 0x39 },
    { type: 'range', from: 0x41, to: 0x46 },
    { type: 'range', from: 0x61, to: 0x66 },
];

export function parseEscape(parser: RustRegexParser, index: number, inClass: boolean): [number, RegexNode] {
  const source = parser.source;
  if (index + 1 >= source.length) parser.fail(index, 'trailing backslash');
  const codePoint = source.codePointAt(index + 1) as number;
  const symbol = String.fromCodePoint(codePoint);
  const end = index + 1 + symbol.length;
  const caseInsensitive = parser.currentFlags.caseInsensitive;
  const literal = (value: number): [number, RegexNode] => [end, { type: 'literal', codePoint: value, caseInsensitive }];
  const classOf = (set: ClassSet, folds = caseInsensitive): [number, RegexNode] => [
    end,
    { type: 'class', set, caseInsensitive: folds },
  ];

  if (/[0-9]/.test(symbol)) {
    if (inClass) parser.fail(index, 'back-references are not allowed in a character class');
    return parser.parseNumberedBackref(index + 1);
  }
  if (!inClass) {
    switch (symbol) {
      case 'k':
        return source[end] === "'"
          ? parser.parseNamedBackref(end, "'", "'", true)
          : parser.parseNamedBackref(end, '<', '>', true);
      case 'A':
        return [end, { type: 'assertion', kind: 'start-text' }];
      case 'z':
        return [end, { type: 'assertion', kind: 'end-text' }];
      case 'b':
      case 'B':
        if (source[end] === '{') parser.fail(index, `\`\\${symbol}{…}\` is not supported`);
        return [end, { type: 'assertion', kind: symbol === 'b' ? 'word-boundary' : 'not-word-boundary' }];
      case '<':
        return [end, { type: 'assertion', kind: 'word-start' }];
      case '>':
        return [end, { type: 'assertion', kind: 'word-end' }];
      case 'K':
        parser.fail(index, '`\\K` is not supported by guardts');
      // falls through (fail never returns)
      case 'G':
        parser.fail(index, '`\\G` is not supported by guardts');
    }
  }
  switch (symbol) {
    case 'd':
    case 'D':
      return classOf({ type: 'perl', name: 'digit', negated: symbol === 'D' });
    case 's':
    case 'S':
      return classOf({ type: 'perl', name: 'space', negated: symbol === 'S' });
    case 'w':
    case 'W':
      return classOf({ type: 'perl', name: 'word', negated: symbol === 'W' });
    case 'h':
      return classOf({ type: 'union', items: HEX_DIGIT_RANGES, negated: false }, false);
    case 'H':
      return classOf({ type: 'union', items: HEX_DIGIT_RANGES, negated: true }, false);
    case 'x':
      return parseHex(parser, end, 2, caseInsensitive);
    case 'u':
      return parseHex(parser, end, 4, caseInsensitive);
    case 'U':
      return parseHex(parser, end, 8, caseInsensitive);
    case 'p':
    case 'P':
      if (end < source.length) return parseProperty(parser, index, end, symbol === 'P', caseInsensitive);
      break;
    case 'b':
      return literal(0x08);
    case ' ':
      return literal(0x20);
  }
  const simple = SIMPLE_ESCAPES[symbol];
  if (simple !== undefined) return literal(simple);
  if (/[A-Za-z]/.test(symbol) && !'kAzbB<>KG'.includes(symbol)) parser.fail(index, `invalid escape \`\\${symbol}\``);
  return literal(codePoint);
}

function parseHex(parser: RustRegexParser, index: number, digits: number, caseInsensitive: boolean): [number, RegexNode] {
  const source = parser.source;
  if (index >= source.length) parser.fail(index, 'invalid hex escape');
  let end: number;
  let hex: string;
  const fixed = source.slice(index, index + digits);
  if (fixed.length === digits && /^[0-9A-Fa-f]+$/.test(fixed)) {
    [end, hex] = [index + digits, fixed];
  } else if (source[index] === '{') {
    const match = /^\{([0-9A-Fa-f]{1,8})\}/.exec(source.slice(index));
    if (match === null) parser.fail(index, 'invalid hex escape');
    [end, hex] = [index + match[0].length, match[1] as string];
  } else parser.fail(index, 'invalid hex escape');
  const codePoint = Number.parseInt(hex, 16);
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    parser.fail(index, 'invalid Unicode code point in hex escape');
  }
  return [end, { type: 'literal', codePoint, caseInsensitive }];
}

function parseProperty(
  parser: RustRegexParser,
  index: number,
  nameStart: number,
  negated: boolean,
  caseInsensitive: boolean,
): [number, RegexNode] {
  const source = parser.source;
  let end: number;
  let body: string;
  if (source[nameStart] === '{') {
    const close = source.indexOf('}', nameStart);
    if (close < 0) parser.fail(index, 'unclosed Unicode class name');
    [end, body] = [close + 1, source.slice(nameStart + 1, close)];
  } else {
    const codePoint = source.codePointAt(nameStart) as number;
    body = String.fromCodePoint(codePoint);
    end = nameStart + body.length;
  }
  const resolved = resolveUnicodeProperty(body);
  if (resolved === null) parser.fail(index, `unknown or unsupported Unicode class \`${source.slice(index, end)}\``);
  return [
    end,
    {
      type: 'class',
      set: { type: 'unicode', property: resolved.property, negated },
      caseInsensitive,
    },
  ];
}
