import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { agrees, runProbeCase, type ProbeCase } from './probe-harness.js';

describeShared('probe cases of shared/spec/probe-cases, evaluated in-process', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, probe) => {
    const outcome = await runProbeCase(dir, probe);
    const expected = probe.exit_code === 101 ? 'a clean runtime error (cfn-guard panics)' : { exitCode: probe.exit_code, statuses: probe.statuses };
    expect(agrees(probe, outcome), `expected ${JSON.stringify(expected)}, got ${JSON.stringify(outcome)}`).toBe(true);
  });
});
