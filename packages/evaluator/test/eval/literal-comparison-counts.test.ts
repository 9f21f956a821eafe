// binary-clause.ts counts a verdicts-only `query == literal` / `query in literal` with
// countLiteralComparison instead of building every pairing's result. Property: wherever it gives
// counts, they are the counts of the generic pairing (compareResults, then countResults), for
// both operators, negated or not, over values of every kind, unresolved results among them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countResults } from '../../src/eval/binary-clause.js';
import { compareResults, countLiteralComparison } from '../../src/eval/operators.js';
import type { CheckedValue, Comparison } from '../../src/report/types.js';
import type { Value } from '../../src/values/value.js';
import { plainValue } from './plain-document.js';

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', 'abc', '', 'AWS::S3::Bucket', 'AWS::S3'),
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom(1.5, 2.0, Number.NaN),
  fc.boolean(),
  fc.constant(null),
);
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom('a', 'b'), tie('value'), { maxKeys: 2 }),
})).value;
const regex = fc.constantFrom('^a', 'b$', 'AWS::S3::.*', '^$').map((pattern): Value => ({ kind: 'regex', pattern, path: '', span: null }));
const value = fc.oneof(data.map((each) => plainValue(each)), regex);

const checked: fc.Arbitrary<CheckedValue> = fc.oneof(
  { weight: 4, arbitrary: value.map((each): CheckedValue => ({ kind: 'resolved', value: each })) },
  { weight: 1, arbitrary: value.map((each): CheckedValue => ({ kind: 'literal', value: each })) },
  { weight: 1, arbitrary: fc.constant<CheckedValue>({ kind: 'unresolved', traversedTo: plainValue({}), remainingQuery: 'X', reason: 'no key' }) },
);
const comparison = fc.tuple(fc.constantFrom('Eq' as const, 'In' as const), fc.boolean()).map(([operator, negated]): Comparison => [operator, negated]);

describe('countLiteralComparison', () => {
  it('counts what the generic pairing counts, wherever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(checked, { maxLength: 4 }), value, comparison, (lhs, literal, op) => {
        const rhs: CheckedValue[] = [{ kind: 'literal', value: literal }];
        const fast = countLiteralComparison(lhs, rhs, op);
        if (fast === null) return;
        answered++;
        const results = compareResults(lhs, rhs, op);
        expect(results).not.toBeNull();
        expect(fast).toEqual(countResults(results!));
      }),
      { numRuns: Number(process.env.LITERAL_COMPARISON_RUNS ?? 3000) },
    );
    // The shapes it is for do come up: the property is not vacuous.
    expect(answered).toBeGreaterThan(500);
  });

  it('answers the registry shapes and leaves the others to the generic pairing', () => {
    const resolved = (data: unknown): CheckedValue => ({ kind: 'resolved', value: plainValue(data) });
    const literal = (data: unknown): CheckedValue[] => [{ kind: 'literal', value: plainValue(data) }];
    expect(countLiteralComparison([resolved('Active'), resolved('PassThrough')], literal('Active'), ['Eq', false])).toEqual({ passes: 1, fails: 1 });
    expect(countLiteralComparison([resolved('aws:kms')], literal(['AES256', 'aws:kms']), ['In', true])).toEqual({ passes: 0, fails: 1 });
    expect(countLiteralComparison([resolved(5)], literal('5'), ['Eq', true])).toEqual({ passes: 0, fails: 1 });
    expect(countLiteralComparison([resolved(['a'])], literal(['a']), ['In', false])).toBeNull();
    expect(countLiteralComparison([resolved('a')], literal([['a']]), ['Eq', false])).toBeNull();
    expect(countLiteralComparison([resolved(1)], literal(1), ['Lt', false])).toBeNull();
    expect(countLiteralComparison([], literal(1), ['Eq', false])).toBeNull();
  });
});
