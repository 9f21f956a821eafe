/**
 * Definitions of Rust's predefined classes, spelled as JavaScript `v`-flag class bodies. In
 * Guard (Unicode mode) `\d`, `\s`, `\w` and word boundaries are Unicode-aware; POSIX classes
 * stay ASCII-only, as in regex-syntax.
 */
import type { PerlClassName, PosixClassName } from './syntax-tree.js';

/** regex-syntax's Unicode `\w`: UTS#18 "word" characters. */
export const WORD_CLASS_BODY = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';

export const PERL_CLASS_BODIES: Readonly<Record<PerlClassName, string>> = {
  digit: '\\p{Nd}',
  space: '\\p{White_Space}',
  word: WORD_CLASS_BODY,
};

/** Inclusive code point ranges of the ASCII classes of regex-syntax. */
export const POSIX_RANGES: Readonly<Record<PosixClassName, readonly (readonly [number, number])[]>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

/** A code point written so that it means itself anywhere in a `v`-flag pattern. */
export function escapeCodePoint(codePoint: number): string {
  if ((codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a)) {
    return String.fromCodePoint(codePoint);
  }
  return `\\u{${codePoint.toString(16)}}`;
}
