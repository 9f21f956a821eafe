// The unit-test specs of the rules registry (shared/corpus/registry), run in-process as
// `cfn-guard test` runs them: every case's input evaluated with the test loader, the status of
// each rule the case names (same-named rules combined FAIL > PASS > SKIP) compared with its
// expectation. cfn-guard 3.1.1 meets every expectation (registry/expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import { loadTestSpecDocument } from '../../src/document/load-test-spec-document.js';
import type { Status } from '../../src/report/types.js';
import type { Value } from '../../src/values/value.js';

interface Spec {
  readonly spec: string;
  readonly rules: string;
  readonly cases: readonly { readonly name: string; readonly rules: Readonly<Record<string, { readonly expected: Status }>> }[];
}

const RANK: Readonly<Record<Status, number>> = { SKIP: 0, PASS: 1, FAIL: 2 };

function field(map: Value, key: string): Value | undefined {
  return map.kind === 'map' ? map.entries.get(key) : undefined;
}

describeShared('rules registry unit-test specs, evaluated in-process', (shared) => {
  it('meets every expectation cfn-guard 3.1.1 meets', () => {
    const dir = join(shared, 'corpus', 'registry');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { specs: Spec[] };
    const mismatches: string[] = [];
    let checks = 0;
    for (const spec of expected.specs) {
      const compiled = compileRules(readFileSync(join(dir, spec.rules), 'utf8'), { fileName: spec.rules });
      if (!compiled.ok) {
        mismatches.push(`${spec.rules}: does not compile`);
        continue;
      }
      const loaded = loadTestSpecDocument(readFileSync(join(dir, spec.spec), 'utf8'), { fileName: spec.spec });
      if (!loaded.ok || loaded.document.kind !== 'list') {
        mismatches.push(`${spec.spec}: does not load`);
        continue;
      }
      const documents = loaded.document.items;
      spec.cases.forEach((testCase, i) => {
        const input = field(documents[i]!, 'input') ?? { kind: 'null', path: '', span: null };
        const result = evaluate(compiled.rules, input, { record: false });
        if (!result.ok) {
          mismatches.push(`${spec.spec} #${i} ${testCase.name}: runtime error ${result.error.message}`);
          return;
        }
        const statuses = new Map<string, Status>();
        for (const { name, status } of result.report.rules) {
          const previous = statuses.get(name);
          if (previous === undefined || RANK[status] > RANK[previous]) statuses.set(name, status);
        }
        for (const [rule, { expected: want }] of Object.entries(testCase.rules)) {
          checks++;
          const got = statuses.get(rule);
          if (got !== want) mismatches.push(`${spec.spec} #${i} ${testCase.name}: ${rule} is ${got}, expected ${want}`);
        }
      });
    }
    console.log(`registry specs: ${checks - mismatches.length}/${checks} rule checks agree with cfn-guard 3.1.1`);
    expect(mismatches.slice(0, 20), `${mismatches.length} mismatches`).toEqual([]);
  });
});
