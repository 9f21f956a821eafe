// The structured report on real rules and templates: for every rules file of templates-dev, its
// first failing pair, built in-process and compared with cfn-guard 3.1.1's `-z -o json -S none`.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import { toStructuredReport } from '../../src/report/structured-report.js';
import { loadForValidate } from './document-for-tests.js';

interface Pair {
  readonly rules: string;
  readonly data: string;
  readonly exit_code: number;
}

describeShared('structured report against cfn-guard 3.1.1 on failing templates-dev pairs', (shared) => {
  const corpus = join(shared, 'corpus');
  const templates = join(corpus, 'templates-dev', 'templates');
  const pairs = (JSON.parse(readFileSync(join(corpus, 'templates-dev', 'expected-dev.json'), 'utf8')) as { pairs: Pair[] }).pairs;
  const firstFailing = new Map<string, Pair>();
  for (const pair of pairs) if (pair.exit_code === 19 && !firstFailing.has(pair.rules)) firstFailing.set(pair.rules, pair);

  it('has the reference binary', () => {
    expect(referenceBinary()).not.toBeNull();
  });

  it.each([...firstFailing.values()].map((p) => [`${p.rules} x ${p.data}`, p] as const))('%s', async (_name, pair) => {
    const dataPath = realpathSync(join(templates, pair.data));
    const reference = runReference(['validate', '-r', join(corpus, pair.rules), '-d', dataPath, '-z', '-o', 'json', '-S', 'none']);
    const expected = JSON.parse(reference.stdout) as unknown;
    const compiled = compileRules(readFileSync(join(corpus, pair.rules), 'utf8'), { fileName: pair.rules });
    if (!compiled.ok) throw new Error('does not compile');
    const data = await loadForValidate(readFileSync(dataPath, 'utf8'), dataPath);
    if (!data.ok) throw new Error(data.message);
    const result = evaluate(compiled.rules, data.value);
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.stringify([toStructuredReport(dataPath, [result.report])], null, 1)).toBe(JSON.stringify(expected, null, 1));
  });
});
