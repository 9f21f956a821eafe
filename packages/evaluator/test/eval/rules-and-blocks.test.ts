import { describe, expect, it } from 'vitest';
import { errorOf, run, status, verdicts } from './evaluate-helpers.js';

describe('blocks, conditions and rules (§7)', () => {
  it('SKIP never rescues a FAIL in a disjunction', () => {
    const data = 'Resources:\n  A:\n    Type: T\n    Properties: {E: true}\n';
    expect(status('Resources.*[ Type == "None" ].E == true or Resources.A.Properties.E == false', data)).toBe('FAIL');
    expect(status('Resources.*[ Type == "None" ].E == true or Resources.A.Properties.E == true', data)).toBe('PASS');
    expect(status('Resources.*[ Type == "None" ].E == true or Resources.*[ Type == "Nope" ].E exists', data)).toBe('SKIP');
  });

  it('lines of a block are ANDed: FAIL beats PASS beats SKIP', () => {
    expect(status('X == 1\nY exists', 'X: 1\n')).toBe('FAIL');
    expect(status('X == 1\nX[*][ this == 2 ] exists', 'X: 1\n')).toBe('PASS');
  });

  it('a query block over nothing SKIPs, or FAILs with the `!empty` form', () => {
    const data = 'L: []\nM: {a: 1}\n';
    expect(status('M[ this == 5 ] { this exists }', data)).toBe('SKIP');
    expect(status('M[ this == 5 ] !empty { this exists }', data)).toBe('FAIL');
    expect(status('Missing { this exists }', data)).toBe('FAIL');
  });

  it('when: a condition that does not PASS makes the block SKIP', () => {
    const data = 'A: 1\n';
    expect(status('when A == 2 { B exists }', data)).toBe('SKIP');
    expect(status('when Missing[ this == 1 ] exists { B exists }', data)).toBe('SKIP');
    expect(status('when A == 1 { B exists }', data)).toBe('FAIL');
  });

  it('type blocks select resources by type; their `when` is evaluated at the root', () => {
    const data = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {N: 7}\n';
    expect(verdicts('AWS::S3::Bucket { Properties.N == 7 }\n', data)['rules.guard/default']).toBe('PASS');
    expect(verdicts('rule r { AWS::S3::Bucket when Properties.N == 7 { Properties.N == 7 } }\n', data).r).toBe('SKIP');
    expect(verdicts('rule r { AWS::SQS::Queue { Properties exists } }\n', data).r).toBe('SKIP');
  });

  it('a type block on a document without a usable Resources map is a runtime error', () => {
    expect(errorOf('AWS::S3::Bucket { Properties exists }\n', 'kind: Pod\n').code).toBe('type-block-without-resources');
    expect(errorOf('AWS::S3::Bucket { Properties exists }\n', 'Resources: {}\n').code).toBe('type-block-without-resources');
  });

  it('rule references: PASS -> PASS, FAIL or SKIP -> FAIL, inverted by `not`; evaluated at the root', () => {
    const rules = [
      'rule skipped when X == 6 { X exists }',
      'rule uses {\n  skipped\n}',
      'rule negates {\n  not skipped\n}',
      'rule guarded when skipped { X exists }',
      'rule has_type { Type == "T" }',
      'rule inside { Resources.* { when has_type { Type exists } } }',
    ].join('\n');
    const got = verdicts(`${rules}\n`, 'X: 1\nResources:\n  A: {Type: T}\n');
    expect(got).toMatchObject({ skipped: 'SKIP', uses: 'FAIL', negates: 'PASS', guarded: 'SKIP', has_type: 'FAIL', inside: 'SKIP' });
  });

  it('duplicate rule names: a reference takes the first copy that does not SKIP', () => {
    const rules = 'rule d when X == 2 { X exists }\nrule d { X == 1 }\nrule r {\n  d\n}\n';
    const result = run(rules, 'X: 1\n');
    if ('error' in result) throw new Error(result.error.message);
    expect(result.report.rules.map((r) => `${r.name}:${r.status}`)).toEqual(['d:SKIP', 'd:PASS', 'r:PASS']);
  });

  it('an unknown rule, variable or function is a runtime error with the clause position', () => {
    const unknownRule = errorOf('rule r {\n  nope\n}\n', 'X: 1\n');
    expect(unknownRule.code).toBe('unknown-rule');
    expect(unknownRule.span?.start.line).toBe(2);
    expect(errorOf('rule r { %nope exists }\n', 'X: 1\n').code).toBe('unknown-variable');
    expect(errorOf('let v = parse_epoch(X)\nrule r { %v exists }\n', 'X: 1\n').code).toBe('unknown-function');
  });

  it('rules referring to each other in a loop are a runtime error, not a crash', () => {
    const error = errorOf('rule a {\n  b\n}\nrule b {\n  a\n}\n', 'X: 1\n');
    expect(error.code).toBe('rule-recursion');
  });

  it('parameterized rules: caller context, ignored `not`, arity error, not reported', () => {
    const rules = 'rule type_is(t) { Type == %t }\nrule r { Resources.* { type_is("T") } }\nrule n {\n  not type_is("Nope")\n}\n';
    const data = 'Resources:\n  A: {Type: T}\n';
    const result = run(rules, data);
    if ('error' in result) throw new Error(result.error.message);
    expect(result.report.rules.map((x) => `${x.name}:${x.status}`)).toEqual(['r:PASS', 'n:FAIL']);
    expect(errorOf('rule two(a, b) { %a exists }\nrule r {\n  two(1)\n}\n', data).code).toBe('parameterized-rule-arity');
  });

  it('a rule with only assignments SKIPs, and the file status is FAIL > PASS > SKIP', () => {
    const result = run('rule a { let x = 1 }\nrule b { X == 1 }\n', 'X: 1\n');
    if ('error' in result) throw new Error(result.error.message);
    expect(result.report.rules.map((x) => x.status)).toEqual(['SKIP', 'PASS']);
    expect(result.report.status).toBe('PASS');
  });

  it('variables: later assignment wins, inner scopes shadow, block variables follow the block value', () => {
    const data = 'Resources:\n  A: {N: 1}\n  B: {N: 2}\n';
    expect(status('let v = 1\nlet v = 2\n%v == 2', data)).toBe('PASS');
    expect(status('Resources.* {\n  let n = N\n  %n == N\n}', data)).toBe('PASS');
  });
});
