// fast-check arbitraries for Guard ASTs that the grammar can express, position by position
// (rule references only where cfn-guard allows them, type blocks only at rule or file level).
// Spans are placeholders: properties compare ASTs without spans.
import fc from 'fast-check';
import type * as ast from '../../src/index.js';

const span: ast.SourceSpan = { file: 'gen.guard', start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

const KEYWORD_LIKE = /^(rule|let|when|WHEN|or|OR|not|NOT|some|SOME|this|THIS|keys|KEYS|in|IN|exists|EXISTS|empty|EMPTY|is_\w+|IS_\w+|true|True|false|False|null|NULL|r)$/;
// Names that a value position would read as a literal (`trueish`) or a filter as `keys …`.
const LITERAL_PREFIX = /^(true|True|false|False|null|NULL|keys|KEYS)/;
// Names that, at the start of the next line, the reference (and so the parser) reads as an operator
// continuing the previous clause: `A` then `inside` is `A in side`, `existsX` is `A exists` + `X`.
const OPERATOR_PREFIX = /^(in|IN|exists|EXISTS|empty|EMPTY|or|OR|not|NOT|is_|IS_)/;

export const nameArb: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,7}$/)
  .filter((name) => !KEYWORD_LIKE.test(name) && !LITERAL_PREFIX.test(name) && !OPERATOR_PREFIX.test(name));

const identifierArb = nameArb.map((name): ast.Identifier => ({ kind: 'Identifier', name, span }));

/** Text for a quoted string: anything but a trailing backslash (it would escape the quote). */
const stringTextArb = fc.string({ maxLength: 8 }).filter((s) => !s.endsWith('\\') && !/^-?\d+$/.test(s));

const messageArb: fc.Arbitrary<ast.CustomMessage | null> = fc.option(
  fc.string({ maxLength: 10 }).filter((s) => !s.includes('>')).map((text): ast.CustomMessage => ({ kind: 'CustomMessage', text, span })),
  { nil: null },
);

const rangeArb: fc.Arbitrary<ast.RangeLiteral> = fc
  .oneof(
    fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })).map(([a, b]) => [{ kind: 'int', value: a }, { kind: 'int', value: b }] as const),
    fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })).map(([a, b]) => [{ kind: 'float', value: a }, { kind: 'float', value: b }] as const),
    fc.tuple(fc.constantFrom('a', 'm', 'z', 'A'), fc.constantFrom('b', 'z', 'Q')).map(([a, b]) => [{ kind: 'char', value: a }, { kind: 'char', value: b }] as const),
  )
  .chain(([lower, upper]) =>
    fc.record({ lowerInclusive: fc.boolean(), upperInclusive: fc.boolean() }).map(
      ({ lowerInclusive, upperInclusive }): ast.RangeLiteral => ({ kind: 'RangeLiteral', lower, upper, lowerInclusive, upperInclusive, span }),
    ),
  );

const scalarLiteralArb: fc.Arbitrary<ast.Literal> = fc.oneof(
  fc.constant<ast.Literal>({ kind: 'NullLiteral', span }),
  stringTextArb.map((value): ast.Literal => ({ kind: 'StringLiteral', value, span })),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map((value): ast.Literal => ({ kind: 'IntLiteral', value, span })),
  fc.double({ min: 0, max: 1e30, noNaN: true }).map((value): ast.Literal => ({ kind: 'FloatLiteral', value, span })),
  fc.boolean().map((value): ast.Literal => ({ kind: 'BoolLiteral', value, span })),
  fc.constantFrom('^a.*b$', '\\A\\s*\\z', 'x/y', '(?i)abc', '[0-9]+').map((pattern): ast.Literal => ({ kind: 'RegexLiteral', pattern, span })),
  rangeArb,
);

export const literalArb: fc.Arbitrary<ast.Literal> = fc.letrec<{ literal: ast.Literal }>((tie) => ({
  literal: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarLiteralArb,
    fc.array(tie('literal'), { maxLength: 3 }).map((elements): ast.Literal => ({ kind: 'ListLiteral', elements, span })),
    fc
      .array(fc.tuple(fc.oneof(nameArb, stringTextArb), tie('literal')), { maxLength: 3 })
      .map((entries): ast.Literal => ({ kind: 'MapLiteral', entries: entries.map(([key, value]) => ({ kind: 'MapLiteralEntry', key, value, span })), span })),
  ),
})).literal;

const keyPartArb: fc.Arbitrary<ast.QueryPart> = fc.oneof(
  nameArb.map((name): ast.QueryPart => ({ kind: 'Key', name, quoted: false, span })),
  stringTextArb.filter((s) => s.length > 0).map((name): ast.QueryPart => ({ kind: 'Key', name, quoted: true, span })),
);

interface Contexts {
  readonly typeBlocks: boolean;
  readonly whenBlocks: boolean;
  readonly ruleReferences: boolean;
  readonly blockClauses: boolean;
  readonly whenBody: 'refs' | 'plain';
}

