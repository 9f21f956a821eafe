// The AST built for each construct of the language.
import { describe, expect, it } from 'vitest';
import type { AccessClause, BlockClause, Query, RulesFile } from '../src/index.js';
import { firstClause, parseOk, withoutSpans } from './support/parse-helpers.js';

function accessClause(text: string): AccessClause {
  const clause = firstClause(text);
  if (clause.kind !== 'AccessClause') throw new Error(`expected an AccessClause, got ${clause.kind}`);
  return clause;
}

function lhs(text: string): Query {
  return accessClause(text).query;
}

describe('rules file', () => {
  it('gathers every top-level clause into the default rule, in source order, wherever it is', () => {
    const ast = parseOk('A exists\nrule r { B exists }\nC exists\nlet x = 1\nAWS::S3::Bucket D exists\n');
    expect(ast.defaultRule?.clauses.map((d) => d.clauses[0]?.kind)).toEqual(['AccessClause', 'AccessClause', 'TypeBlock']);
    expect(ast.rules.map((r) => r.name.name)).toEqual(['r']);
    expect(ast.assignments.map((a) => a.name.name)).toEqual(['x']);
  });

  it('has no default rule without top-level clauses, and empty lists for an empty file', () => {
    const empty: RulesFile = parseOk('# nothing\n');
    expect(empty.defaultRule).toBeNull();
    expect(empty.rules).toEqual([]);
    expect(empty.parameterizedRules).toEqual([]);
    expect(empty.assignments).toEqual([]);
  });

  it('keeps duplicate rule names', () => {
    expect(parseOk('rule r { A exists }\nrule r { B exists }').rules.map((r) => r.name.name)).toEqual(['r', 'r']);
  });

  it('reads named rules with when conditions and parameterized rules', () => {
    const ast = parseOk('rule r when %x !empty\n  base\n{\n  A exists\n}\nrule p(a, b) {\n  %a == %b\n}\n');
    const rule = ast.rules[0];
    expect(rule?.conditions?.map((d) => d.clauses.map((c) => c.kind))).toEqual([['AccessClause'], ['RuleReference']]);
    expect(ast.parameterizedRules[0]?.parameters.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('hoists lets anywhere in a block into its assignments', () => {
    const ast = parseOk('rule r {\n  A == %x\n  let x = 1\n}');
    expect(ast.rules[0]?.body.assignments.map((a) => a.name.name)).toEqual(['x']);
    expect(ast.rules[0]?.body.clauses).toHaveLength(1);
  });
});

describe('clauses', () => {
  it('reads the operators and their negations', () => {
    const cases: Record<string, [string, boolean]> = {
      'A == 1': ['Eq', false],
      'A != 1': ['Eq', true],
      'A > 1': ['Gt', false],
      'A >= 1': ['Ge', false],
      'A < 1': ['Lt', false],
      'A <= 1': ['Le', false],
      'A in [1]': ['In', false],
      'A not in [1]': ['In', true],
      'A !in [1]': ['In', true],
      'A NOT IN [1]': ['In', true],
      'A exists': ['Exists', false],
      'A !exists': ['Exists', true],
      'A not empty': ['Empty', true],
      'A is_struct': ['IsMap', false],
      'A IS_STRING': ['IsString', false],
      'A !is_list': ['IsList', true],
    };
    for (const [text, [operator, negated]] of Object.entries(cases)) {
      const { comparator } = accessClause(text);
      expect({ text, operator: comparator.operator, negated: comparator.negated }).toEqual({ text, operator, negated });
    }
  });

  it('keeps a clause-level not apart from the operator', () => {
    const clause = accessClause('not A == 1');
    expect(clause.not).toBe(true);
    expect(clause.comparator.negated).toBe(false);
  });

  it('keeps custom messages verbatim', () => {
    expect(accessClause('A exists <<\n  line one\n>>').message?.text).toBe('\n  line one\n');
  });

  it('reads block clauses, with and without !empty', () => {
    const plain = firstClause('A.B { C exists }') as BlockClause;
    expect(plain.kind).toBe('BlockClause');
    expect(plain.notEmpty).toBe(false);
    const notEmpty = firstClause('A.B !empty { C exists }') as BlockClause;
    expect(notEmpty.notEmpty).toBe(true);
    expect(notEmpty.body.clauses).toHaveLength(1);
  });

  it('reads rule references, negated and with messages', () => {
    const ast = parseOk('rule r {\n  base\n  not other <<why>>\n  !third\n}');
    expect(withoutSpans(ast.rules[0]?.body.clauses.map((d) => d.clauses[0]))).toEqual([
      { kind: 'RuleReference', not: false, name: { kind: 'Identifier', name: 'base' }, message: null },
      { kind: 'RuleReference', not: true, name: { kind: 'Identifier', name: 'other' }, message: { kind: 'CustomMessage', text: 'why' } },
      { kind: 'RuleReference', not: true, name: { kind: 'Identifier', name: 'third' }, message: null },
    ]);
  });

  it('reads parameterized rule calls', () => {
    const clause = firstClause('rule r {\n  not check(1, A.B) <<m>>\n}');
    expect(clause.kind).toBe('ParameterizedRuleCall');
    if (clause.kind !== 'ParameterizedRuleCall') return;
    expect(clause.not).toBe(true);
    expect(clause.arguments.map((a) => a.kind)).toEqual(['IntLiteral', 'Query']);
  });

  it('reads type blocks in all three forms', () => {
    const ast = parseOk('AWS::S3::Bucket A exists\nAWS::S3::Bucket { B exists }\nAWS::S3::Bucket when C exists { D exists }');
    const blocks = ast.defaultRule?.clauses.map((d) => d.clauses[0]) ?? [];
    expect(blocks.map((b) => (b.kind === 'TypeBlock' ? [b.typeName, b.conditions === null, b.body.clauses.length] : b.kind))).toEqual([
      ['AWS::S3::Bucket', true, 1],
      ['AWS::S3::Bucket', true, 1],
      ['AWS::S3::Bucket', false, 1],
    ]);
  });

  it('joins alternatives with or, OR and |OR| across lines', () => {
    const ast = parseOk('A exists or\nB exists\nOR C exists |OR| D exists\nE exists');
    expect(ast.defaultRule?.clauses.map((d) => d.clauses.length)).toEqual([4, 1]);
  });
});

describe('queries', () => {
  it('reads keys, indexes, wildcards, variables and this', () => {
    expect(withoutSpans(lhs('this.A[0].*[*]."quoted-key".%v[-1].7 exists').parts)).toEqual([
      { kind: 'This' },
      { kind: 'Key', name: 'A', quoted: false },
      { kind: 'Index', index: 0 },
      { kind: 'AllValues', capture: null },
      { kind: 'AllIndices' },
      { kind: 'Key', name: 'quoted-key', quoted: true },
      { kind: 'Variable', name: 'v' },
      { kind: 'Index', index: -1 },
      { kind: 'Index', index: 7 },
    ]);
  });

  it('treats digit-only keys as indexes, even quoted', () => {
    expect(withoutSpans(lhs('Codes."200" exists').parts[1])).toEqual({ kind: 'Index', index: 200 });
    expect(withoutSpans(lhs("Codes['-3'] exists").parts[1])).toEqual({ kind: 'Index', index: -3 });
  });

  it('reads a leading variable without adding the implicit [*]', () => {
    expect(withoutSpans(lhs('%v.A exists').parts)).toEqual([
      { kind: 'Variable', name: 'v' },
      { kind: 'Key', name: 'A', quoted: false },
    ]);
  });

  it('reads some, filters, captures and keys filters', () => {
    const query = lhs('some Resources[ name | Type == "A" ].P[ keys == /x/ ][ k | keys not in ["a"] ][cap] exists');
    expect(query.some).toBe(true);
    expect(query.parts.map((p) => p.kind)).toEqual(['Key', 'Filter', 'Key', 'KeysFilter', 'KeysFilter', 'AllValues']);
    const [, filter, , keys, negatedKeys, capture] = query.parts;
    expect(filter?.kind === 'Filter' && filter.capture).toBe('name');
    expect(keys?.kind === 'KeysFilter' && keys.rhs.kind).toBe('RegexLiteral');
    expect(negatedKeys?.kind === 'KeysFilter' && [negatedKeys.capture, negatedKeys.comparator.operator, negatedKeys.comparator.negated]).toEqual(['k', 'In', true]);
    expect(capture?.kind === 'AllValues' && capture.capture).toBe('cap');
  });

  it('accepts keywords as property names on the left-hand side', () => {
    expect(withoutSpans(lhs('exists.keys.let == 1').parts.map((p) => (p.kind === 'Key' ? p.name : p.kind)))).toEqual(['exists', 'keys', 'let']);
  });
});

describe('literals', () => {
  function rhs(text: string): unknown {
    return withoutSpans(accessClause(`A == ${text}`).rhs);
  }

  it('unescapes only a backslash before the delimiter', () => {
    expect(rhs(String.raw`"say \"hi\" a\nb"`)).toEqual({ kind: 'StringLiteral', value: String.raw`say "hi" a\nb` });
    expect(rhs(String.raw`'it\'s'`)).toEqual({ kind: 'StringLiteral', value: "it's" });
  });

  it('reads ints, floats, booleans and null', () => {
    expect(rhs('007')).toEqual({ kind: 'IntLiteral', value: 7 });
    expect(rhs('-12')).toEqual({ kind: 'IntLiteral', value: -12 });
    expect(rhs('1.5E+3')).toEqual({ kind: 'FloatLiteral', value: 1500 });
    expect(rhs('True')).toEqual({ kind: 'BoolLiteral', value: true });
    expect(rhs('NULL')).toEqual({ kind: 'NullLiteral' });
  });

  it('reads a regex with \\/ turned into /', () => {
    expect(rhs(String.raw`/^arn:aws:s3:::\/x\d+/`)).toEqual({ kind: 'RegexLiteral', pattern: String.raw`^arn:aws:s3:::/x\d+` });
  });

  it('reads ranges of ints, floats and characters', () => {
    expect(rhs('r[-5, -1)')).toEqual({ kind: 'RangeLiteral', lower: { kind: 'int', value: -5 }, upper: { kind: 'int', value: -1 }, lowerInclusive: true, upperInclusive: false });
    expect(rhs('r(0.5,1.5]')).toMatchObject({ lower: { kind: 'float', value: 0.5 }, lowerInclusive: false, upperInclusive: true });
    expect(rhs('r[a, z]')).toMatchObject({ lower: { kind: 'char', value: 'a' }, upper: { kind: 'char', value: 'z' } });
  });

  it('reads lists and maps, with bare and quoted keys', () => {
    expect(rhs('[1, "a", [true], {k-1: null, "q": /r/}]')).toEqual({
      kind: 'ListLiteral',
      elements: [
        { kind: 'IntLiteral', value: 1 },
        { kind: 'StringLiteral', value: 'a' },
        { kind: 'ListLiteral', elements: [{ kind: 'BoolLiteral', value: true }] },
        {
          kind: 'MapLiteral',
          entries: [
            { kind: 'MapLiteralEntry', key: 'k-1', value: { kind: 'NullLiteral' } },
            { kind: 'MapLiteralEntry', key: 'q', value: { kind: 'RegexLiteral', pattern: 'r' } },
          ],
        },
      ],
    });
  });

  it('reads `== trueish` as `== true` followed by a rule reference `ish`, like cfn-guard', () => {
    const ast = parseOk('rule r {\n  Cfg.Mode == trueish\n}');
    const [first, second] = ast.rules[0]?.body.clauses ?? [];
    expect(withoutSpans((first?.clauses[0] as AccessClause).rhs)).toEqual({ kind: 'BoolLiteral', value: true });
    expect(second?.clauses[0]?.kind === 'RuleReference' && second.clauses[0].name.name).toBe('ish');
  });

  it('prefers a literal to a query on the right-hand side, and a call to a query', () => {
    expect(accessClause('A == r[1, 2]').rhs?.kind).toBe('RangeLiteral');
    expect(accessClause('A == r.x').rhs?.kind).toBe('Query');
    expect(accessClause('A == count(B)').rhs?.kind).toBe('FunctionCall');
    expect(accessClause('A == B.C').rhs?.kind).toBe('Query');
  });
});

describe('spans', () => {
  it('are 1-based, with a 0-based offset and an exclusive end', () => {
    const clause = accessClause('rule r {\n  Abc == 12\n}');
    expect(clause.span).toEqual({
      file: 'test.guard',
      start: { offset: 11, line: 2, column: 3 },
      end: { offset: 20, line: 2, column: 12 },
    });
    expect(clause.rhs?.span.start).toEqual({ offset: 18, line: 2, column: 10 });
    expect(clause.rhs?.span.end).toEqual({ offset: 20, line: 2, column: 12 });
  });

  it('cover a multi-line string up to its closing quote', () => {
    const text = 'A == "x\ny"';
    const clause = accessClause(text);
    expect(clause.rhs?.span.end).toEqual({ offset: text.length, line: 2, column: 3 });
  });

  it('of the file cover the whole text', () => {
    const text = 'A exists\nB exists\n';
    expect(parseOk(text).span.end.offset).toBe(text.length);
  });
});
