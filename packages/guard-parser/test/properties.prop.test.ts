// Properties of the parser and printer over generated inputs.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseRules, printRules, type SourceSpan } from '../src/index.js';
import { grammarArbitraries } from './arbitraries/ast-arbitraries.js';
import { withoutSpans } from './support/parse-helpers.js';

const { rulesFile } = grammarArbitraries(2);

// Fragments of Guard, so that random text reaches deep into the grammar.
const guardishText = fc
  .array(
    fc.constantFrom(
      'rule', 'let', 'when', 'or', '|OR|', 'not', '!', 'some', 'this', 'keys', 'in', 'exists', 'empty', 'is_string',
      'true', 'null', 'r[1,2]', '%x', 'X', 'Resources', '.', '*', '[', ']', '{', '}', '(', ')', ',', ':', '==', '!=',
      '>=', '<', '=', ':=', '"s"', "'t'", '/re/', '//', '<<m>>', '<<', '1', '-1.5', '2.5', '#c\n', '\n', ' ', '\t',
      'AWS::S3::Bucket', '|', '"', '/', 'f(', 'é', '\\',
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(' '));

function within(inner: SourceSpan, outer: SourceSpan): boolean {
  return inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset && inner.start.offset <= inner.end.offset;
}

/** Every (parent span, child span) pair of an AST. */
function spanPairs(node: unknown, parent: SourceSpan | null, pairs: [SourceSpan, SourceSpan][]): [SourceSpan, SourceSpan][] {
  if (Array.isArray(node)) {
    for (const item of node) spanPairs(item, parent, pairs);
    return pairs;
  }
  if (node === null || typeof node !== 'object') return pairs;
  const span = (node as { span?: SourceSpan }).span;
  const own = span !== undefined && 'kind' in node ? span : parent;
  if (own !== parent && parent !== null && own !== null) pairs.push([own, parent]);
  for (const [key, value] of Object.entries(node)) if (key !== 'span') spanPairs(value, own, pairs);
  return pairs;
}

describe('parseRules is total', () => {
  test.prop([fc.string({ maxLength: 200 })], { numRuns: 300 })('never throws on arbitrary text', (text) => {
    const { ast, diagnostics } = parseRules(text, { fileName: 'any.guard' });
    expect(diagnostics.filter((d) => d.code === 'internal_error')).toEqual([]);
    expect(ast === null).toBe(diagnostics.some((d) => d.severity === 'error'));
    for (const d of diagnostics) expect(d.span.end.offset).toBeLessThanOrEqual(text.length);
  });

  test.prop([guardishText], { numRuns: 500 })('never throws on Guard-like text', (text) => {
    const { ast, diagnostics } = parseRules(text, { fileName: 'any.guard' });
    expect(diagnostics.filter((d) => d.code === 'internal_error')).toEqual([]);
    expect(ast === null).toBe(diagnostics.some((d) => d.severity === 'error'));
  });
});

describe('printRules', () => {
  test.prop([rulesFile], { numRuns: 150 })('parseRules(printRules(ast)) gives back the AST, spans aside', (ast) => {
    const printed = printRules(ast);
    const reparsed = parseRules(printed, { fileName: 'printed.guard' });
    expect(reparsed.diagnostics).toEqual([]);
    expect(withoutSpans(reparsed.ast)).toEqual(withoutSpans(ast));
  });
});

describe('spans', () => {
  test.prop([rulesFile], { numRuns: 100 })('every child span lies inside its parent span, all in the text', (generated) => {
    const text = printRules(generated);
    const { ast } = parseRules(text, { fileName: 'printed.guard' });
    if (ast === null) throw new Error('printed text did not parse');
    expect(ast.span).toMatchObject({ start: { offset: 0 }, end: { offset: text.length } });
    const outside = spanPairs(ast, null, []).filter(([child, parent]) => !within(child, parent));
    expect(outside).toEqual([]);
  });
});
