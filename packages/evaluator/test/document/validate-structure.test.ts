// Structure rules of the `validate` loader, as observed on cfn-guard 3.1.1 (spec §9.2, probes
// yaml_cfn_short_forms, yaml_alias_is_error, yaml_non_string_key_is_error,
// yaml_number_like_key_is_error, yaml_duplicate_keys_and_documents, json_input; S28–S30).
import { describe, expect, it } from 'vitest';
import { loadDocument, valueToJson } from '../../src/index.js';
import { at, documentOf, errorOf, scalar } from './helpers.js';

const load = (text: string) => loadDocument(text, { fileName: 'd.yaml' });
const json = (text: string) => valueToJson(documentOf(load(text)));

describe('validate loader: CloudFormation short forms', () => {
  it.each([
    ['!Ref Param', { Ref: 'Param' }],
    ['!Ref 5', { Ref: '5' }],
    ['!Ref', { Ref: '' }],
    ['!GetAtt Role.Arn', { 'Fn::GetAtt': 'Role.Arn' }],
    ['!GetAtt [Role, Arn]', { 'Fn::GetAtt': ['Role', 'Arn'] }],
    ['!Sub "arn:${AWS::Region}"', { 'Fn::Sub': 'arn:${AWS::Region}' }],
    ['!Sub [a, {b: c}]', { 'Fn::Sub': ['a', { b: 'c' }] }],
    ['!If [IsProd, a, b]', { 'Fn::If': ['IsProd', 'a', 'b'] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Condition c', { Condition: 'c' }],
    ['!RefAll x', { 'Fn::RefAll': 'x' }],
    ['!ValueOf [a]', { 'Fn::ValueOf': ['a'] }],
    ['!GetAtt [a, !Ref b]', { 'Fn::GetAtt': ['a', { Ref: 'b' }] }],
    ['!<!Ref> x', { Ref: 'x' }],
    // Tags on mappings are dropped; unknown tags and mismatched shapes leave the plain value.
    ['!Base64 {"Fn::Sub": x}', { 'Fn::Sub': 'x' }],
    ['!Transform {a: 1}', { a: 1 }],
    ['!Custom 5', '5'],
    ['!Custom [1]', [1]],
    ['!If x', 'x'],
    ['!Ref [a, b]', ['a', 'b']],
  ])('V: %s', (written, expected) => {
    expect(json(`V: ${written}`)).toEqual({ V: expected });
  });

  it('gives the long-form map and its content the path and location of the tag', () => {
    const document = documentOf(load('T:\n  A: !Ref Param\n  E: !If [IsProd, a, b]\n'));
    const ref = at(document, 'T', 'A');
    expect(ref.path).toBe('/T/A');
    expect(ref.span?.start).toEqual({ offset: 8, line: 2, column: 6 });
    expect(at(ref, 'Ref').path).toBe('/T/A/Ref');
    expect(at(document, 'T', 'E', 'Fn::If', 0).path).toBe('/T/E/Fn::If/0');
  });
});

describe('validate loader: keys', () => {
  it.each(['10: ten', 'true: x', 'null: x', '~: x', 'inf: 2', 'NaN: 2', '1.5: x', '? [a]\n: b', '!Ref x: 1'])(
    '%j as a key makes the file unreadable',
    (entry) => {
      const error = errorOf(load(`A: 1\n${entry}\n`));
      expect(error.code).toBe('non-string-key');
      expect(error.span?.start.line).toBe(2);
      expect(error.message).toMatch(/^d\.yaml:2:\d+: non string type detected for key/);
    },
  );

  it.each(['"10": x', '!!str 10: x', 'Info: 1', 'Yes: 2', 'True: 3', '-: x', '!Custom k: v'])('%j is a string key', (entry) => {
    const document = documentOf(load(`${entry}\n`));
    expect(document.kind).toBe('map');
    if (document.kind === 'map') expect(document.keys).toHaveLength(1);
  });

  it('keeps the first position and the last value of a duplicate key', () => {
    const document = documentOf(load('A: 1\nB: 2\nA: 3\n'));
    if (document.kind !== 'map') expect.fail('not a map');
    expect(document.keys.map((key) => key.value)).toEqual(['A', 'B']);
    expect(scalar(at(document, 'A'))).toBe('int:3');
    expect(at(document, 'A').span?.start.line).toBe(3);
    expect(document.keys[0]!.span?.start.line).toBe(1);
  });

  it('gives each key its entry path and its own span', () => {
    const document = documentOf(load('Resources:\n  Fn:\n    Type: X\n'));
    const resources = at(document, 'Resources');
    if (resources.kind !== 'map') expect.fail('not a map');
    expect(resources.keys[0]).toMatchObject({ value: 'Fn', path: '/Resources/Fn' });
    expect(resources.keys[0]!.span?.start).toEqual({ offset: 13, line: 2, column: 3 });
  });
});

describe('validate loader: aliases and documents', () => {
  it.each([
    ['A: &base {x: 1}\nB: *base\n', 2],
    ['A: &base {x: 1}\nC:\n  <<: *base\n', 3],
    ['V: *x\n', 1],
  ])('refuses any alias, naming its line: %j', (text, line) => {
    const error = errorOf(load(text));
    expect(error.code).toBe('alias');
    expect(error.span?.start.line).toBe(line);
    expect(error.message).toContain('alias');
  });

  it('accepts anchors that are never used', () => {
    expect(json('a: &x 1\nV: 1\n')).toEqual({ a: 1, V: 1 });
  });

  it('reads only the first document, even when what follows is broken', () => {
    expect(json('A: 1\nB: 2\nA: 3\n---\nSecond: true\n')).toEqual({ A: 3, B: 2 });
    expect(json('V: 1\n---\nW: [\n')).toEqual({ V: 1 });
    expect(json('V: 1\n...\n]]]\n')).toEqual({ V: 1 });
    expect(json('%YAML 1.2\n---\nV: 1\n')).toEqual({ V: 1 });
  });
});

describe('validate loader: JSON', () => {
  it('reads the probe json_input: float 1.0, duplicate key, \\u escape, trailing comma', () => {
    const document = documentOf(load('{"V": 1.0, "D": 1, "D": 2, "U": "\\u00e9",}'));
    expect(scalar(at(document, 'V'))).toBe('float:1');
    expect(scalar(at(document, 'D'))).toBe('int:2');
    expect(scalar(at(document, 'U'))).toBe('string:é');
  });

  it.each([
    ['{"V": 1e2}', 'float:100'],
    ['{"V": -0}', 'int:0'],
    ['{"V": 12345678901234567890}', 'float:12345678901234567000'],
    ['{"V": "tab\\there"}', 'string:tab\there'],
    ['{"V": "a\\/b"}', 'string:a/b'],
    ['{"V": null}', 'null'],
    ['{"V": true}', 'bool:true'],
    ['{"V": "\uD83D\uDE00"}', 'string:\uD83D\uDE00'],
  ])('%s', (text, expected) => {
    expect(scalar(at(documentOf(load(text)), 'V'))).toBe(expected);
  });

  it('refuses \\u escapes of surrogates, as libyaml does', () => {
    expect(errorOf(load('{"V": "\\ud83d\\ude00"}')).code).toBe('syntax');
    expect(errorOf(load('V: "\\ud800"\n')).code).toBe('syntax');
  });
});

describe('validate loader: unreadable input', () => {
  it.each([
    ['', 'empty'],
    ['   \n \n', 'empty'],
    ['\uFEFF\n', 'empty'],
    // cfn-guard panics (exit 101) on a comment-only file; guardts reports it as empty.
    ['# just a comment\n', 'empty'],
    ['V: [1, 2', 'syntax'],
    ['{"V": [1, 2', 'syntax'],
    ['{"V": 1', 'syntax'],
    ['V: a\u0001b', 'syntax'],
    ['V: a\u007fb', 'syntax'],
    ['V: a\u0085b', 'syntax'],
    ['V: a\uFFFEb', 'syntax'],
    ['{"V": "a\u0001"}', 'syntax'],
  ])('%j is refused (%s)', (text, code) => {
    const error = errorOf(load(text));
    expect(error.code).toBe(code);
    expect(error.message.startsWith('d.yaml')).toBe(true);
  });

  it.each(['V: [a, , b]\n', 'V: [a, b]]\n', 'V:\n\t- a\n', 'V: a: b\n', '- a\nb: c\n', 'V: "a"b\n', '\tV: 1\n', 'a:\n  b: 1\n c: 2\n', 'V: !foo!bar x\n'])(
    'malformed YAML %j is refused, as libyaml refuses it',
    (text) => {
      expect(errorOf(load(text)).code).toBe('syntax');
    },
  );

  it('skips a byte-order mark, as cfn-guard does', () => {
    expect(json('\uFEFFV: 1\n')).toEqual({ V: 1 });
    expect(json('\uFEFF{"V": 1}')).toEqual({ V: 1 });
  });

  it('refuses input above the configured size', () => {
    const error = errorOf(loadDocument('V: 1234567890\n', { fileName: 'd.yaml', maxSize: 10 }));
    expect(error.code).toBe('too-large');
  });

  it('tab inside a plain scalar is kept', () => {
    expect(json('V: a\tb\n')).toEqual({ V: 'a\tb' });
  });
});
