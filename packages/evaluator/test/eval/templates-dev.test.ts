// The (rules file, template) pairs of shared/corpus/templates-dev/expected-dev.json, evaluated
// in-process (compile once per rules file, evaluate each paired template), statuses compared with
// cfn-guard 3.1.1's recorded ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { CompiledRules } from '../../src/compile/ir.js';
import type { Status } from '../../src/report/types.js';
import type { Value } from '../../src/values/value.js';
import { loadForValidate, type LoadedDocument } from './document-for-tests.js';

interface Pair {
  readonly rules: string;
  readonly data: string;
  readonly exit_code: number;
  readonly statuses: Readonly<Record<string, Status>>;
}

const RANK: Readonly<Record<Status, number>> = { SKIP: 0, PASS: 1, FAIL: 2 };

describeShared('templates-dev corpus (expected-dev.json), evaluated in-process', (shared) => {
  it('gives cfn-guard 3.1.1 statuses on every (rules, template) pair', async () => {
    const corpus = join(shared, 'corpus');
    const expected = JSON.parse(readFileSync(join(corpus, 'templates-dev', 'expected-dev.json'), 'utf8')) as { pairs: Pair[] };
    const compiled = new Map<string, CompiledRules | null>();
    const documents = new Map<string, LoadedDocument>();
    const mismatches: string[] = [];
    for (const pair of expected.pairs) {
      let rules = compiled.get(pair.rules);
      if (rules === undefined) {
        const result = compileRules(readFileSync(join(corpus, pair.rules), 'utf8'), { fileName: pair.rules });
        rules = result.ok ? result.rules : null;
        compiled.set(pair.rules, rules);
      }
      let document = documents.get(pair.data);
      if (document === undefined) {
        document = await loadForValidate(readFileSync(join(corpus, 'templates-dev', 'templates', pair.data), 'utf8'), pair.data);
        documents.set(pair.data, document);
      }
      const got = outcome(rules, document);
      const want = JSON.stringify({ exit: pair.exit_code, statuses: sorted(pair.statuses) });
      if (got !== want) mismatches.push(`${pair.rules} x ${pair.data}: got ${got}, want ${want}`);
    }
    const agreeing = expected.pairs.length - mismatches.length;
    console.log(`templates-dev: ${agreeing}/${expected.pairs.length} pairs agree with cfn-guard 3.1.1`);
    expect(mismatches.slice(0, 25), `${mismatches.length} mismatching pairs`).toEqual([]);
  });
});

function outcome(rules: CompiledRules | null, document: LoadedDocument): string {
  if (rules === null) return 'rules file does not compile';
  if (!document.ok) return `data not loaded: ${document.message}`;
  const result = evaluate(rules, document.value as Value, { record: false });
  if (!result.ok) return `runtime error: ${result.error.message}`;
  const statuses: Record<string, Status> = {};
  for (const { name, status } of result.report.rules) {
    if (name.endsWith('/default')) continue;
    const previous = statuses[name];
    if (previous === undefined || RANK[status] > RANK[previous]) statuses[name] = status;
  }
  return JSON.stringify({ exit: result.report.status === 'FAIL' ? 19 : 0, statuses: sorted(statuses) });
}

function sorted(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
