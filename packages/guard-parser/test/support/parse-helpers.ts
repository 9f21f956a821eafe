// Helpers shared by the parser tests.
import { expect } from 'vitest';
import { parseRules, type Clause, type RulesFile } from '../../src/index.js';

/** Parses text that must be accepted; fails the test with the diagnostics otherwise. */
export function parseOk(text: string): RulesFile {
  const { ast, diagnostics } = parseRules(text, { fileName: 'test.guard' });
  expect(diagnostics).toEqual([]);
  if (ast === null) throw new Error('no AST');
  return ast;
}

/** A deep copy without `span` properties, for comparing shapes. */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'span' ? undefined : v))) as T;
}

/** The first clause of the first rule (or of the default rule when there is no named rule). */
export function firstClause(text: string): Clause {
  const ast = parseOk(text);
  const clauses = ast.rules[0]?.body.clauses ?? ast.defaultRule?.clauses ?? [];
  const clause = clauses[0]?.clauses[0];
  if (clause === undefined) throw new Error('no clause');
  return clause;
}
