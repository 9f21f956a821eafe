// Generators of block-style YAML for the fast-path property tests: nested mappings and sequences
// written in the layouts people use (compact `- key: v`, sequences at their key's column), tricky
// plain and quoted scalars, block scalars, one-line flow collections, tags, empty values, and blank
// and comment lines at every indentation; and mutations of real text (a character deleted or
// inserted, a line re-indented or repeated).
import fc from 'fast-check';

export type Trivia = { readonly blank: number } | { readonly comment: number };

export type Node =
  | { readonly t: 'scalar'; readonly text: string; readonly tag: string | null; readonly comment: boolean; readonly gap: number }
  | { readonly t: 'empty'; readonly tag: string | null; readonly comment: boolean; readonly gap: number }
  | { readonly t: 'block'; readonly header: string; readonly lines: readonly string[]; readonly extra: number; readonly tag: string | null }
  | { readonly t: 'flow'; readonly text: string; readonly tag: string | null; readonly breakIndent: number }
  | { readonly t: 'multi'; readonly first: string; readonly more: ReadonlyArray<{ readonly text: string; readonly indent: number }>; readonly tag: string | null }
  | { readonly t: 'next-line'; readonly text: string; readonly tag: string | null; readonly tagOnKeyLine: boolean; readonly step: number }
  | { readonly t: 'map'; readonly entries: ReadonlyArray<{ readonly key: string; readonly keyGap: number; readonly value: Node; readonly before: readonly Trivia[] }>; readonly step: number; readonly tag: string | null; readonly compact: boolean }
  | { readonly t: 'seq'; readonly items: ReadonlyArray<{ readonly value: Node; readonly before: readonly Trivia[] }>; readonly step: number; readonly tag: string | null; readonly compact: boolean };

// Each list: what the fast path reads, then (after `|`) what makes it step aside, drawn rarely.
const PLAIN = ['a\tb', 'a', 'x\u00a0y', 'a 😀 b', '"not quoted" here', "it's", 'a:', 'a: b', 'a #b', 'Sub ${AWS::Region}', 'yes', 'no', 'true', 'false', 'True', '0x1F', '1e3', '1.5', '-3', '+7', '012', '.inf', '-.inf', 'inf', 'NaN', '~', 'null', 'NULL', 'Null', 'a#b', 'a b', 'arn:aws:s3:::x', 'http://x/y', '-x', '?x', ':x', 'a:b', 'x y  z', 'é', '😀', 'a,b', 'a[0]', 'b}', '9223372036854775808', '1_000', '5.', '.5', '0.0', '-0'];
const QUOTED = ["'a'", "''", "'a''b'", "'yes'", "'a: b'", "'# no comment'", "'1'", '"a"', '""', '"\\u00e9"', '"a\\"b"', '"tab\\there"', '"\\x41"', '"a: b"', '"#x"', '"\\\\"', '"\\/"', '"\\N\\_\\L\\P"', "'it''s'", '" lead"', "'trail '"];
const ODD_QUOTED = ['"\\ud800"', '"\\U0001F600"', '"a\\qb"', "'open", '"a\n  b"'];
const KEYS = ['a', 'b', 'Key', 'Type', 'Fn::If', 'a b', 'x#y', 'k-1', "'q'", '"d"', "'a: b'", '"yes"', 'yes', 'Ref', 'a', 'Properties', '-k', 'é', '"1"'];
const ODD_KEYS = ['null', '1', '~', '? k', '&a k', '[k]', 'true'];
const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Base64', '!GetAZs', '!Select', '!Condition', '!Foo', '!Rain::Embed'];
const CORE_TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null'];
const ODD_TAGS = ['!!map', '!!seq', '!<!x>', '!a!b', '&anchor', '*alias'];
const FLOW = ['[]', '{}', '[a, b]', '[a,b]', '[ a , b ]', "['', !Ref x]", '[0, !GetAZs ""]', '{ a: 1, b: [x, y] }', '{a: b}', '[a, [b, [c]]]', '[!Ref a, !Sub "x"]', '{ "k": v }', '{a: 1, a: 2}', '[yes, 0x1F, ~]', "{ 'x': !If [c, a, b] }"];
const MULTI_LINE_FLOW = ['[a,\nb]', '{ a: 1,\nb: [x,\ny] }', '[\na,\nb\n]', '[a, # c\nb]', '[a\n, b]', '[!If [c,\n!Ref x, y]]', '{\n"k": v\n}', '[a,\n\nb]', '[a\nb]'];
const PAIR_FLOW = ['[a: b]', '[x: 1, "y" : 2, z]', '[0, Fn::GetAZs: !Ref "AWS::Region"]', '[a: [b]]', '[a:b]', "['k': !Sub x]", '[a: b: c]', '[!Ref a: b]', '[1: a]', '[a: ]', '[a:, b]', '[a : b]', '[{a: b}: c]'];
const ODD_FLOW = ['[a, b,]', '{a}', '[a #c]', '[, a]', '[a,\n b]', '{a: }', '[!Ref]'];
const BLOCK_HEADERS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '|1-', '>2+', '|-2', '| # c', '|x'];

