// Idioms of the AWS rule corpora that look like the traps but are not: none may warn.
import { parseRules } from '@guardts/guard-parser';
import { describe, expect, it } from 'vitest';
import { lintRules } from '../../src/index.js';

function codes(text: string): string[] {
  const { ast, diagnostics } = parseRules(text, { fileName: 'case.guard' });
  if (ast === null) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return lintRules(ast, { source: text }).map((w) => `${w.code}@${w.span.start.line}`);
}

describe('lintRules stays quiet on', () => {
  it('a parameterized rule using its caller’s variables (cfn-guard scopes a call in the caller)', () => {
    expect(codes('rule outer(doc) {\n  inner(A)\n}\nrule inner(x) {\n  %x == %doc\n}\nrule r {\n  outer(1)\n}\n')).toEqual([]);
  });

  it('Control Tower’s template/hook variants of one rule name', () => {
    expect(codes('rule check when A exists {\n  A == 1\n}\nrule check when B exists {\n  B == 1\n}\n')).toEqual([]);
  });

  it('the registry’s `X or Y` where Y is guarded by `not X`', () => {
    const text = [
      "let sel = Resources.*[ Type == 'AWS::X::Y' ]",
      'rule uses_param when %sel not empty {',
      '  Parameters exists',
      '}',
      'rule uses_service when %sel not empty',
      '  not uses_param {',
      '  %sel.Properties.Password exists',
      '}',
      'rule all when %sel not empty {',
      '  uses_param',
      '  OR',
      '  uses_service',
      '}',
    ].join('\n');
    expect(codes(text)).toEqual([]);
  });

  it('the same query tested in different `or` branches, or with `some`', () => {
    expect(codes('rule r {\n  A == 1 or A == 2\n  some B[*] == 1\n  some B[*] == 2\n}\n')).toEqual([]);
  });

  it('a selection under a block-level `when`', () => {
    expect(codes("rule r {\n  when A exists {\n    Resources.*[ Type == 'X' ].Properties.P == 1\n  }\n}\n")).toEqual([]);
  });

  it('a variable captured by a filter and used later', () => {
    expect(codes('rule r {\n  Resources[ name | Type == "X" ] exists\n  %name exists\n}\n')).toEqual([]);
  });

  it('`in` with a string inside a list, a regex on a string variable, `==` between two literal variables of one type', () => {
    expect(codes('let a = "x"\nlet b = "y"\nlet re = /^x/\nrule r {\n  A in ["x"]\n  %a == %b\n  %a == %re\n}\n')).toEqual([]);
  });

  it('a literal list variable compared with a list literal (a list against a list, on purpose)', () => {
    expect(codes('let m = [{a: 1}, {a: 2}]\nrule r {\n  %m[*] == [{a: 1}, {a: 2}]\n}\n')).toEqual([]);
  });

  it('a reference whose rule cannot SKIP, or that sits in a `when` condition', () => {
    expect(codes('rule base {\n  A == 1\n}\nrule gated when B exists {\n  B == 1\n}\nrule uses {\n  base\n}\nrule guarded when gated {\n  A exists\n}\n')).toEqual([]);
  });
});

describe('lintRules reports', () => {
  it('each link of a cycle between two rules', () => {
    expect(codes('rule a {\n  b\n}\nrule b {\n  a\n}\n')).toEqual(['recursive-rule@2', 'recursive-rule@5']);
  });

  it('a let shadowed in an inner scope is not a redefinition', () => {
    expect(codes('let x = 1\nrule r {\n  let x = 2\n  A == %x\n}\n')).toEqual(['unused-let@1']);
  });

  it('a type test contradiction and an exists contradiction', () => {
    expect(codes('rule r {\n  A is_string\n  A is_int\n  B exists\n  B not exists\n}\n')).toEqual(['contradictory-clauses@3', 'contradictory-clauses@5']);
  });

  it('a call to a rule that takes no parameters, and a reference to one that takes some', () => {
    expect(codes('rule plain {\n  A exists\n}\nrule p(x) {\n  %x exists\n}\nrule r {\n  plain(A)\n  p\n}\n')).toEqual(['unknown-rule@8', 'unknown-rule@9']);
  });
});

describe('suppression comments', () => {
  const trap = 'rule a {\n  not A == 1\n  Cfg.Flag == TRUE\n}\n';

  it('disable-next-line silences the named codes of the next line only', () => {
    expect(codes(trap.replace('  not A', '  # guardts-lint-disable-next-line ignored-not-before-comparison\n  not A'))).toEqual(['keyword-case-literal@4']);
    expect(codes(trap.replace('  not A', '  # guardts-lint-disable-next-line keyword-case-literal\n  not A'))).toEqual(['ignored-not-before-comparison@3', 'keyword-case-literal@4']);
  });

  it('disable-line without codes silences every warning of its line', () => {
    expect(codes(trap.replace('== TRUE', '== TRUE # guardts-lint-disable-line'))).toEqual(['ignored-not-before-comparison@2']);
  });
});
