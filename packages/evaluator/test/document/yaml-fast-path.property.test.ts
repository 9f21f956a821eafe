// Property: on generated block-style YAML and on mutated real text, the YAML fast path either steps
// aside or gives exactly the slow path's result (values, kinds, paths, key order, spans). Runs a few
// hundred cases by default; YAML_FAST_PATH_RUNS raises it (100,000 for the figure in
// docs/performance.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../../../test-support/shared-corpus.js';
import { compareFastPath, firstDifference } from './yaml-fast-path-compare.js';
import { blockScalarDocument, lineWindow, mutate, mutations, yamlDocument } from './yaml-fast-path-generators.js';

const RUNS = Number(process.env.YAML_FAST_PATH_RUNS ?? 300);

/** With a run count asked for, how many cases the fast path took (the figure for the docs). */
function reportCoverage(name: string, taken: number, total: number): void {
  if (process.env.YAML_FAST_PATH_RUNS !== undefined) console.log(`${name}: fast path took ${taken} of ${total} cases, all equal to the slow path`);
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ya?ml|template)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Mutated windows of `texts`: same result or step aside. */
function checkMutations(name: string, texts: readonly string[]): void {
  let taken = 0;
  let total = 0;
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 40 }), mutations, (which, from, count, changes) => {
      total++;
      if (expectSameOrAside(mutate(lineWindow(texts[which % texts.length]!, from, count), changes))) taken++;
    }),
    { numRuns: RUNS },
  );
  reportCoverage(name, taken, total);
}

function expectSameOrAside(text: string): boolean {
  const outcome = compareFastPath(text);
  if (outcome.taken && !outcome.same) expect.fail(`fast path differs on ${JSON.stringify(text)}\n${firstDifference(outcome.fast, outcome.slow)}`);
  return outcome.taken;
}

/** The project's own YAML data files, so that this suite needs nothing outside the repository. */
function ownYamlTexts(): string[] {
  return yamlFilesUnder(join(repoRoot, 'test-corpus', 'cases')).map((path) => readFileSync(path, 'utf8'));
}

describe('YAML fast path against the slow path (property)', () => {
  it('generated block-style documents: same result or step aside, and most are taken', () => {
    let taken = 0;
    let total = 0;
    fc.assert(
      fc.property(yamlDocument, (text) => {
        total++;
        if (expectSameOrAside(text)) taken++;
      }),
      { numRuns: RUNS },
    );
    reportCoverage('generated documents', taken, total);
    // The generator writes mostly what the fast path reads; a collapse of coverage is a regression.
    expect(taken / total).toBeGreaterThan(0.12);
  });

  it('documents centred on a block scalar: same result or step aside, and many are taken', () => {
    let taken = 0;
    let total = 0;
    fc.assert(
      fc.property(blockScalarDocument, (text) => {
        total++;
        if (expectSameOrAside(text)) taken++;
      }),
      { numRuns: RUNS },
    );
    reportCoverage('block-scalar documents', taken, total);
    expect(taken / total).toBeGreaterThan(0.3);
  });

  it('mutated windows of the project test corpus: same result or step aside', () => {
    const texts = ownYamlTexts();
    expect(texts.length).toBeGreaterThan(10);
    checkMutations('mutated test-corpus windows', texts);
  });
});

describeShared('YAML fast path against the slow path on mutated templates (property)', (shared) => {
  it('mutated windows of the development templates: same result or step aside', () => {
    const texts = yamlFilesUnder(join(shared, 'corpus', 'templates-dev', 'templates')).map((path) => readFileSync(path, 'utf8'));
    expect(texts.length).toBeGreaterThan(50);
    checkMutations('mutated templates-dev windows', texts);
  });
});
