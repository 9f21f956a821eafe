import { describe, expect, it } from 'vitest';
import { loadDocument, pathWithLocation, valueToJson } from '../../src/index.js';
import type { Value } from '../../src/index.js';
import { at, documentOf } from './helpers.js';

describe('valueToJson', () => {
  it('converts loaded documents, keeping key order and `__proto__` as data', () => {
    const data = valueToJson(documentOf(loadDocument('{"b": 1, "a": [true, null, "x", 1.5], "__proto__": {"p": 1}}', { fileName: 'd' })));
    expect(Object.keys(data as object)).toEqual(['b', 'a', '__proto__']);
    expect(JSON.stringify(data)).toBe('{"b":1,"a":[true,null,"x",1.5],"__proto__":{"p":1}}');
  });

  it('renders rule-only kinds the way cfn-guard prints them', () => {
    const regex: Value = { kind: 'regex', path: '', span: null, pattern: '^a' };
    const range: Value = { kind: 'range', path: '', span: null, rangeKind: 'int', lower: 1, upper: 5, lowerInclusive: true, upperInclusive: false };
    expect(valueToJson(regex)).toBe('/^a/');
    expect(valueToJson(range)).toBe('r[1,5)');
  });

  it('handles deep values without recursion', () => {
    let value: Value = { kind: 'int', path: '', span: null, value: 1 };
    for (let i = 0; i < 100_000; i++) value = { kind: 'list', path: '', span: null, items: [value] };
    let data = valueToJson(value);
    let depth = 0;
    while (Array.isArray(data)) {
      data = data[0]!;
      depth++;
    }
    expect(depth).toBe(100_000);
    expect(data).toBe(1);
  });
});

describe('pathWithLocation', () => {
  it('prints 0-based line and column like cfn-guard', () => {
    const document = documentOf(loadDocument('Resources:\n  Logs:\n    Properties:\n      VersioningConfiguration:\n        Status: Suspended\n', { fileName: 'd' }));
    expect(pathWithLocation(at(document, 'Resources', 'Logs', 'Properties', 'VersioningConfiguration', 'Status'))).toBe(
      '/Resources/Logs/Properties/VersioningConfiguration/Status[L:4,C:16]',
    );
    expect(pathWithLocation({ path: '', span: null })).toBe('[L:0,C:0]');
  });
});
