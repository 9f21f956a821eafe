/**
 * The custom matcher of the lexer's name tokens (identifiers, type names, `%variables`: tokens.ts).
 * Their patterns need `\p{…}` classes, hence the `u` flag, which Chevrotain drops from RegExp
 * patterns, so a matcher keeps its own sticky RegExp. V8 compiles a RegExp on first use in every
 * process (compiled regexps are not kept in the startup snapshot), and with the Unicode classes
 * that is ~0.75 ms of each cold start (docs/performance.md, "Cold start"); rules text is nearly
 * always ASCII. So each pattern is held twice: as written, and with the name class written as its
 * ASCII members (`[A-Za-z0-9_]`, no `u`), which is used when the stretch of name characters at the
 * offset is all ASCII.
 *
 * Why both match the same text then: every atom of these patterns matches only letters, digits,
 * `_`, `:` or `%` (the class's non-ASCII members aside), and the lookahead after `MODULE` looks one
 * character further. The stretch runs up to the first ASCII character outside that set, which no
 * atom matches and which neither class contains, so neither RegExp looks past it, and before it
 * the text is ASCII, where the two classes agree.
 */
export interface CustomMatcher {
  exec(text: string, offset: number): RegExpExecArray | null;
}

/** The characters of a name after its first letter (Rust's `char::is_alphanumeric`, plus `_`), and its ASCII members. */
export const NAME_CLASS = String.raw`[\p{Alphabetic}\p{N}_]`;
const ASCII_NAME_CLASS = '[A-Za-z0-9_]';

export function namePattern(source: string): CustomMatcher {
  const asciiSource = source.replaceAll(NAME_CLASS, ASCII_NAME_CLASS);
  // The argument above holds for these atoms only: a new Unicode class needs its own ASCII form.
  if (asciiSource.includes(String.raw`\p{`)) throw new Error(`namePattern: no ASCII form for ${source}`);
  const unicode = new RegExp(source, 'uy');
  const ascii = new RegExp(asciiSource, 'y');
  return {
    exec(text, offset) {
      const regex = nameStretchIsAscii(text, offset) ? ascii : unicode;
      regex.lastIndex = offset;
      return regex.exec(text);
    },
  };
}

const isAsciiNameCode = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x25;

/** Does the run of letters, digits, `_`, `:` and `%` at `offset` end before any non-ASCII character? */
export function nameStretchIsAscii(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return false;
    if (!isAsciiNameCode(code)) return true;
  }
  return true;
}
