import { afterEach, describe, expect, it } from 'vitest';
import { evaluateRemotely } from '../src/client/index.js';
import { guardtsEngine, type ConfigEmulator } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, lambdaProperties, referenceGuardEngine, startReferenceEmulator } from './emulator-harness.js';

describe.each([
  ['reference', referenceGuardEngine],
  ['guardts', guardtsEngine],
] as const)('evaluateRemotely against the loopback emulator (%s engine)', (_label, makeEngine) => {
  let emulator: ConfigEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it.each([
    ['PassThrough', 'NON_COMPLIANT'],
    ['Active', 'COMPLIANT'],
    [undefined, 'NOT_APPLICABLE'],
  ])('TracingConfig.Mode %s gives %s for the seed rule on the config-item document', async (mode, expected) => {
    emulator = await startReferenceEmulator({ engine: makeEngine(), rules: [{ name: 'lambda-tracing', policyText: SEED_RULE }] });
    const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties(mode) }, fastClient(emulator));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.evaluation.results).toEqual([expect.objectContaining({ configRuleName: 'lambda-tracing', complianceType: expected })]);
    expect(outcome.evaluation.compliance).toBe(expected === 'NOT_APPLICABLE' ? 'INSUFFICIENT_DATA' : expected);
    // Completion needs two summary polls, so the client must have polled at least twice.
    expect(emulator.requests.filter((r) => r.operation === 'GetResourceEvaluationSummary').length).toBeGreaterThanOrEqual(2);
  });

  it('the raw-properties document makes the same rule NOT_APPLICABLE', async () => {
    emulator = await startReferenceEmulator({ engine: makeEngine(), document: 'properties', rules: [{ name: 'lambda-tracing', policyText: SEED_RULE }] });
    const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') }, fastClient(emulator));
    expect(outcome.ok && outcome.evaluation.results.map((r) => r.complianceType)).toEqual(['NOT_APPLICABLE']);
  });
});