/** Mostly `usual`, sometimes `odd`. */
function mostly(usual: readonly string[], odd: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
}
const BLOCK_LINES = ['echo\ta', '\tfirst tab', 'trailing tab\t', ' \t', 'line', 'two words', '  more indented', '', '   ', '#!/bin/bash', 'x: y', '- item', '"q"', 'trailing  ', '      deep'];

const tag: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...TAGS) },
  { weight: 1, arbitrary: mostly(CORE_TAGS, ODD_TAGS) },
);
/** Blanks after an indicator: mostly one. */
const gap = fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) });

const trivia: fc.Arbitrary<readonly Trivia[]> = fc.array(
  fc.oneof(fc.record({ blank: fc.integer({ min: 0, max: 8 }) }), fc.record({ comment: fc.integer({ min: -4, max: 6 }) })),
  { maxLength: 3 },
);

const leaf: fc.Arbitrary<Node> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('scalar' as const), text: fc.constantFrom(...PLAIN), tag, comment: fc.boolean(), gap }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('scalar' as const), text: mostly(QUOTED, ODD_QUOTED), tag, comment: fc.boolean(), gap }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('empty' as const), tag, comment: fc.boolean(), gap }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('block' as const),
      header: fc.constantFrom(...BLOCK_HEADERS),
      lines: fc.array(fc.constantFrom(...BLOCK_LINES), { maxLength: 5 }),
      extra: fc.integer({ min: 0, max: 3 }),
      tag,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('flow' as const), text: mostly(FLOW, ODD_FLOW), tag, breakIndent: fc.constant(0) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('flow' as const), text: fc.constantFrom(...MULTI_LINE_FLOW), tag, breakIndent: fc.integer({ min: -1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('flow' as const), text: fc.constantFrom(...PAIR_FLOW), tag, breakIndent: fc.constant(0) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('multi' as const),
      first: fc.constantFrom(...PLAIN),
      more: fc.array(fc.record({ text: fc.oneof(fc.constantFrom(...PLAIN), fc.constantFrom('', '  ', '# c', '- x', 'k: v', '"q"', '[a]', 'trail  ')), indent: fc.integer({ min: -1, max: 4 }) }), { minLength: 1, maxLength: 4 }),
      tag,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('next-line' as const),
      text: fc.oneof(fc.constantFrom(...PLAIN), fc.constantFrom(...QUOTED), fc.constantFrom(...FLOW), fc.constantFrom('|\n    x', 'k: v')),
      tag,
      tagOnKeyLine: fc.boolean(),
      step: fc.integer({ min: 0, max: 3 }),
    }),
  },
);

export const yamlTree: fc.Arbitrary<Node> = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('map'), tie('seq')),
  map: fc.record({
    t: fc.constant('map' as const),
    entries: fc.array(fc.record({ key: mostly(KEYS, ODD_KEYS), keyGap: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }), value: tie('node'), before: trivia }), { minLength: 1, maxLength: 4 }),
    step: fc.integer({ min: 1, max: 4 }),
    tag,
    compact: fc.boolean(),
  }),
  seq: fc.record({
    t: fc.constant('seq' as const),
    items: fc.array(fc.record({ value: tie('node'), before: trivia }), { minLength: 1, maxLength: 4 }),
    step: fc.integer({ min: 0, max: 3 }),
    tag,
    compact: fc.boolean(),
  }),
})).node;