const PLAIN: Contexts = { typeBlocks: false, whenBlocks: true, ruleReferences: false, blockClauses: true, whenBody: 'plain' };
const RULE_BODY: Contexts = { typeBlocks: true, whenBlocks: true, ruleReferences: true, blockClauses: true, whenBody: 'refs' };
const WHEN_BODY: Contexts = { typeBlocks: false, whenBlocks: true, ruleReferences: true, blockClauses: true, whenBody: 'plain' };
const CONDITIONS: Contexts = { typeBlocks: false, whenBlocks: false, ruleReferences: true, blockClauses: false, whenBody: 'plain' };

const comparatorArb = (unary: boolean): fc.Arbitrary<ast.Comparator> =>
  unary
    ? fc
        .record({ operator: fc.constantFrom<ast.ComparisonOperator>('Exists', 'Empty', 'IsString', 'IsList', 'IsMap', 'IsBool', 'IsInt', 'IsFloat', 'IsNull'), negated: fc.boolean() })
        .map(({ operator, negated }): ast.Comparator => ({ kind: 'Comparator', operator, negated, span }))
    : fc.oneof(
        fc.record({ operator: fc.constantFrom<ast.ComparisonOperator>('Eq', 'In'), negated: fc.boolean() }),
        fc.record({ operator: fc.constantFrom<ast.ComparisonOperator>('Gt', 'Ge', 'Lt', 'Le'), negated: fc.constant(false) }),
      ).map(({ operator, negated }): ast.Comparator => ({ kind: 'Comparator', operator, negated, span }));

