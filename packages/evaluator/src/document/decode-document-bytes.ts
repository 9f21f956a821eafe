/**
 * File bytes → text for the loaders. cfn-guard reads data files with `read_to_string`, so bytes
 * that are not UTF-8 make the file unreadable ("stream did not contain valid UTF-8"); a UTF-8
 * byte-order mark is kept in the text (the loaders skip it, as libyaml does).
 */
import type { DocumentLoadError } from './load-result.js';

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: DocumentLoadError };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

export function decodeDocumentBytes(bytes: Uint8Array, fileName: string): DecodeResult {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = offset - lineStart + 1;
    return {
      ok: false,
      error: {
        code: 'invalid-utf8',
        message: `${fileName}:${line}:${column}: the file is not valid UTF-8 (byte ${offset}); cfn-guard reads data files as UTF-8 text`,
        span: null,
      },
    };
  }
}
