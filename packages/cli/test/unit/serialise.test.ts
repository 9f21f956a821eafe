import { describe, expect, it } from 'vitest';
import { RustFloat } from '../../src/report/canonical-report.js';
import { firstNonFinite, nonFiniteMessage } from '../../src/report/non-finite.js';
import { toCompactJson, toJson, toYaml } from '../../src/reporters/structured-serialise.js';

describe('serde-style serialisation', () => {
  it('prints JSON as serde_json pretty does, floats with a fractional part', () => {
    expect(toJson({ a: [], b: {}, c: [1, new RustFloat(3)], d: null })).toBe('{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    3.0\n  ],\n  "d": null\n}');
    expect(toCompactJson({ v: new RustFloat(2), s: 'x' })).toBe('{"v":2.0,"s":"x"}');
  });
  it('prints YAML as serde_yaml does: sequences unindented, block literals, escapes in double quotes', () => {
    expect(toYaml({ list: [{ name: 'a' }], text: ' lead', multi: 'a\nb', edge: '\n  lead\n  ', f: new RustFloat(1) })).toBe(
      "list:\n- name: a\ntext: ' lead'\nmulti: |-\n  a\n  b\nedge: \"\\n  lead\\n  \"\nf: 1.0\n",
    );
  });
  it('finds NaN and infinities that serde_json cannot represent', () => {
    expect(firstNonFinite({ a: [1, { b: Number.NEGATIVE_INFINITY }] })).toBe(Number.NEGATIVE_INFINITY);
    expect(firstNonFinite({ a: [1, 'inf'] })).toBeNull();
    expect(nonFiniteMessage(Number.NaN, 'JSON')).toBe('Error parsing incoming JSON context Types or variable assignments are incompatible `Could not convert float NaN to serde::Value::Number`');
  });
});