/** Arbitraries for everything that nests: queries, values, clauses, blocks (bounded depth). */
export function grammarArbitraries(maxDepth: number) {
  const query = (depth: number, rhs: boolean): fc.Arbitrary<ast.Query> => {
    const head: fc.Arbitrary<ast.QueryPart> = fc.oneof(
      nameArb.map((name): ast.QueryPart => ({ kind: 'Key', name, quoted: false, span })),
      fc.constant<ast.QueryPart>({ kind: 'This', span }),
      nameArb.map((name): ast.QueryPart => ({ kind: 'Variable', name, span })),
      ...(rhs ? [] : [stringTextArb.filter((s) => s.length > 0).map((name): ast.QueryPart => ({ kind: 'Key', name, quoted: true, span }))]),
    );
    const simpleParts: fc.Arbitrary<ast.QueryPart>[] = [
      keyPartArb,
      fc.integer({ min: -5, max: 50 }).map((index): ast.QueryPart => ({ kind: 'Index', index, span })),
      fc.option(nameArb, { nil: null }).map((capture): ast.QueryPart => ({ kind: 'AllValues', capture, span })),
      fc.constant<ast.QueryPart>({ kind: 'AllIndices', span }),
      nameArb.map((name): ast.QueryPart => ({ kind: 'Variable', name, span })),
    ];
    const nestedParts: fc.Arbitrary<ast.QueryPart>[] =
      depth <= 0
        ? []
        : [
            fc
              .record({ capture: fc.option(nameArb, { nil: null }), clauses: conjunctions(depth - 1, PLAIN) })
              .map(({ capture, clauses }): ast.QueryPart => ({ kind: 'Filter', capture, clauses, span })),
            fc
              .record({
                capture: fc.option(nameArb, { nil: null }),
                comparator: fc.record({ operator: fc.constantFrom<ast.ComparisonOperator>('Eq', 'In'), negated: fc.boolean() }),
                rhs: fc.oneof(literalArb, query(depth - 1, true)),
              })
              .map(({ capture, comparator, rhs: value }): ast.QueryPart => ({ kind: 'KeysFilter', capture, comparator: { kind: 'Comparator', ...comparator, span }, rhs: value, span })),
          ];
    return fc
      .record({ some: fc.boolean(), head, parts: fc.array(fc.oneof(...simpleParts, ...nestedParts), { maxLength: 4 }) })
      .map(({ some, head: first, parts }): ast.Query => ({ kind: 'Query', some, parts: [first, ...parts], span }));
  };

  const value = (depth: number): fc.Arbitrary<ast.Rhs> =>
    fc.oneof(literalArb, query(depth, true), ...(depth > 0 ? [functionCall(depth - 1)] : []));

  const functionCall = (depth: number): fc.Arbitrary<ast.FunctionCall> =>
    fc
      .record({ name: identifierArb, arguments: fc.array(value(depth), { minLength: 1, maxLength: 3 }) })
      .map((call): ast.FunctionCall => ({ kind: 'FunctionCall', ...call, span }));

  const accessClause = (depth: number): fc.Arbitrary<ast.Clause> =>
    fc.boolean().chain((unary) =>
      fc
        .record({
          not: fc.boolean(),
          query: query(depth, false),
          comparator: comparatorArb(unary),
          rhs: unary ? fc.constant(null) : value(depth),
          message: messageArb,
        })
        .map((clause): ast.Clause => ({ kind: 'AccessClause', ...clause, span })),
    );

  const clause = (depth: number, at: Contexts): fc.Arbitrary<ast.Clause> => {
    const options: fc.Arbitrary<ast.Clause>[] = [
      accessClause(depth),
      fc
        .record({ not: fc.boolean(), name: identifierArb, arguments: fc.array(value(depth), { minLength: 1, maxLength: 2 }), message: messageArb })
        .map((call): ast.Clause => ({ kind: 'ParameterizedRuleCall', ...call, span })),
    ];
    if (at.ruleReferences) {
      options.push(fc.record({ not: fc.boolean(), name: identifierArb, message: messageArb }).map((ref): ast.Clause => ({ kind: 'RuleReference', ...ref, span })));
    }
    if (depth > 0 && at.blockClauses) {
      options.push(
        fc
          .record({ query: query(depth - 1, false).map((q) => ({ ...q, some: false })), notEmpty: fc.boolean(), body: block(depth - 1, PLAIN) })
          .map((b): ast.Clause => ({ kind: 'BlockClause', ...b, span })),
      );
    }
    if (depth > 0 && at.whenBlocks) {
      options.push(
        fc
          .record({ conditions: conjunctions(depth - 1, CONDITIONS), body: block(depth - 1, at.whenBody === 'refs' ? WHEN_BODY : PLAIN) })
          .map((w): ast.Clause => ({ kind: 'WhenBlock', ...w, span })),
      );
    }
    if (depth > 0 && at.typeBlocks) {
      options.push(
        fc
          .record({
            typeName: fc.constantFrom('AWS::S3::Bucket', 'Custom::Thing', 'AWS::EC2::VPC'),
            conditions: fc.option(conjunctions(depth - 1, CONDITIONS), { nil: null }),
            body: block(depth - 1, PLAIN),
          })
          .map((t): ast.Clause => ({ kind: 'TypeBlock', ...t, span })),
      );
    }
    return fc.oneof(...options);
  };

  const disjunction = (depth: number, at: Contexts): fc.Arbitrary<ast.Disjunction> =>
    fc.array(clause(depth, at), { minLength: 1, maxLength: 3 }).map((clauses): ast.Disjunction => ({ kind: 'Disjunction', clauses, span }));

  const conjunctions = (depth: number, at: Contexts): fc.Arbitrary<ast.Conjunctions> => fc.array(disjunction(depth, at), { minLength: 1, maxLength: 3 });

  const letStatement = (depth: number): fc.Arbitrary<ast.LetStatement> =>
    fc
      .record({ name: identifierArb, value: fc.oneof(literalArb, query(depth, true), functionCall(depth)) })
      .map((l): ast.LetStatement => ({ kind: 'LetStatement', ...l, span }));

  const block = (depth: number, at: Contexts): fc.Arbitrary<ast.Block> =>
    fc
      .record({ assignments: fc.array(letStatement(depth), { maxLength: 2 }), clauses: conjunctions(depth, at) })
      .map((b): ast.Block => ({ kind: 'Block', ...b, span }));

  const namedRule = fc
    .record({ name: identifierArb, conditions: fc.option(conjunctions(maxDepth - 1, CONDITIONS), { nil: null }), body: block(maxDepth, RULE_BODY) })
    .map((r): ast.NamedRule => ({ kind: 'NamedRule', ...r, span }));

  const parameterizedRule = fc
    .record({ name: identifierArb, parameters: fc.uniqueArray(identifierArb, { minLength: 1, maxLength: 3, selector: (p) => p.name }), body: block(maxDepth, RULE_BODY) })
    .map((r): ast.ParameterizedRule => ({ kind: 'ParameterizedRule', ...r, span }));

  // Top level: ordinary clauses, a lone `when` block, or type blocks joined only to type blocks.
  const topLevelDisjunction: fc.Arbitrary<ast.Disjunction> = fc.oneof(
    disjunction(maxDepth, { ...PLAIN, whenBlocks: false }),
    clause(maxDepth, { typeBlocks: false, whenBlocks: true, ruleReferences: false, blockClauses: false, whenBody: 'refs' })
      .filter((c) => c.kind === 'WhenBlock')
      .map((c): ast.Disjunction => ({ kind: 'Disjunction', clauses: [c], span })),
  );

  const rulesFile: fc.Arbitrary<ast.RulesFile> = fc
    .record({
      assignments: fc.array(letStatement(maxDepth), { maxLength: 2 }),
      topLevel: fc.array(topLevelDisjunction, { maxLength: 2 }),
      rules: fc.array(namedRule, { maxLength: 2 }),
      parameterizedRules: fc.array(parameterizedRule, { maxLength: 1 }),
    })
    .map(({ assignments, topLevel, rules, parameterizedRules }): ast.RulesFile => ({
      kind: 'RulesFile',
      assignments,
      defaultRule: topLevel.length === 0 ? null : { kind: 'DefaultRule', clauses: topLevel, span },
      rules,
      parameterizedRules,
      span,
    }));

  return { query, value, clause, rulesFile };
}
