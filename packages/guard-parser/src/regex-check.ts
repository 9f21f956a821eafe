/**
 * cfn-guard compiles every regex literal at parse time (Rust `regex` through `fancy-regex`) and
 * rejects the whole file when one does not compile. This is an approximation of that check:
 * it rejects what Rust rejects and JavaScript accepts (`\Z`), and otherwise asks a lenient
 * JavaScript `RegExp` after rewriting the Rust-only syntax JavaScript does not know. It errs on
 * the side of accepting: a pattern is only rejected when the problem is certain.
 */

/** Why `pattern` does not compile as a Rust regex, or null when it (probably) does. */
export function regexCompileError(pattern: string): string | null {
  const unsupported = findUnsupportedEscape(pattern);
  if (unsupported !== null) return `\`${unsupported}\` is not supported by cfn-guard's regex engine`;
  if (hasVariableLengthLookBehind(pattern)) return 'look-behind bodies must have a constant length in cfn-guard';
  if (hasUnclosedClass(pattern)) return 'unclosed character class (in this regex dialect `[` inside a class opens a nested class)';
  try {
    new RegExp(toJavaScriptSyntax(pattern));
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
    return reason;
  }
}

function findUnsupportedEscape(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    const next = pattern[i + 1];
    if (next === 'Z') return '\\Z';
    i++;
  }
  return null;
}

/**
 * Rust's regex syntax nests classes: `[` inside a class opens another one (except the POSIX
 * `[:alpha:]` form), so `[[a-z]` is unclosed there while JavaScript reads a literal `[`.
 */
function hasUnclosedClass(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
    } else if (char === '[') {
      const posix = depth > 0 ? /^\[:\^?[a-z]+:\]/.exec(pattern.slice(i)) : null;
      if (posix !== null) {
        i += posix[0].length - 1;
        continue;
      }
      depth++;
      // A `]` right after `[` or `[^` is a literal.
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (char === ']' && depth > 0) {
      depth--;
    }
  }
  return depth > 0;
}

/** fancy-regex only supports look-behinds whose body has a fixed length. */
function hasVariableLengthLookBehind(pattern: string): boolean {
  const lookBehind = /\(\?<[=!]((?:[^()\\]|\\.)*)\)/g;
  for (const match of pattern.matchAll(lookBehind)) {
    const body = (match[1] as string).replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
    if (/[*+?]|\{\d*,/.test(body)) return true;
  }
  return false;
}

/** Rewrites Rust-only constructs into something a non-unicode JavaScript RegExp parses. */
function toJavaScriptSyntax(pattern: string): string {
  return (
    pattern
      // Class set operations (`[a-z--aeiou]`, `[a-z&&[^x]]`, `~~`) are Rust-only; drop the operator.
      .replace(/--|&&|~~/g, '')
      // Inline flags, leading or scoped: `(?i)`, `(?ms-x)`, `(?i:…)`.
      .replace(/\(\?[imsxuU-]+\)/g, '')
      .replace(/\(\?[imsxuU-]+:/g, '(?:')
      // Named groups in Python style.
      .replace(/\(\?P</g, '(?<')
      .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
      // Atomic groups and possessive quantifiers (fancy-regex) have no JavaScript counterpart.
      .replace(/\(\?>/g, '(?:')
      .replace(/([*+?}])\+/g, '$1')
  );
}