/** Root documents: a mapping or a sequence, with optional `---`, leading and trailing trivia. */
export const yamlDocument: fc.Arbitrary<string> = fc
  .record({
    root: fc.oneof(yamlTree.filter((n) => n.t === 'map' || n.t === 'seq')),
    rootIndent: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    start: fc.constantFrom('', '---\n', '# c\n---\n', '--- # c\n', '\n\n'),
    end: trivia,
    finalNewline: fc.boolean(),
    tail: fc.constantFrom('', '', '', '', '', '', '', '', '...\n', '---\nb: 2\n'),
    lineBreaks: fc.constantFrom('lf', 'lf', 'lf', 'crlf', 'mixed'),
  })
  .map(({ root, rootIndent, start, end, finalNewline, tail, lineBreaks }) => {
    const lines = [...renderBlock(root, rootIndent), ...renderTrivia(end, 0)];
    const body = lines.join('\n');
    const text = start + body + (finalNewline || tail !== '' ? '\n' : '') + tail;
    if (lineBreaks === 'crlf') return text.replaceAll('\n', '\r\n');
    // Every third line break a CRLF: files edited on two systems.
    let count = 0;
    return lineBreaks === 'mixed' ? text.replace(/\n/g, () => (count++ % 3 === 0 ? '\r\n' : '\n')) : text;
  });

function renderTrivia(items: readonly Trivia[], indent: number): string[] {
  return items.map((item) => ('blank' in item ? ' '.repeat(item.blank) : `${' '.repeat(Math.max(0, indent + item.comment))}# note`));
}

const withTag = (tagName: string | null, text: string): string => (tagName === null ? text : text === '' ? tagName : `${tagName} ${text}`);

/** The lines of a block collection whose entries start at column `indent`. */
function renderBlock(node: Node, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (node.t === 'map') {
    for (const { key, keyGap, value, before } of node.entries) {
      lines.push(...renderTrivia(before, indent));
      lines.push(...renderEntry(`${pad}${key}${' '.repeat(keyGap)}:`, value, indent, 'map'));
    }
  } else if (node.t === 'seq') {
    for (const { value, before } of node.items) {
      lines.push(...renderTrivia(before, indent));
      lines.push(...renderEntry(`${pad}-`, value, indent, 'seq'));
    }
  }
  return lines;
}

/** `head` (`  key:` or `  -`) followed by `value`, for an entry of a collection at column `indent`. */
function renderEntry(head: string, value: Node, indent: number, parent: 'map' | 'seq'): string[] {
  switch (value.t) {
    case 'scalar':
      return [`${head}${' '.repeat(value.gap)}${withTag(value.tag, value.text)}${value.comment ? ' # c' : ''}`];
    case 'empty':
      return [`${head}${value.tag === null ? '' : `${' '.repeat(value.gap)}${value.tag}`}${value.comment ? `${' '.repeat(value.gap)}# c` : ''}`];
    case 'flow':
      // Lines after the first at the entry's column plus `breakIndent`.
      return `${head} ${withTag(value.tag, value.text)}`.split('\n').map((line, i) => (i === 0 ? line : ' '.repeat(Math.max(0, indent + value.breakIndent)) + line));
    case 'multi':
      // A plain scalar folded over lines (or, less indented, not).
      return [`${head} ${withTag(value.tag, value.first)}`, ...value.more.map(({ text, indent: extra }) => (text === '' ? '' : ' '.repeat(Math.max(0, indent + 1 + extra)) + text))];
    case 'next-line': {
      const pad = ' '.repeat(indent + value.step);
      if (value.tag !== null && value.tagOnKeyLine) return [`${head} ${value.tag}`, pad + value.text];
      return [head, pad + withTag(value.tag, value.text)];
    }
    case 'block': {
      const content = ' '.repeat(indent + 1 + value.extra);
      return [`${head} ${withTag(value.tag, value.header)}`, ...value.lines.map((line) => (line.trim() === '' ? line : content + line))];
    }
    case 'map':
    case 'seq': {
      const compactAllowed = parent === 'seq' && value.tag === null;
      if (compactAllowed && value.compact) {
        // `- key: v` / `- - x`: the first entry on the dash's line, the others at its column.
        const column = head.length + 1;
        const inner = renderBlock(withoutLeadingTrivia(value), column);
        return [`${head} ${inner[0]!.slice(column)}`, ...inner.slice(1)];
      }
      const tagPart = value.tag === null ? '' : ` ${value.tag}`;
      const childIndent = value.t === 'seq' && parent === 'map' && value.step === 0 ? indent : indent + Math.max(1, value.step);
      return [`${head}${tagPart}`, ...renderBlock(value, childIndent)];
    }
  }
}

function withoutLeadingTrivia(node: Node): Node {
  if (node.t === 'map') return { ...node, entries: node.entries.map((entry, i) => (i === 0 ? { ...entry, before: [] } : entry)) };
  if (node.t === 'seq') return { ...node, items: node.items.map((item, i) => (i === 0 ? { ...item, before: [] } : item)) };
  return node;
}

const MUTATION_CHARS = [' ', ' ', '\n', '-', ':', '#', '"', "'", '!', '|', '>', '[', ']', '{', '}', 'a', '&', '*', '?', ',', '\\', '.', '0', '\t', '\r'];

export type Mutation = { readonly at: number; readonly kind: 'delete' | 'insert' | 'indent' | 'dedent' | 'repeat-line'; readonly char: string };

export const mutations: fc.Arbitrary<readonly Mutation[]> = fc.array(
  fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'indent', 'dedent', 'repeat-line'), char: fc.constantFrom(...MUTATION_CHARS) }),
  { minLength: 1, maxLength: 3 },
);

