/**
 * Emits RE2 syntax (for re2js) with the same meaning as a parsed Guard regex, for the patterns
 * `linearEngineCanRun` accepts. Simple classes are written out; any other class is expanded into
 * the exact code point ranges V8 gives it, so both engines share one definition of every class.
 */
import { codePointRanges } from './code-point-sets.js';
import type { ClassSet, RegexNode } from './syntax-tree.js';
import { emitClassBody } from './to-javascript.js';

function hex(codePoint: number): string {
  return `\\x{${codePoint.toString(16)}}`;
}

function isSimpleUnion(set: ClassSet): set is Extract<ClassSet, { type: 'union' }> {
  return set.type === 'union' && set.items.every((item) => item.type === 'char' || item.type === 'range');
}

function emitClass(set: ClassSet, caseInsensitive: boolean): string {
  if (isSimpleUnion(set)) {
    const items = set.items.map((item) =>
      item.type === 'char' ? hex(item.codePoint) : item.type === 'range' ? `${hex(item.from)}-${hex(item.to)}` : '',
    );
    const body = items.length === 0 ? (set.negated ? '\\x{0}-\\x{10ffff}' : '') : items.join('');
    const negate = set.negated && items.length > 0 ? '^' : '';
    const text = body === '' ? '[^\\x{0}-\\x{10ffff}]' : `[${negate}${body}]`;
    return caseInsensitive ? `(?i:${text})` : text;
  }
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
