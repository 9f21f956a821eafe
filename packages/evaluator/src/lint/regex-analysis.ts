/**
 * Finds regexes that can never match anything, for the Rust regex dialect cfn-guard compiles
 * (spec §2.7): an end anchor followed by text that must be consumed, a start anchor preceded by
 * such text, or a class that excludes every character. Only the top level of the pattern is
 * analysed; alternations, groups and the `x` flag make it give up (no warning rather than a
 * wrong one).
 */

interface Atom {
  /** `start`/`end` for anchors, `consume` for something that matches one character, `other` for groups and zero-width escapes. */
  readonly role: 'start' | 'end' | 'consume' | 'other';
  /** The atom must match at least once (no `?`, `*`, `{0,…}` after it). */
  readonly mandatory: boolean;
  readonly text: string;
  readonly emptyClass: boolean;
}

const CONTRADICTORY_CLASSES = /^\[\^(\\s\\S|\\S\\s|\\d\\D|\\D\\d|\\w\\W|\\W\\w)\]$/;

/** Why `pattern` cannot match any string, or null when it can (or the analysis cannot tell). */
export function whyRegexNeverMatches(pattern: string): string | null {
  const flags = [...pattern.matchAll(/\(\?([a-zA-Z]+)[:)]/g)].map((match) => match[1]).join('');
  if (flags.includes('x')) return null;
  const atoms = topLevelAtoms(pattern);
  if (atoms === null) return null;
  const multiLine = flags.includes('m');
  const isStart = (atom: Atom): boolean => atom.role === 'start' && atom.mandatory && (atom.text === '\\A' || !multiLine);
  const isEnd = (atom: Atom): boolean => atom.role === 'end' && atom.mandatory && (atom.text === '\\z' || !multiLine);
  const mustConsume = (atom: Atom): boolean => atom.role === 'consume' && atom.mandatory;
  for (const [index, atom] of atoms.entries()) {
    if (atom.emptyClass && atom.mandatory) return `the class \`${atom.text}\` matches no character`;
    if (isEnd(atom)) {
      const after = atoms.slice(index + 1).find(mustConsume);
      if (after !== undefined) return `\`${atom.text}\` (end of text) is followed by \`${after.text}\`, which needs one more character`;
    }
    if (isStart(atom)) {
      const before = atoms.slice(0, index).find(mustConsume);
      if (before !== undefined) return `\`${atom.text}\` (start of text) comes after \`${before.text}\`, which already consumed a character`;
    }
  }
  return null;
}

function topLevelAtoms(pattern: string): Atom[] | null {
  const atoms: Atom[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    let end: number;
    let role: Atom['role'] = 'consume';
    let emptyClass = false;
    if (char === '|') return null;
    if (char === '\\') {
      const next = pattern[index + 1];
      if (next === undefined) return null;
      end = escapeEnd(pattern, index);
      if (next === 'A') role = 'start';
      else if (next === 'z') role = 'end';
      else if ('bBGK'.includes(next)) role = 'other';
    } else if (char === '[') {
      end = classEnd(pattern, index);
      if (end < 0) return null;
      emptyClass = CONTRADICTORY_CLASSES.test(pattern.slice(index, end));
    } else if (char === '(') {
      end = groupEnd(pattern, index);
      if (end < 0) return null;
      role = 'other';
    } else if (char === '^' || char === '$') {
      end = index + 1;
      role = char === '^' ? 'start' : 'end';
    } else if ('*+?{'.includes(char)) {
      return null; // a quantifier without an atom: not something to reason about
    } else {
      end = index + 1;
    }
    const quantifier = /^(?:[*+?]|\{\d*(?:,\d*)?\})/.exec(pattern.slice(end))?.[0] ?? '';
    const optional = quantifier === '*' || quantifier === '?' || /^\{(?:0*|0*,\d*|,\d*)\}$/.test(quantifier);
    atoms.push({ role, mandatory: !optional, text: pattern.slice(index, end), emptyClass });
    index = end + quantifier.length;
    if (pattern[index] === '?' && quantifier !== '') index += 1; // lazy quantifier
  }
  return atoms;
}

function escapeEnd(pattern: string, start: number): number {
  const next = pattern[start + 1];
  if ((next === 'p' || next === 'P' || next === 'x' || next === 'u') && pattern[start + 2] === '{') {
    const close = pattern.indexOf('}', start + 2);
    return close < 0 ? pattern.length : close + 1;
  }
  if (next === 'x') return start + 4;
  return start + 2;
}

function classEnd(pattern: string, start: number): number {
  let index = start + 1;
  if (pattern[index] === '^') index += 1;
  if (pattern[index] === ']') index += 1;
  let depth = 1;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') index += 2;
    else if (char === '[') {
      depth += 1;
      index += 1;
    } else if (char === ']') {
      depth -= 1;
      index += 1;
      if (depth === 0) return index;
    } else index += 1;
  }
  return -1;
}

function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === '\\') index += 2;
    else if (char === '[') {
      const end = classEnd(pattern, index);
      if (end < 0) return -1;
      index = end;
    } else {
      if (char === '(') depth += 1;
      if (char === ')') {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
      index += 1;
    }
  }
  return -1;
}
