// `evaluate` starts with the recording pass for a rules file that failed on its last document
// (api/evaluate.ts): a speed-up only. Whatever came before, a result must be the one a fresh
// evaluation gives: same verdicts, same events, same errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { Value } from '../../src/values/value.js';
import { loadForValidate } from './document-for-tests.js';
import { compiled } from './evaluate-helpers.js';
import { yamlDocument } from './plain-document.js';

const RULES = `let buckets = Resources.*[ Type == "AWS::S3::Bucket" ]
rule versioned when %buckets !empty { %buckets.Properties.Versioning.Status == "Enabled" }
rule named when %buckets !empty { %buckets.Properties.BucketName exists }
`;
const failing = yamlDocument('Resources:\n  A: {Type: AWS::S3::Bucket, Properties: {BucketName: a}}\n');
const passing = yamlDocument('Resources:\n  A: {Type: AWS::S3::Bucket, Properties: {BucketName: a, Versioning: {Status: Enabled}}}\n');
const skipping = yamlDocument('Resources:\n  Q: {Type: AWS::SQS::Queue}\n');
const erring = yamlDocument('Resources:\n  A: {Type: AWS::S3::Bucket, Properties: {BucketName: a, Versioning: {Status: Enabled}}}\nOther: 1\n');

/** Results hold unresolved query results that describe themselves lazily: compared as serialised (their toJSON). */
const serialised = (result: unknown): string => JSON.stringify(result);

describe('an evaluation does not depend on the ones before it', () => {
  it('after a failure: a pass, a skip, a failure again, each as evaluated first', () => {
    const rules = compiled(RULES);
    for (const document of [failing, passing, failing, skipping, failing, failing, passing, passing]) {
      expect(serialised(evaluate(rules, document))).toBe(serialised(evaluate(compiled(RULES), document)));
    }
  });

  it('a recording limit met only by the recording pass of a passing document', () => {
    // The heap guard looks every 4,096 closed records: 2,100 buckets close 4,200 passing checks.
    // With a limit no heap is under, only a recording pass over them can stop.
    const many = yamlDocument(`Resources:\n${Array.from({ length: 2100 }, (_, i) => `  B${i}: {Type: AWS::S3::Bucket, Properties: {BucketName: b, Versioning: {Status: Enabled}}}\n`).join('')}`);
    const limits = { heapFraction: 1e-9 };
    const rules = compiled(RULES);
    expect(evaluate(rules, failing, limits).ok).toBe(true);
    const after = evaluate(rules, many, limits);
    expect(serialised(after)).toBe(serialised(evaluate(compiled(RULES), many, limits)));
    expect(after.ok && after.report.status).toBe('PASS');
    // The same recording pass, asked for outright, does stop there.
    const recorded = evaluate(rules, many, { ...limits, completeEvents: true });
    expect(!recorded.ok && recorded.error.code).toBe('memory-exceeded');
  });

  it('an error after a failure is the error a fresh evaluation gives', () => {
    const rules = compiled(`${RULES}rule broken when Other exists { Other.Deeper == %missing }\n`);
    expect(evaluate(rules, failing).ok).toBe(true);
    const after = evaluate(rules, erring);
    expect(after.ok).toBe(false);
    expect(serialised(after)).toBe(serialised(evaluate(compiled(`${RULES}rule broken when Other exists { Other.Deeper == %missing }\n`), erring)));
  });
});

describeShared('evaluation history on the shared corpus', (shared) => {
  it('209 registry rule files x templates-dev, forwards and backwards: the same report for every pair', async () => {
    const corpus = join(shared, 'corpus');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    const sources = files(join(corpus, 'registry', 'rules')).filter((file) => file.endsWith('.guard'));
    const compile = () => sources.map((file) => compileRules(readFileSync(file, 'utf8'), { fileName: file })).flatMap((result) => (result.ok ? [result.rules] : []));
    const documents: Value[] = [];
    for (const file of files(join(corpus, 'templates-dev', 'templates'))) {
      const loaded = await loadForValidate(readFileSync(file, 'utf8'), file);
      if (loaded.ok) documents.push(loaded.value);
    }
    const run = (order: readonly number[]) => {
      const rules = compile();
      const reports = new Map<string, string>();
      for (const d of order) rules.forEach((file, r) => reports.set(`${r}/${d}`, JSON.stringify(evaluate(file, documents[d]!))));
      return reports;
    };
    const forwards = run(documents.map((_, i) => i));
    const backwards = run(documents.map((_, i) => documents.length - 1 - i));
    expect(forwards.size).toBeGreaterThan(30_000);
    const differing = [...forwards].filter(([pair, report]) => backwards.get(pair) !== report).map(([pair]) => pair);
    expect(differing).toEqual([]);
  }, 300_000);
});
