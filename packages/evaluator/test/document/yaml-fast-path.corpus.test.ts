// Differential test of the YAML fast path on real data files: for each YAML file, the fast path
// steps aside or gives exactly the slow path's result (values, kinds, paths, key order, spans);
// and it takes nearly every file, or it would not be worth having. The project's own test corpus
// runs everywhere; the shared corpus (templates-dev, guard-resources, probe cases) when present.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../../../test-support/shared-corpus.js';
import { compareFastPath, firstDifference } from './yaml-fast-path-compare.js';

/** The block-style YAML files below `dir` (JSON written in `.yaml` files is the JSON fast path's). */
function yamlTextsUnder(dir: string): Array<{ readonly path: string; readonly text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ya?ml|template)$/.test(name))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }))
    .filter(({ text }) => !/^\s*[[{]/.test(text));
}

/** Compares every file; returns how many the fast path took. */
function expectAgreement(files: ReadonlyArray<{ readonly path: string; readonly text: string }>): number {
  let taken = 0;
  const different: string[] = [];
  for (const { path, text } of files) {
    const outcome = compareFastPath(text);
    if (!outcome.taken) continue;
    taken++;
    if (!outcome.same) different.push(`${path} ${firstDifference(outcome.fast, outcome.slow)}`);
  }
  expect(different).toEqual([]);
  return taken;
}

describe('YAML fast path on the project test corpus', () => {
  it('agrees with the slow path on every YAML data file it takes, and takes most', () => {
    const files = yamlTextsUnder(join(repoRoot, 'test-corpus', 'cases'));
    expect(files.length).toBeGreaterThan(20);
    const taken = expectAgreement(files);
    expect(taken / files.length).toBeGreaterThan(0.8);
  });
});

describeShared('YAML fast path on the shared corpus', (shared) => {
  it('agrees with the slow path on every templates-dev YAML template it takes, and takes nearly all', () => {
    const files = yamlTextsUnder(join(shared, 'corpus', 'templates-dev', 'templates'));
    expect(files.length).toBeGreaterThan(70);
    const taken = expectAgreement(files);
    expect(taken / files.length).toBeGreaterThan(0.95);
  });

  it('agrees with the slow path on the CRLF twins of the templates-dev YAML templates, and takes as many', () => {
    const files = yamlTextsUnder(join(shared, 'corpus', 'templates-dev', 'templates'));
    const twins = files.map(({ path, text }) => ({ path: `${path} (CRLF)`, text: text.replaceAll('\n', '\r\n') }));
    expect(expectAgreement(twins)).toBe(expectAgreement(files));
  });

  it('agrees with the slow path on the YAML files of guard-resources and of the probe cases', () => {
    const files = [...yamlTextsUnder(join(shared, 'corpus', 'guard-resources')), ...yamlTextsUnder(join(shared, 'spec', 'probe-cases'))];
    expect(files.length).toBeGreaterThan(90);
    const taken = expectAgreement(files);
    expect(taken / files.length).toBeGreaterThan(0.8);
  });
});
