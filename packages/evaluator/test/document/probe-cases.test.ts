// The data files of the verified probe cases (spec/probe-cases): each must load, except those
// whose recorded cfn-guard 3.1.1 run ended with a data-file error (exit 255 with a parse message);
// the `-i` parameter files merge as recorded; the `test` specs load with the spec loader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadDocument, loadTestSpecDocument, mergeInputParameters, valueToJson } from '../../src/index.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';

interface ProbeCase {
  readonly name: string;
  readonly data: string;
  readonly exit_code: number;
  readonly args: readonly string[];
  readonly stderr_first_line?: string;
}

const DATA_FILE_ERROR = /parsing data file|non string type detected|Bad Value encountered/;

describeShared('probe-case data files', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases: ProbeCase[] = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
  const validateCases = cases.filter((probe) => probe.args[0] === 'validate');

  it('covers the recorded cases', () => {
    expect(validateCases.length).toBeGreaterThan(70);
  });

  it.each(validateCases.map((probe) => [probe.name, probe] as const))('%s: loads or is refused as recorded', (_name, probe) => {
    const result = loadDocument(readFileSync(join(dir, probe.data), 'utf8'), { fileName: probe.data });
    const refusedByReference = probe.exit_code === 255 && DATA_FILE_ERROR.test(probe.stderr_first_line ?? '');
    expect(result.ok ? 'loaded' : `refused (${result.error.message})`).toMatch(refusedByReference ? /^refused/ : /^loaded$/);
  });

  it('merges the -i parameter file of input_parameters_merge into the data', () => {
    const probe = validateCases.find((candidate) => candidate.name === 'input_parameters_merge')!;
    const paramsFile = probe.args[probe.args.indexOf('-i') + 1]!;
    const data = loadDocument(readFileSync(join(dir, probe.data), 'utf8'), { fileName: probe.data });
    const params = loadDocument(readFileSync(join(dir, paramsFile), 'utf8'), { fileName: paramsFile });
    if (!data.ok || !params.ok) expect.fail('the probe files did not load');
    const merged = mergeInputParameters(data.document, [params.document]);
    if (!merged.ok) expect.fail(merged.error.message);
    expect(valueToJson(merged.document)).toMatchObject({ AllowedEnvs: ['dev', 'prod'], Resources: { App: { Properties: { Env: 'dev' } } } });
  });

  it.each(cases.filter((probe) => probe.args[0] === 'test').map((probe) => [probe.name, probe] as const))('%s: the test spec loads', (_name, probe) => {
    const result = loadTestSpecDocument(readFileSync(join(dir, probe.data), 'utf8'), { fileName: probe.data });
    expect(result.ok ? 'loaded' : result.error.message).toBe('loaded');
  });
});
