/**
 * Emits RE2 syntax (for re2js) with the same meaning as a parsed Guard regex, for the patterns
 * `linearEngineCanRun` accepts. Classes RE2 can spell are written out; any other class (set
 * operations, binary properties, script extensions) is expanded into the exact code point ranges
 * V8 gives it.
 */
import { codePointRanges } from './code-point-sets.js';
import type { ClassSet, PerlClassName, RegexNode } from './syntax-tree.js';
import { emitClassBody } from './to-javascript.js';

function hex(codePoint: number): string {
  return `\\x{${codePoint.toString(16)}}`;
}

/**
 * Rust's Unicode `\w` and `\s` in RE2 terms: RE2 lacks the `Alphabetic` and `White_Space`
 * properties, so they are spelled with general categories plus the few code points of
 * Other_Alphabetic that are not marks (circled letters), and the 25 white-space code points.
 */
const PERL_FRAGMENTS: Readonly<Record<PerlClassName, string>> = {
  digit: '\\p{Nd}',
  space: '\\x{9}-\\x{d}\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}',
  word: '\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200c}-\\x{200d}\\x{24b6}-\\x{24e9}\\x{1f130}-\\x{1f149}\\x{1f150}-\\x{1f169}\\x{1f170}-\\x{1f189}',
};

/** General categories RE2 knows with the same members (its `C` lacks unassigned code points). */
const RE2_CATEGORIES = new Set(['L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'S', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs', 'Co', 'Any']);

/** A piece of an RE2 class body with the same members, or null when RE2 cannot say it inside a class. */
function fragment(item: ClassSet): string | null {
  switch (item.type) {
    case 'char':
      return hex(item.codePoint);
    case 'range':
      return `${hex(item.from)}-${hex(item.to)}`;
    case 'posix':
      return `[:${item.negated ? '^' : ''}${item.name}:]`;
    case 'perl':
      if (!item.negated) return PERL_FRAGMENTS[item.name];
      return item.name === 'digit' ? '\\P{Nd}' : null;
    case 'unicode': {
      const script = /^Script=(\w+)$/.exec(item.property);
      const name = script !== null ? (script[1] as string) : RE2_CATEGORIES.has(item.property) ? item.property : null;
      return name === null ? null : `\\${item.negated ? 'P' : 'p'}{${name}}`;
    }
    default:
      return null;
  }
}

/** The class written directly in RE2 syntax, or null when it must be expanded. */
function directClass(set: ClassSet): string | null {
  if (set.type === 'perl' && set.negated) return `[^${PERL_FRAGMENTS[set.name]}]`;
  const union = set.type === 'union' ? set : { type: 'union' as const, items: [set], negated: false };
  if (union.items.length === 1 && union.items[0]?.type === 'perl' && union.items[0].negated) {
    return union.negated ? `[${PERL_FRAGMENTS[union.items[0].name]}]` : `[^${PERL_FRAGMENTS[union.items[0].name]}]`;
  }
  const parts = union.items.map(fragment);
  if (parts.some((part) => part === null)) return null;
  if (parts.length === 0) return union.negated ? '[\\x{0}-\\x{10ffff}]' : '[^\\x{0}-\\x{10ffff}]';
  return `[${union.negated ? '^' : ''}${parts.join('')}]`;
}

function emitClass(set: ClassSet, caseInsensitive: boolean): string {
  const direct = directClass(set);
  // RE2 folds a class under (?i) with Unicode simple case folding, as Rust does.
  if (direct !== null) return caseInsensitive ? `(?i:${direct})` : direct;
  const body = emitClassBody(set);
  const javaScriptClass = body.startsWith('[') || body.startsWith('\\') ? body : `[${body}]`;
  const ranges = codePointRanges(javaScriptClass, caseInsensitive ? 'vi' : 'v');
  if (ranges.length === 0) return '[^\\x{0}-\\x{10ffff}]';
  return `[${ranges.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('')}]`;
}

export function toRe2(node: RegexNode): string {
  switch (node.type) {
    case 'empty':
      return '';
    case 'any':
      return node.dotAll ? '(?s:.)' : '[^\\n]';
    case 'literal':
      return node.caseInsensitive ? `(?i:${hex(node.codePoint)})` : hex(node.codePoint);
    case 'class':
      return emitClass(node.set, node.caseInsensitive);
    case 'assertion':
      switch (node.kind) {
        case 'start-text':
          return '\\A';
        case 'end-text':
          return '\\z';
        case 'start-line':
          return '(?m:^)';
        case 'end-line':
          return '(?m:$)';
        default:
          throw new Error(`RE2 has no Unicode ${node.kind}`);
      }
    case 'concat':
      return node.items.map(toRe2).join('');
    case 'alternation':
      return `(?:${node.branches.map(toRe2).join('|')})`;
    case 'group':
      return `(${toRe2(node.child)})`;
    case 'repeat': {
      const child = toRe2(node.child);
      const atom = `(?:${child})`;
      const bounds = node.max === Infinity ? `{${node.min},}` : node.min === node.max ? `{${node.min}}` : `{${node.min},${node.max}}`;
      return `${atom}${bounds}${node.greedy ? '' : '?'}`;
    }
    case 'look':
    case 'backref':
    case 'atomic':
      throw new Error(`RE2 cannot run ${node.type}`);
  }
}
