/**
 * Bracketed classes (`[a-z&&[^aeiou]]`, `[[:alpha:]]`, `[\p{L}--\d]`) as regex-syntax reads the
 * text fancy-regex hands it: nested classes, POSIX classes, ranges and the set operators `&&`,
 * `--`, `~~` (all of equal precedence, left-associative, binding looser than juxtaposition).
 * Escapes inside are read with fancy-regex's rules first, as fancy-regex does.
 */
import { parseEscape } from './parse-escape.js';
import type { RustRegexParser } from './parse-rust-regex.js';
import type { ClassSet, PosixClassName, RegexNode } from './syntax-tree.js';

const POSIX_NAMES = new Set<string>([
  'alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph',
  'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit',
]);

type Operator = 'intersection' | 'difference' | 'symmetric-difference';

const OPERATORS: Readonly<Record<string, Operator>> = {
  '&&': 'intersection',
  '--': 'difference',
  '~~': 'symmetric-difference',
};

export function parseClass(parser: RustRegexParser, index: number): [number, RegexNode] {
  const [end, set] = parseBracketed(parser, index, true);
  return [end, { type: 'class', set, caseInsensitive: parser.currentFlags.caseInsensitive }];
}

/** One class item that is a single character, or null when the item is a class. */
type Primitive = { readonly codePoint: number } | { readonly set: ClassSet };

function parsePrimitive(parser: RustRegexParser, index: number): [number, Primitive] {
  const source = parser.source;
  if (source[index] === '\\') {
    const [end, node] = parseEscape(parser, index, true);
    if (node.type === 'literal') return [end, { codePoint: node.codePoint }];
    if (node.type === 'class') return [end, { set: node.set }];
    parser.fail(index, 'invalid escape inside a character class');
  }
  const codePoint = source.codePointAt(index) as number;
  return [index + (codePoint > 0xffff ? 2 : 1), { codePoint }];
}

function parsePosix(parser: RustRegexParser, index: number): [number, ClassSet] | null {
  const match = /^\[:(\^?)([a-z]+):\]/.exec(parser.source.slice(index, index + 12));
  if (match === null || !POSIX_NAMES.has(match[2] as string)) return null;
  return [
    index + match[0].length,
    { type: 'posix', name: match[2] as PosixClassName, negated: match[1] === '^' },
  ];
}

function parseBracketed(parser: RustRegexParser, index: number, outermost: boolean): [number, ClassSet] {
  const source = parser.source;
  let position = index + 1;
  let negated = false;
  if (source[position] === '^') {
    negated = true;
    position++;
  }
  let items: ClassSet[] = [];
  let left: ClassSet | null = null;
  let operator: Operator | null = null;
  if (source[position] === ']') {
    items.push({ type: 'char', codePoint: 0x5d });
    position++;
  }
  const closeOperand = (): ClassSet => {
    const union: ClassSet = { type: 'union', items, negated: false };
    items = [];
    if (left === null || operator === null) return union;
    return { type: 'operation', operator, left, right: union };
  };
  for (;;) {
    if (position >= source.length) parser.fail(index, outermost ? 'unclosed character class' : 'unclosed nested class');
    const symbol = source[position] as string;
    if (symbol === ']') {
      const body = closeOperand();
      const set: ClassSet =
        body.type === 'union' ? { ...body, negated } : { type: 'union', items: [body], negated };
      return [position + 1, set];
    }
    if (symbol === '[') {
      const posix = parsePosix(parser, position);
      const [end, set] = posix ?? parseBracketed(parser, position, false);
      items.push(set);
      position = end;
      continue;
    }
    const twoCharacters = source.slice(position, position + 2);
    const setOperator = OPERATORS[twoCharacters];
    if (setOperator !== undefined) {
      left = closeOperand();
      operator = setOperator;
      position += 2;
      continue;
    }
    const [afterStart, start] = parsePrimitive(parser, position);
    position = afterStart;
    const isRange =
      source[position] === '-' && source[position + 1] !== ']' && source[position + 1] !== '-' && position + 1 < source.length;
    if (!isRange) {
      items.push('set' in start ? start.set : { type: 'char', codePoint: start.codePoint });
      continue;
    }
    const [afterEnd, end] = parsePrimitive(parser, position + 1);
    if ('set' in start || 'set' in end) parser.fail(position, 'invalid range boundary: a class cannot start or end a range');
    if (start.codePoint > end.codePoint) parser.fail(position, 'invalid range: the start is greater than the end');
    items.push({ type: 'range', from: start.codePoint, to: end.codePoint });
    position = afterEnd;
  }
}