export function mutate(text: string, changes: readonly Mutation[]): string {
  let result = text;
  for (const { at, kind, char } of changes) {
    if (result.length === 0) return result;
    const i = at % result.length;
    const lineStart = result.lastIndexOf('\n', i - 1) + 1;
    let lineEnd = result.indexOf('\n', i);
    if (lineEnd === -1) lineEnd = result.length;
    switch (kind) {
      case 'delete':
        result = result.slice(0, i) + result.slice(i + 1);
        break;
      case 'insert':
        result = result.slice(0, i) + char + result.slice(i);
        break;
      case 'indent':
        result = `${result.slice(0, lineStart)} ${result.slice(lineStart)}`;
        break;
      case 'dedent':
        if (result[lineStart] === ' ') result = result.slice(0, lineStart) + result.slice(lineStart + 1);
        break;
      case 'repeat-line':
        result = result.slice(0, lineEnd) + '\n' + result.slice(lineStart, lineEnd) + result.slice(lineEnd);
        break;
    }
  }
  return result;
}

/** A window of whole lines of `text` (templates are long; windows keep the slow path quick). */
export function lineWindow(text: string, from: number, count: number): string {
  const lines = text.split('\n');
  const start = from % lines.length;
  return lines.slice(start, start + count).join('\n');
}

/**
 * Documents centred on one block scalar: any header, content lines at and past its indentation
 * (some less indented), blank lines of any width inside and after it, and what follows it at
 * several indentations, in a mapping or a sequence.
 */
export const blockScalarDocument: fc.Arbitrary<string> = fc
  .record({
    inSequence: fc.boolean(),
    parentIndent: fc.integer({ min: 0, max: 3 }),
    header: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|1', '|2', '|3-', '>2', '|2+', '>1-', '| # note', '|-  # n'),
    tag: fc.constantFrom('', '', '', '!Sub ', '!Base64 ', '!!str '),
    lines: fc.array(
      fc.record({ extra: fc.integer({ min: -1, max: 4 }), text: fc.constantFrom('', '', 'x', 'two words', '#!/bin/bash', 'key: value', '- item', 'a\tb', '  ', 'trail ') }),
      { minLength: 0, maxLength: 8 },
    ),
    contentIndent: fc.integer({ min: 1, max: 4 }),
    after: fc.constantFrom('', 'next: 1', '# comment', '  # indented comment', '- item', 'next:', '  deeper: 1'),
    finalNewline: fc.boolean(),
  })
  .map(({ inSequence, parentIndent, header, tag, lines, contentIndent, after, finalNewline }) => {
    const pad = ' '.repeat(parentIndent);
    const head = inSequence ? `${pad}- ${tag}${header}` : `${pad}key: ${tag}${header}`;
    const body = lines.map(({ extra, text }) => (text === '' ? ' '.repeat(Math.max(0, extra)) : ' '.repeat(Math.max(0, parentIndent + contentIndent + extra)) + text));
    const tail = after === '' ? [] : [pad + after.replace(/^- /, inSequence ? '- ' : 'x: ')];
    return [...(parentIndent > 0 ? ['root:'] : []), head, ...body, ...tail].join('\n') + (finalNewline ? '\n' : '');
  });
