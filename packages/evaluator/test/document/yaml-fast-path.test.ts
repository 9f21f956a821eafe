// The YAML fast path on the constructs it reads (each must be taken and equal the slow path, spans
// included) and on those it must leave to the slow path (each must step aside).
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/index.js';
import { SourceLocator } from '../../src/document/source-locator.js';
import { loadYamlFastPath } from '../../src/document/yaml-fast-path.js';
import { compareFastPath, firstDifference } from './yaml-fast-path-compare.js';
import { at, documentOf, scalar } from './helpers.js';

const taken: Array<[string, string]> = [
  ['nested mappings and sequences', 'a: 1\nb:\n  c: x\n  d:\n    - 1\n    - two\ne: [1, 2]\n'],
  ['a sequence at its key’s column', 'a:\n- x\n- y\nb: z\n'],
  ['compact nested entries', '- a: 1\n  b: 2\n- - x\n  - y\n-   k: v\n'],
  ['typing of plain scalars', 'a: [yes, No, 0x1F, 1e3, .inf, ~, null, NULL, true, False, 012, -0, 9223372036854775808]\n'],
  ['quoted scalars', `a: 'it''s'\nb: "\\u00e9\\t\\"x\\"\\\\"\nc: 'a: b # c'\n"k: 1": v\n`],
  ['short-form tags', 'a: !Ref x\nb: !GetAtt a.b\nc: !If [c, !Ref a, !Sub "x"]\nd: !GetAZs\ne: !Join\n  - ""\n  - - a\n    - !Ref b\n'],
  ['core tags on scalars', 'a: !!str 5\nb: !!int "7"\nc: !!float 1\nd: !!bool true\ne: !!null\n'],
  ['a tag on a mapping (the first key is located at the tag, as the slow path does)', 'a: !Base64\n  Fn::Sub: x\n'],
  ['the key after a tagged empty value (located at the tag, as the slow path does)', 'r:\n  a: !GetAZs\n  b: 1\n'],
  ['literal block scalars', 'a: |\n  x\n   y\n\n\nb: |-\n    z\nc: |+\n  k\n\nd: |2\n     w\n'],
  ['folded block scalars', 'a: >\n  one\n  two\n\n  three\n    more\nb: >-\n  x\n'],
  ['a short form on a block scalar', 'UserData: !Sub |\n  #!/bin/bash\n  echo ${AWS::Region}\nNext: 1\n'],
  ['tabs in a block scalar’s text', 'a: |\n  if x;\tthen\n  \techo no\n'.replace('\n  \techo no', '\n  echo\tyes')],
  ['comments everywhere', '# head\n---\na: 1 # one\n  # indented\nb:\n  c: 2\n    # deeper\n  # level\n# out\n'],
  ['empty values', 'a:\nb: # c\nc:\n  -\n  - # c\n  - x\n'],
  ['duplicate keys (first position, last value)', 'a: 1\nb: 2\na: 3\n'],
  ['a multi-line plain scalar', 'Description: a long\n  text over\n\n  lines\nNext: 1\n'],
  ['a value on the line after its key', 'a:\n  !Sub "x"\nb: !Ref\n  y\n'],
  ['CRLF line breaks', 'a: 1\r\nb: |\r\n  x\r\n  y\r\n# c\r\nc:\r\n  - z\r\n'],
  ['a root indented past column 0', '  a: 1\n  b: 2\n'],
  ['a flow mapping key over 1024 characters (the yaml package takes it there)', `a: {${'k'.repeat(1100)}: 1}\n`],
  ['pairs in a flow sequence (one-entry mappings)', 'a: !Select [0, Fn::GetAZs: !Ref "AWS::Region"]\nb: [x: 1, "y" : 2, z]\n'],
  ['a flow collection over several lines', 'a: [1,\n  2, {k: v,\n   l: !Ref w}\n  ]\nb: !If [c,\n    x, y]\n'],
];

