/**
 * Emits a JavaScript `v`-flag pattern with the same meaning as a parsed Guard regex. Nothing is
 * left to JavaScript's differing defaults: `.`, `^`, `$`, `\b` and the predefined classes are all
 * spelled out, so the `m` and `s` flags are never used. Case-insensitivity uses the `i` flag when
 * it covers the whole pattern, and scoped `(?i:…)` modifiers otherwise.
 */
import { escapeCodePoint, PERL_CLASS_BODIES, POSIX_RANGES, WORD_CLASS_BODY } from './class-sets.js';
import type { AssertionKind, ClassSet, ParsedRegex, RegexNode } from './syntax-tree.js';

export type JavaScriptRegexResult =
  | { readonly ok: true; readonly source: string; readonly flags: string; readonly groupMap: readonly number[] }
  | { readonly ok: false; readonly message: string };

const WORD = `[${WORD_CLASS_BODY}]`;

const ASSERTIONS: Readonly<Record<AssertionKind, string>> = {
  'start-text': '^',
  'end-text': '$',
  // Rust's multi-line anchors only know `\n` (JavaScript's `m` flag also stops at `\r`, U+2028…).
  'start-line': '(?<![^\\n])',
  'end-line': '(?![^\\n])',
  'word-boundary': `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  'not-word-boundary': `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
  'word-start': `(?<!${WORD})(?=${WORD})`,
  'word-end': `(?<=${WORD})(?!${WORD})`,
};

let modifiersSupported: boolean | null = null;

/** Scoped `(?i:…)` groups need V8's RegExp modifiers (on by default from Node 23). */
export function regexModifiersSupported(): boolean {
  if (modifiersSupported === null) {
    try {
      new RegExp('(?i:a)', 'v');
      modifiersSupported = true;
    } catch {
      modifiersSupported = false;
    }
  }
  return modifiersSupported;
}

const casedCharacter = /\p{Changes_When_Casemapped}/u;

/** Whether case-insensitivity could change what this atom matches. */
function caseSensitive(node: RegexNode): boolean {
  if (node.type === 'literal') return casedCharacter.test(String.fromCodePoint(node.codePoint));
  if (node.type === 'class') return classCaseSensitive(node.set);
  return false;
}

function classCaseSensitive(set: ClassSet): boolean {
  switch (set.type) {
    case 'char':
      return casedCharacter.test(String.fromCodePoint(set.codePoint));
    case 'range':
      return set.to >= 0x41;
    case 'perl':
      return false;
    case 'posix':
      return !['blank', 'cntrl', 'digit', 'punct', 'space'].includes(set.name);
    case 'unicode':
      return true;
    case 'union':
      return set.items.some(classCaseSensitive);
    case 'operation':
      return classCaseSensitive(set.left) || classCaseSensitive(set.right);
  }
}

type CaseMode = 'none' | 'all' | 'mixed';

function caseMode(root: RegexNode): CaseMode {
  let insensitive = 0;
  let sensitive = 0;
  let backrefs = 0;
  const visit = (node: RegexNode): void => {
    switch (node.type) {
      case 'literal':
      case 'class':
        if (caseSensitive(node)) {
          if (node.caseInsensitive) insensitive++;
          else sensitive++;
        }
        return;
      case 'backref':
        backrefs++;
        return;
      case 'concat':
        node.items.forEach(visit);
        return;
      case 'alternation':
        node.branches.forEach(visit);
        return;
      case 'group':
      case 'repeat':
      case 'look':
      case 'atomic':
        visit(node.child);
        return;
      default:
        return;
    }
  };
  visit(root);
  if (insensitive === 0) return 'none';
  // fancy-regex compares back-references exactly, which the `i` flag would change.
  if (sensitive === 0 && backrefs === 0) return 'all';
  return 'mixed';
}

export function emitClassBody(set: ClassSet): string {
  switch (set.type) {
    case 'char':
      return escapeCodePoint(set.codePoint);
    case 'range':
      return `${escapeCodePoint(set.from)}-${escapeCodePoint(set.to)}`;
    case 'perl':
      return set.name === 'word'
        ? `[${set.negated ? '^' : ''}${WORD_CLASS_BODY}]`
        : PERL_CLASS_BODIES[set.name].replace('\\p', set.negated ? '\\P' : '\\p');
    case 'posix': {
      const ranges = POSIX_RANGES[set.name].map(([from, to]) =>
        from === to ? escapeCodePoint(from) : `${escapeCodePoint(from)}-${escapeCodePoint(to)}`,
      );
      return `[${set.negated ? '^' : ''}${ranges.join('')}]`;
    }
    case 'unicode':
      return `\\${set.negated ? 'P' : 'p'}{${set.property}}`;
    case 'union':
      return `[${set.negated ? '^' : ''}${set.items.map(emitClassBody).join('')}]`;
    case 'operation': {
      const left = emitClassBody(set.left);
      const right = emitClassBody(set.right);
      if (set.operator === 'intersection') return `[${left}&&${right}]`;
      if (set.operator === 'difference') return `[${left}--${right}]`;
      return `[[${left}--${right}][${right}--${left}]]`;
    }
  }
}

