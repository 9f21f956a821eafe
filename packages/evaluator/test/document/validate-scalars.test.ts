// Scalar typing of the `validate` loader. Every expectation was observed on cfn-guard 3.1.1 with
// `validate -z -o json` and rules `V is_string|is_int|is_float|is_bool|is_null|is_list|is_struct`
// plus `V == "…"` to print the value (spec §9.2, probe yaml_scalars, S26/S27).
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/index.js';
import { at, documentOf, errorOf, scalar } from './helpers.js';

const load = (text: string) => loadDocument(text, { fileName: 'd.yaml' });
const typed = (written: string) => scalar(at(documentOf(load(`V: ${written}`)), 'V'));

describe('validate loader: plain scalars', () => {
  it.each([
    ['1.10', 'float:1.1'],
    ['"1.10"', 'string:1.10'],
    ['True', 'string:True'],
    ['TRUE', 'string:TRUE'],
    ['true', 'bool:true'],
    ['false', 'bool:false'],
    ['yes', 'string:yes'],
    ['~', 'null'],
    ['Null', 'null'],
    ['NULL', 'null'],
    ['nUll', 'null'],
    ['0x1F', 'string:0x1F'],
    ['1_000', 'string:1_000'],
    ['012', 'int:12'],
    ['00', 'int:0'],
    ['+5', 'int:5'],
    ['-0', 'int:0'],
    ['1e3', 'float:1000'],
    ['1E5', 'float:100000'],
    ['.5', 'float:0.5'],
    ['5.', 'float:5'],
    ['0.0', 'float:0'],
    ['NaN', 'float:NaN'],
    ['inf', 'float:Infinity'],
    ['-inf', 'float:-Infinity'],
    ['Infinity', 'float:Infinity'],
    ['+nan', 'float:NaN'],
    ['1e400', 'float:Infinity'],
    ['1e', 'string:1e'],
    ['e5', 'string:e5'],
    ['.', 'string:.'],
    ['+', 'string:+'],
    ['2024-01-01', 'string:2024-01-01'],
    ['9223372036854775807', 'int:9223372036854776000'],
    ['9223372036854775808', 'float:9223372036854776000'],
    ['-9223372036854775809', 'float:-9223372036854776000'],
    ["'5'", 'string:5'],
    ['"true"', 'string:true'],
  ])('V: %s is %s', (written, expected) => {
    expect(typed(written)).toBe(expected);
  });

  it('keeps -0.0 a negative-zero float', () => {
    const value = at(documentOf(load('V: -0.0')), 'V');
    expect(value.kind).toBe('float');
    expect(Object.is(value.kind === 'float' && value.value, -0)).toBe(true);
  });

  it('an empty value is the empty string, and so is a document of only `---`', () => {
    expect(typed('')).toBe('string:');
    expect(scalar(documentOf(load('---\n')))).toBe('string:');
  });

  it('block scalars are strings', () => {
    expect(scalar(at(documentOf(load('V: |\n  12\n')), 'V'))).toBe('string:12\n');
    expect(scalar(at(documentOf(load('V: >-\n  true\n')), 'V'))).toBe('string:true');
  });

  it('accepts any root value', () => {
    expect(scalar(documentOf(load('5')))).toBe('int:5');
    expect(documentOf(load('[1, 2]')).kind).toBe('list');
  });
});

describe('validate loader: core tags', () => {
  it.each([
    ['!!str 5', 'string:5'],
    ['!!int "5"', 'int:5'],
    ['!<tag:yaml.org,2002:int> 7', 'int:7'],
    ['!!float 1', 'float:1'],
    ['!!bool true', 'bool:true'],
    ['!!bool True', 'string:True'],
    ['!!null foo', 'null'],
    ['!!binary abc', 'string:abc'],
    ['!!Ref x', 'string:x'],
  ])('V: %s is %s', (written, expected) => {
    expect(typed(written)).toBe(expected);
  });

  it.each(['!!int abc', '!!int 0x10', '!!float x'])('V: %s makes the file unreadable', (written) => {
    const error = errorOf(load(`V: ${written}`));
    expect(error.code).toBe('bad-value');
    expect(error.message).toMatch(/^d\.yaml:1:4: /);
  });
});
