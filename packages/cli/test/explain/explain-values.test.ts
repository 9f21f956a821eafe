// The small pieces of `--explain` text: value previews stay one short line, operators read as
// Guard writes them, positions are relative to the working directory when below it.
import { describe, expect, it } from 'vitest';
import type { Value } from '@guardts/evaluator';
import { operatorSymbol, previewValue, sourceText, spanLocation } from '../../src/reporters/explain-values.js';

const span = (file: string, line: number, column: number, offset = 0, endOffset = 0) => ({
  file,
  start: { line, column, offset },
  end: { line, column: column + endOffset - offset, offset: endOffset },
});

const text = (value: string): Value => ({ kind: 'string', value, path: '/a', span: null });

describe('explain values', () => {
  it('previews scalars as written and cuts long strings to one short line', () => {
    expect(previewValue(text('PassThrough'))).toBe('"PassThrough"');
    expect(previewValue({ kind: 'int', value: 42, path: '/n', span: null })).toBe('42');
    const long = previewValue(text(`line one\n${'x'.repeat(200)}`), 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).not.toContain('\n');
    expect(long.endsWith('…')).toBe(true);
  });

  it('previews maps by their keys and long lists with a count of the rest', () => {
    const map: Value = { kind: 'map', path: '/m', span: null, keys: [text('A'), text('B')].map((key) => ({ ...key, path: '/m' })) as never, entries: new Map() };
    expect(previewValue(map)).toBe('{ A, B }');
    const items = Array.from({ length: 50 }, (_, i): Value => ({ kind: 'int', value: i, path: `/l/${i}`, span: null }));
    const list = previewValue({ kind: 'list', items, path: '/l', span: null }, 30);
    expect(list.length).toBeLessThanOrEqual(30);
    expect(list.startsWith('[0, 1, 2')).toBe(true);
  });

  it('writes operators as rules do', () => {
    expect(operatorSymbol(['Eq', false])).toBe('==');
    expect(operatorSymbol(['Eq', true])).toBe('!=');
    expect(operatorSymbol(['In', true])).toBe('not in');
    expect(operatorSymbol(['Exists', true])).toBe('not exists');
    expect(operatorSymbol(['IsString', false])).toBe('is_string');
  });

  it('gives file:line:column, relative to the working directory below it', () => {
    expect(spanLocation(span('/work/x/rules.guard', 3, 5), '/work/x')).toBe('rules.guard:3:5');
    expect(spanLocation(span('/elsewhere/t.yaml', 1, 1), '/work/x')).toBe('/elsewhere/t.yaml:1:1');
    expect(spanLocation(span('rel.guard', 2, 7), '/work/x')).toBe('rel.guard:2:7');
    expect(spanLocation(null)).toBeNull();
  });

  it('quotes the source of a span on one line', () => {
    const rules = 'rule r {\n  Resources.*[ Type == "X" ]\n    .Properties exists\n}\n';
    const start = rules.indexOf('Resources');
    const end = rules.indexOf('exists') + 'exists'.length;
    expect(sourceText(rules, span('r.guard', 2, 3, start, end))).toBe('Resources.*[ Type == "X" ] .Properties exists');
    expect(sourceText(null, span('r.guard', 2, 3, start, end))).toBeNull();
    const commented = 'A == "#1" # the first\n  B == /^#/ # a regex\n';
    expect(sourceText(commented, span('r.guard', 1, 1, 0, commented.length))).toBe('A == "#1" B == /^#/');
  });
});