/** A class as a standalone atom: a bracketed class or a `\p{…}` escape. */
function emitClass(set: ClassSet): string {
  const body = emitClassBody(set);
  return body.startsWith('[') || body.startsWith('\\') ? body : `[${body}]`;
}

class JavaScriptEmitter {
  /** JavaScript group number of each Rust group (index 0 is the whole match in both). */
  readonly groupMap: number[] = [0];
  private javaScriptGroups = 0;

  constructor(private readonly mixedCase: boolean) {}

  emit(node: RegexNode): string {
    switch (node.type) {
      case 'empty':
        return '';
      case 'any':
        return node.dotAll ? '[\\s\\S]' : '[^\\n]';
      case 'literal':
        return this.withCase(escapeCodePoint(node.codePoint), node);
      case 'class':
        return this.withCase(emitClass(node.set), node);
      case 'assertion':
        return ASSERTIONS[node.kind];
      case 'concat':
        return node.items.map((item) => this.emit(item)).join('');
      case 'alternation':
        return `(?:${node.branches.map((branch) => this.emit(branch)).join('|')})`;
      case 'group': {
        this.groupMap[node.index] = ++this.javaScriptGroups;
        return `(${this.emit(node.child)})`;
      }
      case 'atomic': {
        // The classic emulation: a look-ahead does not backtrack once it has matched, and the
        // back-reference consumes what it captured.
        const capture = ++this.javaScriptGroups;
        return `(?=(${this.emit(node.child)}))\\${capture}`;
      }
      case 'repeat':
        return this.emitRepeat(node);
      case 'look': {
        const opener = (node.direction === 'behind' ? '(?<' : '(?') + (node.negated ? '!' : '=');
        return `${opener}${this.emit(node.child)})`;
      }
      case 'backref': {
        if (node.group === 0) return '[]';
        const target = this.groupMap[node.group];
        if (target === undefined) {
          throw new TranslationError(`back-reference \\${node.group} refers to a group that is not defined before it`);
        }
        return `\\${target}`;
      }
    }
  }

  private withCase(text: string, node: RegexNode & { caseInsensitive: boolean }): string {
    if (!this.mixedCase || !node.caseInsensitive || !caseSensitive(node)) return text;
    return `(?i:${text})`;
  }

  private emitRepeat(node: Extract<RegexNode, { type: 'repeat' }>): string {
    const child = this.emit(node.child);
    const needsGroup = node.child.type === 'concat' || node.child.type === 'atomic' || node.child.type === 'repeat' || child === '';
    const atom = needsGroup ? `(?:${child})` : child;
    let quantifier: string;
    if (node.min === 0 && node.max === Infinity) quantifier = '*';
    else if (node.min === 1 && node.max === Infinity) quantifier = '+';
    else if (node.min === 0 && node.max === 1) quantifier = '?';
    else if (node.max === Infinity) quantifier = `{${node.min},}`;
    else if (node.min === node.max) quantifier = `{${node.min}}`;
    else quantifier = `{${node.min},${node.max}}`;
    return `${atom}${quantifier}${node.greedy ? '' : '?'}`;
  }
}

export class TranslationError extends Error {}

export function toJavaScript(parsed: ParsedRegex): JavaScriptRegexResult {
  const mode = caseMode(parsed.root);
  if (mode === 'mixed' && !regexModifiersSupported()) {
    return {
      ok: false,
      message: 'case-insensitive and case-sensitive parts in one pattern need RegExp modifiers, which this Node.js lacks',
    };
  }
  try {
    const emitter = new JavaScriptEmitter(mode === 'mixed');
    const source = emitter.emit(parsed.root);
    return { ok: true, source, flags: mode === 'all' ? 'vi' : 'v', groupMap: emitter.groupMap };
  } catch (error) {
    if (error instanceof TranslationError) return { ok: false, message: error.message };
    throw error;
  }
}
