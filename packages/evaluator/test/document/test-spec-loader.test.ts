// The `cfn-guard test` spec loader (serde_yaml). Expectations observed on cfn-guard 3.1.1 with
// `test -r R -t T` and rules `V is_<kind>` / `V == <literal>` (spec §9.5, probe
// test_cmd_yaml_loader_differs, S27).
import { describe, expect, it } from 'vitest';
import { loadTestSpecDocument, valueToJson } from '../../src/index.js';
import { at, documentOf, errorOf, scalar } from './helpers.js';

const load = (text: string) => loadTestSpecDocument(text, { fileName: 't.yaml' });
const spec = (input: string) => `- name: t\n  input:\n${input.split('\n').map((line) => `    ${line}`).join('\n')}\n  expectations:\n    rules:\n      r: PASS\n`;
const inputOf = (input: string) => at(documentOf(load(spec(input))), 0, 'input');
const typed = (written: string) => scalar(at(inputOf(`V: ${written}`), 'V'));

describe('test spec loader: scalars (YAML 1.2 core schema, serde_yaml edges)', () => {
  it.each([
    ['True', 'bool:true'],
    ['TRUE', 'bool:true'],
    ['yes', 'string:yes'],
    ['Null', 'null'],
    ['NULL', 'null'],
    ['nUll', 'string:nUll'],
    ['~', 'null'],
    ['', 'null'],
    ['0x1F', 'int:31'],
    ['0o17', 'int:15'],
    ['0b11', 'int:3'],
    ['-0x10', 'int:-16'],
    ['+0x10', 'int:16'],
    ['012', 'string:012'],
    ['00', 'string:00'],
    ['-012', 'string:-012'],
    ['1_000', 'string:1_000'],
    ['+12', 'int:12'],
    ['-0', 'int:0'],
    ['.5', 'float:0.5'],
    ['5.', 'float:5'],
    ['0.', 'float:0'],
    ['1.10', 'float:1.1'],
    ['1E3', 'float:1000'],
    ['.inf', 'float:Infinity'],
    ['-.inf', 'float:-Infinity'],
    ['+.inf', 'float:Infinity'],
    ['.Inf', 'float:Infinity'],
    ['.NaN', 'float:NaN'],
    ['inf', 'string:inf'],
    ['NaN', 'string:NaN'],
    ['1e400', 'string:1e400'],
    ['0x', 'string:0x'],
    ['2024-01-01', 'string:2024-01-01'],
    ['9223372036854775807', 'int:9223372036854776000'],
    // Above i64 the reference wraps (u64 → i64 cast).
    ['18446744073709551615', 'int:-1'],
    ['9223372036854775808', 'int:-9223372036854776000'],
    ['!!str 5', 'string:5'],
    ['!!int "5"', 'int:5'],
    ['!!float 1', 'float:1'],
    ['!!bool True', 'bool:true'],
    ['!!null NULL', 'null'],
    ['!!int 0x10', 'int:16'],
    ['0xFFFFFFFFFFFFFFFF', 'int:-1'],
    ['-0o7', 'int:-7'],
    ['0x_1', 'string:0x_1'],
    ['!!timestamp 2020-01-01', 'string:2020-01-01'],
    ['!!binary abc', 'string:abc'],
    ['!Custom 5', 'int:5'],
    ['"true"', 'string:true'],
  ])('V: %s is %s', (written, expected) => {
    expect(typed(written)).toBe(expected);
  });

  it.each(['18446744073709551616', '-9223372036854775809', '0x1FFFFFFFFFFFFFFFF', '!!int x', '!!int 012', '!!bool yes', '!!float x', '!!null foo', '!!null', '!!null ""', '*nope'])('V: %s makes the file unreadable', (written) => {
    expect(load(spec(`V: ${written}`)).ok).toBe(false);
  });
});

describe('test spec loader: structure', () => {
  it('resolves aliases and keeps `<<` as a literal key (probe test_cmd_yaml_loader_differs)', () => {
    const input = inputOf('V: True\nA: &anc {x: 1}\nB: *anc\nC:\n  <<: *anc\nH: 0x10');
    expect(valueToJson(input)).toEqual({ V: true, A: { x: 1 }, B: { x: 1 }, C: { '<<': { x: 1 } }, H: 16 });
    // The copy has the path of where the alias is written.
    expect(at(input, 'B', 'x').path).toBe('/B/x');
    expect(at(input, 'C', '<<', 'x').path).toBe('/C/<</x');
  });

  it('gives input values paths relative to the input, and the rest paths from the file root', () => {
    const document = documentOf(load(spec('Resources:\n  B:\n    Type: X')));
    expect(at(document, 0, 'input', 'Resources', 'B', 'Type').path).toBe('/Resources/B/Type');
    expect(at(document, 0, 'expectations', 'rules', 'r').path).toBe('/0/expectations/rules/r');
    expect(at(document, 0, 'input', 'Resources', 'B', 'Type').span?.start.line).toBe(5);
  });

  it.each([
    ['!Ref x', { Ref: 'x' }],
    ['!GetAtt a.b', { 'Fn::GetAtt': 'a.b' }],
    ['!Base64 {"a": 1}', { 'Fn::Base64': { a: 1 } }],
    ['!If x', { 'Fn::If': 'x' }],
    ['!Ref [a, b]', { Ref: ['a', 'b'] }],
    ['!Custom [1]', [1]],
  ])('short form V: %s wraps whatever it tags', (written, expected) => {
    expect(valueToJson(inputOf(`V: ${written}`))).toEqual({ V: expected });
  });

  it.each(['V: 1\nV: 2', 'V: {a: 1, a: 2}'])('refuses duplicate keys: %j', (input) => {
    expect(errorOf(load(spec(input))).code).toBe('duplicate-key');
  });

  it.each(['V: 1\n10: x', 'V: 1\nTrue: x', 'V: 1\n~: x'])('refuses non-string keys: %j', (input) => {
    expect(errorOf(load(spec(input))).code).toBe('non-string-key');
  });

  it('accepts quoted number-like keys', () => {
    expect(valueToJson(inputOf('"10": x'))).toEqual({ '10': 'x' });
  });

  it('refuses a file with several documents', () => {
    expect(load(`${spec('V: 1')}---\n${spec('V: 2')}`).ok).toBe(false);
  });

  it('reads JSON spec files, where integers beyond u64 are floats (serde_json fallback)', () => {
    const text = JSON.stringify([{ name: 't', input: { V: 1, W: 2.5 }, expectations: { rules: { r: 'PASS' } } }]).replace('"V":1', '"V":18446744073709551616');
    expect(scalar(at(documentOf(load(text)), 0, 'input', 'V'))).toBe('float:18446744073709552000');
    expect(scalar(at(documentOf(load(text)), 0, 'input', 'W'))).toBe('float:2.5');
  });
});

describe('test spec loader: alias bombs', () => {
  it('refuses a billion-laughs document quickly with a clean error', () => {
    const lines = ['- name: t', '  input:', '    a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`    a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const error = errorOf(load(`${lines.join('\n')}\n`));
    expect(error.code).toBe('alias-expansion-limit');
  });

  it('expands a modest number of aliases', () => {
    const input = inputOf('a0: &a0 [x, x]\na1: [*a0, *a0, *a0]');
    expect(valueToJson(input)).toEqual({ a0: ['x', 'x'], a1: [['x', 'x'], ['x', 'x'], ['x', 'x']] });
  });
});
