// Pagination (empty pages carrying a NextToken included) and polling, through the real SDK.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateRemotely } from '../src/client/index.js';
import type { ConfigEmulator, EmulatorRule } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, lambdaProperties, startReferenceEmulator } from './emulator-harness.js';

const RULE_COUNT = 7;
const rules: EmulatorRule[] = Array.from({ length: RULE_COUNT }, (_, i) => ({ name: `rule-${i}`, policyText: i % 2 === 0 ? SEED_RULE : 'rule always_true { resourceType exists }\n' }));

describe('evaluateRemotely reads every page of compliance details', () => {
  let emulator: ConfigEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it.each(['none', 'first', 'interleaved'] as const)('page size 2, empty pages: %s', async (emptyDetailsPages) => {
    emulator = await startReferenceEmulator({ rules, detailsPageSize: 2, emptyDetailsPages });
    const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') }, fastClient(emulator));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.evaluation.results.map((r) => r.configRuleName).sort()).toEqual(rules.map((r) => r.name).sort());
    for (const result of outcome.evaluation.results) {
      const index = Number(result.configRuleName.slice('rule-'.length));
      expect(result.complianceType).toBe(index % 2 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT');
    }
    const fullPages = Math.ceil(RULE_COUNT / 2);
    const expectedPages = emptyDetailsPages === 'none' ? fullPages : emptyDetailsPages === 'first' ? fullPages + 1 : fullPages * 2;
    expect(emulator.requests.filter((r) => r.operation === 'GetComplianceDetailsByResource')).toHaveLength(expectedPages);
  });

  it('polls until the evaluation leaves IN_PROGRESS and only then reads details', async () => {
    emulator = await startReferenceEmulator({ rules, completeAfterPolls: 5 });
    const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('Active') }, fastClient(emulator));
    expect(outcome.ok).toBe(true);
    const operations = emulator.requests.map((r) => r.operation);
    // At least 5 (the emulator's threshold); more when the engine is still running at the 5th.
    expect(operations.filter((op) => op === 'GetResourceEvaluationSummary').length).toBeGreaterThanOrEqual(5);
    expect(operations.indexOf('GetComplianceDetailsByResource')).toBeGreaterThan(operations.lastIndexOf('GetResourceEvaluationSummary'));
  });
});