const steppedAside: Array<[string, string]> = [
  ['an anchor', 'a: &x 1\n'],
  ['an alias', 'a: 1\nb: *x\n'],
  ['a merge key', 'a: {k: v}\nb:\n  <<: *a\n'],
  ['a complex key', '? a\n: b\n'],
  ['a directive', '%YAML 1.1\n---\na: 1\n'],
  ['a second document', 'a: 1\n---\nb: 2\n'],
  ['a document end marker', 'a: 1\n...\n'],
  ['a lone CR', 'a: 1\rb: 2\r'],
  ['a tab in indentation', 'a:\n\tb: 1\n'],
  ['a flow collection continued left of its block', 'a: [1,\n2]\n'],
  // The blank line lowers the lexer's indentNext: the plain scalar then continues on `- a b`.
  ['a value on its own line after a line that lowers the lexer’s indentation', "-\n\n# note\n -'a'\n- a b"],
  ['a comment in a flow collection', 'a: [1, # one\n  2]\n'],
  ['a multi-line quoted scalar', 'a: "x\n  y"\n'],
  ['a non-string key', '10: ten\n'],
  ['a core tag whose text does not fit', 'a: !!int abc\n'],
  ['a verbatim tag', 'a: !<tag:yaml.org,2002:str> x\n'],
  ['a byte order mark', '\uFEFFa: 1\n'],
  ['a pair in a flow sequence with an empty value', 'a: [x: , y]\n'],
  ['a pair in a flow sequence whose key is over 1024 characters', `a: [${'k'.repeat(1100)}: 1]\n`],
  ['a block mapping key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
  ['a JSON document', '{"a": 1}\n'],
  ['a scalar document', 'just text\n'],
];

describe('YAML fast path: constructs it reads', () => {
  it.each(taken)('%s: taken, and equal to the slow path', (_name, text) => {
    const outcome = compareFastPath(text);
    expect(outcome.taken).toBe(true);
    if (outcome.taken && !outcome.same) expect.fail(firstDifference(outcome.fast, outcome.slow));
  });

  it('gives the values a reader expects (not only what the slow path gives)', () => {
    const document = documentOf(loadDocument('a: !Ref x\nb: |-\n  l1\n  l2\nc: [yes, 1, "2"]\n', { fileName: 'f.yaml' }));
    expect(scalar(at(document, 'a', 'Ref'))).toBe('string:x');
    expect(scalar(at(document, 'b'))).toBe('string:l1\nl2');
    expect(['string:yes', 'int:1', 'string:2']).toEqual([0, 1, 2].map((i) => scalar(at(document, 'c', i))));
    // A block scalar runs from its header to the start of the line after its last line.
    const span = at(document, 'b').span!;
    expect([span.start.line, span.start.column, span.end.line, span.end.column]).toEqual([2, 4, 5, 1]);
  });
});

describe('YAML fast path: constructs it leaves to the slow path', () => {
  it.each(steppedAside)('%s: steps aside', (_name, text) => {
    expect(loadYamlFastPath(new SourceLocator(text, 'f.yaml'), 400)).toBeUndefined();
  });

  it('steps aside before the depth bound, so that the slow path reports it', () => {
    const deep = Array.from({ length: 12 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' x\n';
    expect(loadYamlFastPath(new SourceLocator(deep, 'f.yaml'), 400)).toBeDefined();
    expect(loadYamlFastPath(new SourceLocator(deep, 'f.yaml'), 10)).toBeUndefined();
    const result = loadDocument(deep, { fileName: 'f.yaml', maxDepth: 10 });
    expect(result.ok ? 'loaded' : result.error.code).toBe('too-deep');
  });
});

// Inputs on which a scan per value to the end of the line or of the text would take minutes: the
// reader must stay linear (a hang fails the test by its timeout; speed is the benchmarks' business).
describe('YAML fast path: hostile input stays linear', () => {
  const take = (text: string) => {
    const result = loadYamlFastPath(new SourceLocator(text, 'f.yaml'), 400);
    if (result === undefined || !result.ok) return expect.fail('the fast path stepped aside');
    return result.document;
  };

  it('a one-line flow sequence of 200,000 quoted strings', () => {
    const document = take(`a: [${Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? "'x''y'" : '"x\\ty"')).join(', ')}]\n`);
    const list = at(document, 'a');
    expect(list.kind === 'list' ? list.items.length : 0).toBe(200_000);
    expect(scalar(at(document, 'a', 199_999))).toBe('string:x\ty');
  });

  it('50,000 block scalars and multi-line plain scalars, no tab anywhere', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `k${i}: |\n  line\nm${i}: a\n  b\n`).join('');
    const document = take(text);
    expect(scalar(at(document, 'm49999'))).toBe('string:a b');
  });

  it('a block scalar line of a million tabs after its text', () => {
    const document = take(`a: |\n  x${'\t'.repeat(1_000_000)}\nb: 1\n`);
    expect(scalar(at(document, 'b'))).toBe('int:1');
  });
});
