import { describe, expect, it } from 'vitest';
import { errorOf, status, verdicts } from './evaluate-helpers.js';

describe('query parts (§4.2–§4.9)', () => {
  const list = 'Q:\n  L: [10, 20, 30]\n';

  it('a negative index is its absolute value', () => {
    expect(status('Q.L[-1] == 20', list)).toBe('PASS');
    expect(status('Q.L[-1] == 30', list)).toBe('FAIL');
  });

  it('an index out of range is unresolved, which FAILs', () => {
    expect(status('Q.L[5] == 1', list)).toBe('FAIL');
  });

  it('a wildcard over an empty collection is unresolved (FAIL), a filter selecting nothing is nothing (SKIP)', () => {
    const data = 'Resources: {}\n';
    expect(status('Resources.*[ Type == "X" ] { Properties exists }', data)).toBe('FAIL');
    expect(status('Resources[ Type == "X" ] { Properties exists }', data)).toBe('SKIP');
    expect(status('Resources.*[ Type == "X" ].Properties exists', 'Resources:\n  A: {Type: Y}\n')).toBe('SKIP');
  });

  it('[*] passes a map through, .* iterates it', () => {
    const data = 'W:\n  S: scalar\n';
    expect(status('W[*].S == "scalar"', data)).toBe('PASS');
    expect(status('W.*.S == "scalar"', data)).toBe('FAIL');
  });

  it('a wildcard on a scalar is a no-op', () => {
    expect(status('T.Types[*] == "PRIVATE"', 'T:\n  Types: PRIVATE\n')).toBe('PASS');
  });

  it('digit-only keys are indexes, even quoted', () => {
    const data = 'Codes:\n  "200": ok\n';
    expect(status('Codes."200" == "ok"', data)).toBe('FAIL');
    expect(status('Codes.* == "ok"', data)).toBe('PASS');
  });

  it('a missing key is retried in other letter cases', () => {
    expect(status('Res.Props.bucket_name == "b1"', 'Res:\n  Props:\n    BucketName: b1\n')).toBe('PASS');
    expect(status('Res.Props.maxSize == 3', 'Res:\n  Props:\n    max-size: 3\n')).toBe('PASS');
  });

  it('after a list wildcard the filter sees the enclosing value (the reference bug)', () => {
    const data = 'Key: env\nSvc:\n  Tags:\n    - {Key: env, Value: prod}\n    - {Key: team, Value: core}\n';
    expect(status('Svc.Tags[ Key == "env" ].Value == "prod"', data)).toBe('PASS');
    expect(status('Svc.Tags[*][ Key == "env" ].Value == "prod"', data)).toBe('FAIL');
    expect(status('Svc.Tags[*][ Key == "env" ].Value == "prod"', data.replace('Key: env\n', ''))).toBe('SKIP');
  });

  it('a filter on a map after an index is a clean runtime error (cfn-guard panics)', () => {
    const error = errorOf('rule r { X[0][ a == 1 ] exists }\n', 'X:\n  - {a: 1}\n');
    expect(error.code).toBe('filter-on-map-after-index');
    expect(error.span?.start.line).toBe(1);
  });

  it('keys filters: regex, list membership, and substring matching against several values', () => {
    const data = 'M:\n  B: 1\n  Beta: 2\n  Delta: 3\nNames: [Beta, Gamma]\n';
    expect(verdicts('let k = M[ keys == /^B/ ]\nrule r { %k == [1, 2] }\n', data).r).toBe('FAIL');
    expect(status('let wanted = Names[*]\nlet c = count(M[ keys == %wanted ])\n%c == 2', data)).toBe('PASS');
    expect(status('let c = count(M[ keys in ["B", "Delta"] ])\n%c == 2', data)).toBe('PASS');
  });

  it('a leading variable starts the rest of the query from each of its values', () => {
    const data = 'Ports: [1, 2]\n';
    expect(status('let p = Ports\n%p[0] == 1', data)).toBe('PASS');
    expect(status('let p = Ports[*]\n%p[0] == 1', data)).toBe('FAIL');
  });

  it('interpolation uses the variable values as keys', () => {
    const data = 'Names: [A, B]\nResources:\n  A: {Type: T}\n  B: {Type: T}\n';
    expect(status('let n = Names[*]\nResources.%n.Type == "T"', data)).toBe('PASS');
    expect(status('let n = ["A", "C"]\nResources.%n.Type == "T"', data)).toBe('FAIL');
  });

  it('a non-string interpolation key is a runtime error', () => {
    expect(errorOf('let n = 3\nrule r { Resources.%n exists }\n', 'Resources: {A: 1}\n').code).toBe('interpolation-key-type');
  });

  it('`let v = some Q` drops unresolved values', () => {
    const data = 'Resources:\n  A: {Properties: {P: 1}}\n  B: {Properties: {}}\n';
    expect(status('let p = some Resources.*.Properties.P\n%p exists', data)).toBe('PASS');
    expect(status('let p = Resources.*.Properties.P\n%p exists', data)).toBe('FAIL');
  });

  it('captures bind the selected keys', () => {
    expect(status('Resources[ name | Type == "T" ] exists\n%name == "A"', 'Resources:\n  A: {Type: T}\n  B: {Type: U}\n')).toBe('PASS');
  });
});
