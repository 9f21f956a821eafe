// Where values are located. cfn-guard prints `[L:line,C:column]`, both 0-based, at the node's
// first property (`&anchor`, `!Tag`) or its first character; for a block mapping, at its first
// key; for a block sequence, at its first `-`. Each case below was printed by cfn-guard 3.1.1
// (`V is_string`, `V empty` failing with "property [/V[L:x,C:y]]").
import { describe, expect, it } from 'vitest';
import { loadDocument, pathWithLocation } from '../../src/index.js';
import { at, documentOf } from './helpers.js';

const located = (text: string, ...keys: Array<string | number>) => pathWithLocation(at(documentOf(loadDocument(text, { fileName: 'd.yaml' })), ...keys));

describe('value locations match cfn-guard', () => {
  it.each([
    ['V: &a !Ref x\n', ['V'], '/V[L:0,C:3]'],
    ['V: &a  x\n', ['V'], '/V[L:0,C:3]'],
    ['V:   "x"\n', ['V'], '/V[L:0,C:5]'],
    ['V:\n  - a\n  - "b"\n', ['V'], '/V[L:1,C:2]'],
    ['V:\n  - a\n  - "b"\n', ['V', 0], '/V/0[L:1,C:4]'],
    ['V:\n  - a\n  - "b"\n', ['V', 1], '/V/1[L:2,C:4]'],
    ['V:\n    a: 1\n    b: 2\n', ['V'], '/V[L:1,C:4]'],
    ['V: {a: 1}\n', ['V'], '/V[L:0,C:3]'],
    ['V: !If\n  - a\n', ['V'], '/V[L:0,C:3]'],
    ['V:\n  !!str k: v\n', ['V'], '/V[L:1,C:2]'],
    ['V: \n  &x k: v\n', ['V'], '/V[L:1,C:2]'],
    ['V: !Custom\n  k: v\n', ['V'], '/V[L:0,C:3]'],
    ['V:\n  - k: "x"\n', ['V'], '/V[L:1,C:2]'],
    // libyaml counts a byte-order mark as a column, and a CRLF as one line break.
    ['\uFEFFV: x\n', ['V'], '/V[L:0,C:4]'],
    ['A: 1\r\nV: x\r\n', ['V'], '/V[L:1,C:3]'],
    ['{"é": 1, "V": "x"}', ['V'], '/V[L:0,C:14]'],
    ['Resources:\n  Logs:\n    Properties:\n      VersioningConfiguration:\n        Status: Suspended\n', ['Resources', 'Logs', 'Properties', 'VersioningConfiguration', 'Status'], '/Resources/Logs/Properties/VersioningConfiguration/Status[L:4,C:16]'],
  ])('%j at %j is %s', (text, keys, expected) => {
    expect(located(text, ...keys)).toBe(expected);
  });

  it('spans end where the value ends (exclusive) and carry the file name', () => {
    const value = at(documentOf(loadDocument('A: 1\nV: "a b"  # c\n', { fileName: 'd.yaml' })), 'V');
    expect(value.span?.file).toBe('d.yaml');
    expect(value.span?.start).toEqual({ offset: 8, line: 2, column: 4 });
    expect(value.span?.end).toEqual({ offset: 13, line: 2, column: 9 });
  });

  it('serialises a span as plain data', () => {
    const value = at(documentOf(loadDocument('V: 1\n', { fileName: 'd.yaml' })), 'V');
    expect(JSON.parse(JSON.stringify(value.span))).toEqual({ file: 'd.yaml', start: { offset: 3, line: 1, column: 4 }, end: { offset: 4, line: 1, column: 5 } });
  });
});
