// The AST has the structure cfn-guard 3.1.1 builds (`parse-tree -p`): same rules, same
// conjunctions and disjunctions, same clause kinds, negations, operators and query parts.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../src/index.js';
import { referenceBinary, runReference } from '../../../test-support/reference-binary.js';
import { describeShared } from '../../../test-support/shared-corpus.js';
import { guardtsShape, referenceShape } from './support/ast-shape.js';

/** Differences between both parsers' shapes for each accepted text, as readable lines. */
function shapeDifferences(inputs: readonly { label: string; path: string; text: string }[]): string[] {
  const differences: string[] = [];
  for (const { label, path, text } of inputs) {
    const reference = runReference(['parse-tree', '-r', path, '-p']);
    if (reference.status !== 0) continue;
    const { ast } = parseRules(text, { fileName: label });
    if (ast === null) {
      differences.push(`${label}: rejected by guardts`);
      continue;
    }
    const expected = referenceShape(JSON.parse(reference.stdout)).split('\n');
    const actual = guardtsShape(ast).split('\n');
    const line = expected.findIndex((l, i) => l !== actual[i]);
    if (line !== -1 || expected.length !== actual.length) differences.push(`${label}\n  cfn-guard: ${expected[line] ?? ''}\n  guardts:   ${actual[line] ?? ''}`);
  }
  return differences;
}

describeShared('AST structure agrees with cfn-guard parse-tree', (shared) => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: the cfn-guard 3.1.1 binary is unavailable', () => {});
    return;
  }
  it('on every accepted .guard file of the corpus and probe cases', () => {
    const roots = [join(shared, 'corpus'), join(shared, 'spec', 'probe-cases')];
    const inputs = roots.flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.guard'))
        .map((name) => ({ label: relative(shared, join(root, name)), path: join(root, name), text: readFileSync(join(root, name), 'utf8') })),
    );
    expect(inputs.length).toBeGreaterThan(500);
    expect(shapeDifferences(inputs)).toEqual([]);
  });
});

describe('AST structure agrees with cfn-guard parse-tree on the hand-made cases', () => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: the cfn-guard 3.1.1 binary is unavailable', () => {});
    return;
  }
  it('for every accepted case of fixtures/reference-verdicts.json', () => {
    const recorded = JSON.parse(readFileSync(new URL('./fixtures/reference-verdicts.json', import.meta.url), 'utf8')) as {
      cases: { text: string; accepted: boolean }[];
    };
    const dir = mkdtempSync(join(tmpdir(), 'guardts-shape-'));
    const inputs = recorded.cases
      .filter((c) => c.accepted)
      .map((c, index) => {
        const path = join(dir, `case-${index}.guard`);
        writeFileSync(path, c.text);
        return { label: JSON.stringify(c.text), path, text: c.text };
      });
    expect(inputs.length).toBeGreaterThan(100);
    expect(shapeDifferences(inputs)).toEqual([]);
  });
});
