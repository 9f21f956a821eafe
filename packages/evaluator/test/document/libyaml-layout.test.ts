// Layouts libyaml (behind cfn-guard 3.1.1) reads differently from the `yaml` package: where a line
// ends, what a column counts, how far a flow collection or a quoted scalar may continue, and where
// an empty value with properties stands. Every expected location was printed by cfn-guard 3.1.1
// (`… is_list` failing with "property [/K/X[L:x,C:y]]"), every value by its `-o json` report.
import { describe, expect, it } from 'vitest';
import { loadDocument, pathWithLocation, valueToJson } from '../../src/index.js';
import { at, documentOf } from './helpers.js';

const load = (text: string, fileName = 'd.yaml') => documentOf(loadDocument(text, { fileName }));
const located = (text: string, ...keys: Array<string | number>) => pathWithLocation(at(load(text), ...keys));

describe('libyaml line and column counting', () => {
  it.each([
    ['an astral character is one column', 'K: {A: "😀", X: 1}\n', ['K', 'X'], '/K/X[L:0,C:15]'],
    ['… in JSON too', '{"K": {"A": "😀😀", "X": 1}}', ['K', 'X'], '/K/X[L:0,C:23]'],
    ['LS ends a line', 'K: {A: "a\u2028b", X: 1}\n', ['K', 'X'], '/K/X[L:1,C:7]'],
    ['NEL ends a line', 'K: {A: "a\u0085b", X: 1}\n', ['K', 'X'], '/K/X[L:1,C:7]'],
    ['a lone CR ends a line', 'J: 1\rK:\r  X: 1\r', ['K', 'X'], '/K/X[L:2,C:5]'],
  ])('%s', (_name, text, keys, expected) => {
    expect(located(text, ...keys)).toBe(expected);
  });
});

describe('continuation lines at any indentation', () => {
  it('a flow sequence continued left of its key', () => {
    const document = load('V: [a,\nb]\nW: 1\n');
    expect(valueToJson(document)).toEqual({ V: ['a', 'b'], W: 1 });
    expect(pathWithLocation(at(document, 'V', 1))).toBe('/V/1[L:1,C:0]');
  });

  it('a flow mapping nested in a block, continued at column 0', () => {
    expect(valueToJson(load('A:\n  B: {a: [1,\n2], c: {d:\n3}}\n  E: 5\n'))).toEqual({ A: { B: { a: [1, 2], c: { d: 3 } }, E: 5 } });
  });

  it('a double-quoted scalar continued at column 0 folds as usual', () => {
    const document = load('A:\n  B: "x\ny"\n  C: 1\n');
    expect(valueToJson(document)).toEqual({ A: { B: 'x y', C: 1 } });
    expect(pathWithLocation(at(document, 'A', 'B'))).toBe('/A/B[L:1,C:5]');
  });

  it('a line at column 0 that is not inside a flow collection still ends the block', () => {
    const result = loadDocument('A:\n  B: [a,\nb]\n    C: 1\n', { fileName: 'd.yaml' });
    expect(result.ok).toBe(false);
  });
});

describe('line breaks of YAML 1.1 inside quoted scalars', () => {
  it.each([
    ['NEL', 'K:\n  B: "x\u0085y"\n', 'x y'],
    ['a lone CR', 'K:\r  B: "x\r  y"\r', 'x y'],
    ['NEL in a JSON string', '{"K": {"B": "x\u0085y"}}', 'x y'],
  ])('%s folds to a space', (_name, text, expected) => {
    expect(valueToJson(at(load(text), 'K', 'B'))).toBe(expected);
  });

  it('NEL in a plain scalar is still refused', () => {
    expect(loadDocument('K:\n  B: x\u0085y\n  X: 1\n', { fileName: 'd.yaml' }).ok).toBe(false);
  });
});

describe('an empty value with properties stands at its first property', () => {
  const text = 'K:\n  A: !GetAZs\n  B: &a\n  C:\n    - !Ref # c\n  D: {a: !Ref , b: &y }\nE: 1\n';
  it.each([
    [['K', 'A'], '/K/A[L:1,C:5]'],
    [['K', 'B'], '/K/B[L:2,C:5]'],
    [['K', 'C', 0], '/K/C/0[L:4,C:6]'],
    [['K', 'D', 'b'], '/K/D/b[L:5,C:19]'],
    [['E'], '/E[L:6,C:3]'],
  ])('%j at %s', (keys, expected) => {
    expect(located(text, ...keys)).toBe(expected);
  });
});
