/**
 * Block scalars (`|`, `>-`, `|2+` …) for the YAML fast path: where one ends is the `yaml` lexer's
 * rule (lexer.ts `parseBlockScalar`, without its tab and CR cases: neither reaches the fast path)
 * and its text is the composer's (`resolveBlockScalar`), because the slow path's result, spans
 * included, is what the fast path must give. Anything the composer would report (less-indented
 * lines, more-indented leading empty lines, a header with extra characters) or that is empty makes
 * the reader step aside, and so does a tab where the lexer gives tabs a meaning: first on a line
 * of the scalar or on the line after it. Tabs inside the text (scripts) are read.
 */
import { LF, SPACE, lineEnd, skipSpaces } from './yaml-fast-scalars.js';

export interface BlockScalar {
  readonly text: string;
  /** Offset past the scalar: the start of the line after its last line, or the end of the text. */
  readonly end: number;
  /** The end of the lines where a tab has a meaning to the lexer (see {@link tabsAreText}). */
  readonly tabsCheckedUntil: number;
}

const HEADER = /[|>](?:[1-9][-+]?|[-+][1-9]?)?(?=[ \n])/y;

/**
 * The block scalar whose header starts at `start`. `parentIndent` is the indentation of the
 * collection holding it (the column of its keys or dashes), as both the lexer and the composer
 * measure the scalar's lines against it.
 */
export function readBlockScalar(text: string, start: number, parentIndent: number): BlockScalar | undefined {
  HEADER.lastIndex = start;
  const header = HEADER.exec(text);
  if (header === null) return undefined;
  const indicators = header[0];
  const folded = indicators[0] === '>';
  const keep = indicators.includes('+');
  const strip = indicators.includes('-');
  const digit = /[1-9]/.exec(indicators);
  const explicitIndent = digit === null ? 0 : Number(digit[0]);
  // The rest of the header line: blanks, then nothing or a comment after a blank.
  const afterHeader = skipSpaces(text, start + indicators.length);
  const headerEnd = lineEnd(text, afterHeader);
  if (afterHeader !== headerEnd && (text.charCodeAt(afterHeader) !== 35 || afterHeader === start + indicators.length)) return undefined;
  if (headerEnd >= text.length) return undefined;
  const pos = headerEnd + 1;
  const end = blockScalarEnd(text, pos, parentIndent + 1, explicitIndent, keep);
  if (end === undefined) return undefined;
  const value = blockScalarText(text.slice(pos, end), parentIndent, explicitIndent, folded, keep, strip);
  return value === undefined ? undefined : { text: value, end, tabsCheckedUntil: linesAfter(text, end) };
}

/** The end of the blank lines after `end` and of the next other line: the lexer looks there before dropping trailing blank lines. */
function linesAfter(text: string, end: number): number {
  let at = end;
  while (at < text.length && text.charCodeAt(skipSpaces(text, at)) === LF) at = skipSpaces(text, at) + 1;
  return lineEnd(text, at);
}

/**
 * Whether every tab from `pos` to `until` (a block scalar's lines and those after it, see
 * {@link BlockScalar.tabsCheckedUntil}) follows text on its line: a tab first on a line is
 * indentation to the lexer. Only the first tab of each line needs looking at.
 */
export function tabsAreText(text: string, pos: number, until: number): boolean {
  for (let tab = text.indexOf('\t', pos); tab !== -1 && tab <= until; ) {
    const lineStart = text.lastIndexOf('\n', tab - 1) + 1;
    if (skipSpaces(text, lineStart) === tab) return false;
    const nextLine = lineEnd(text, tab);
    tab = nextLine < until ? text.indexOf('\t', nextLine) : -1;
  }
  return true;
}

/** The lexer's extent of the scalar's lines from `pos` (undefined when it has no content line). */
function blockScalarEnd(text: string, pos: number, indentNext: number, explicitIndent: number, keep: boolean): number | undefined {
  const length = text.length;
  let nl = pos - 1;
  let indent = 0;
  let i = pos;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) indent++;
    else if (c === LF) {
      nl = i;
      indent = 0;
    } else break;
  }
  if (i >= length || indent < indentNext) return undefined;
  const contentIndent = explicitIndent === 0 ? indent : explicitIndent - 1 + indentNext;
  do {
    const next = continuedLine(text, nl + 1, contentIndent);
    if (next === -1) break;
    nl = text.indexOf('\n', next);
  } while (nl !== -1);
  if (nl === -1) nl = length;
  if (!keep) {
    // Trailing blank lines no longer than the first content line's indentation are not the scalar's.
    for (;;) {
      let j = nl - 1;
      const lastChar = j;
      while (text.charCodeAt(j) === SPACE) j--;
      if (text.charCodeAt(j) === LF && j >= pos && j + 1 + indent > lastChar) nl = j;
      else break;
    }
  }
  return Math.min(nl + 1, length);
}

/** The lexer's `continueScalar` for a block scalar: the line at `offset` belongs to it, or -1. */
function continuedLine(text: string, offset: number, contentIndent: number): number {
  let indent = 0;
  while (text.charCodeAt(offset + indent) === SPACE) indent++;
  const c = text.charCodeAt(offset + indent);
  return c === LF || indent >= contentIndent ? offset + indent : -1;
}

/** `resolveBlockScalar` of the `yaml` package (2.9.1) on `source`, or undefined where it reports an error. */
function blockScalarText(source: string, parentIndent: number, explicitIndent: number, folded: boolean, keep: boolean, strip: boolean): string | undefined {
  const lines = splitLines(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i]![1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) return undefined;
  let trimIndent = parentIndent + explicitIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content === '') {
      if (explicitIndent === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) return undefined;
      if (explicitIndent === 0) trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) return undefined;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]![0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i]![0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content !== '' && indent.length < trimIndent) return undefined;
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (keep) {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i]![0].slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (!strip) value += '\n';
  return value;
}

/** Lines as `[indent, content]`, split as the composer splits them. */
function splitLines(source: string): Array<[string, string]> {
  const split = source.split(/\n( *)/);
  const first = split[0]!;
  const leading = /^( *)/.exec(first)![1]!;
  const lines: Array<[string, string]> = [[leading, first.slice(leading.length)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!]);
  return lines;
}
