/**
 * Checks on the raw text that come before parsing, shared by both loaders: size, emptiness, and
 * the characters libyaml refuses anywhere in a stream (C0/C1 controls other than tab and line
 * breaks, NEL among them, U+FFFE/U+FFFF, lone surrogates) but the `yaml` package would let through.
 */
import type { DocumentLoadError } from './load-result.js';
import type { SourceLocator } from './source-locator.js';

const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BLANK = /^\uFEFF?[ \t\r\n]*$/;

export function checkDocumentText(locator: SourceLocator, maxSize: number): DocumentLoadError | undefined {
  const { text, fileName } = locator;
  if (text.length > maxSize) {
    return { code: 'too-large', message: `${fileName}: the file is larger than the maximum of ${maxSize} characters`, span: null };
  }
  if (BLANK.test(text)) return { code: 'empty', message: `${fileName}: the file is empty`, span: null };
  const bad = NOT_PRINTABLE.exec(text);
  if (bad !== null) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      code: 'syntax',
      message: `${locator.where(bad.index)}: not well-formed YAML/JSON: the character U+${code} is not allowed in YAML`,
      span: locator.span(bad.index, bad.index + bad[0].length),
    };
  }
  return undefined;
}
