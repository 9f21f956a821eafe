// The structured report (`validate -z -o json -S none`) built in-process for every probe case that
// ends in a report, compared with what cfn-guard 3.1.1 prints for it.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import { toStructuredReport } from '../../src/report/structured-report.js';
import { loadForValidate } from './document-for-tests.js';
import type { ProbeCase } from './probe-harness.js';

describeShared('structured report against cfn-guard 3.1.1 on the probe cases', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[]).filter(
    (c) => c.args[0] === 'validate' && (c.exit_code === 0 || c.exit_code === 19),
  );

  it('has the reference binary', () => {
    expect(referenceBinary(), 'scripts/get-reference-binary.mjs must provide cfn-guard 3.1.1').not.toBeNull();
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, probe) => {
    const reference = runReference(probe.args, { cwd: dir });
    const expected = JSON.parse(reference.stdout) as unknown[];
    const compiled = compileRules(readFileSync(join(dir, probe.rules), 'utf8'), { fileName: probe.rules });
    if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
    const dataName = realpathSync(join(dir, probe.data));
    const data = await loadForValidate(readFileSync(join(dir, probe.data), 'utf8'), dataName);
    if (!data.ok) throw new Error(data.message);
    const paramsAt = probe.args.indexOf('-i');
    let parameters;
    if (paramsAt >= 0) {
      const params = await loadForValidate(readFileSync(join(dir, probe.args[paramsAt + 1]!), 'utf8'), probe.args[paramsAt + 1]!);
      if (!params.ok) throw new Error(params.message);
      parameters = params.value;
    }
    const result = evaluate(compiled.rules, data.value, { parameters });
    if (!result.ok) throw new Error(result.error.message);
    const ours = toStructuredReport(dataName, [result.report]);
    // As text: field order matters to tools that compare the JSON output.
    expect(JSON.stringify([ours], null, 1)).toBe(JSON.stringify(expected, null, 1));
  });
});

describeShared('structured report of several rules files for one data file', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  it('merges as `-r a.guard -r b.guard -z -o json` does', async () => {
    const rulesFiles = ['eq_neq_basic.guard', 'default_rule.guard', 'rule_references.guard'];
    const dataFile = 'eq_neq_basic.yaml';
    const reference = runReference(['validate', ...rulesFiles.flatMap((r) => ['-r', r]), '-d', dataFile, '-z', '-o', 'json', '-S', 'none'], { cwd: dir });
    const dataName = realpathSync(join(dir, dataFile));
    const data = await loadForValidate(readFileSync(join(dir, dataFile), 'utf8'), dataName);
    if (!data.ok) throw new Error(data.message);
    const reports = rulesFiles.map((file) => {
      const compiled = compileRules(readFileSync(join(dir, file), 'utf8'), { fileName: file });
      if (!compiled.ok) throw new Error(file);
      const result = evaluate(compiled.rules, data.value);
      if (!result.ok) throw new Error(result.error.message);
      return result.report;
    });
    expect(JSON.stringify([toStructuredReport(dataName, reports)], null, 1)).toBe(JSON.stringify(JSON.parse(reference.stdout), null, 1));
  });
});
