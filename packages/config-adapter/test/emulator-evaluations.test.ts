// The asynchronous life of an evaluation and ListResourceEvaluations, through the real SDK.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStartRequest, loadConfigSdk } from '../src/client/index.js';
import { startConfigEmulator, type ConfigEmulator, type GuardEngine } from '../src/emulator/index.js';
import { SEED_RULE, lambdaProperties, startReferenceEmulator } from './emulator-harness.js';

type Sdk = Awaited<ReturnType<typeof loadConfigSdk>>;

function startRequest(id: string, context?: string) {
  const built = buildStartRequest({ logicalId: id, resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') }, context ? { evaluationContext: context } : {});
  if (!built.ok) throw new Error(built.error.message);
  return { ...built.request, ResourceDetails: { ...built.request.ResourceDetails } };
}

describe('evaluations', () => {
  let emulator: ConfigEmulator;
  let sdk: Sdk;
  let client: InstanceType<Sdk['ConfigServiceClient']>;
  const connect = async (e: ConfigEmulator) => {
    emulator = e;
    sdk = await loadConfigSdk();
    client = new sdk.ConfigServiceClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  };
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  describe('with the seed rule', () => {
    beforeEach(() => connect2());
    const connect2 = async () => connect(await startReferenceEmulator({ rules: [{ name: 'seed', policyText: SEED_RULE }], completeAfterPolls: 2, completeAfterMs: 0 }));

    it('reports IN_PROGRESS first, no details until SUCCEEDED, then the roll-up and the echoed details', async () => {
      const request = startRequest('Fn', 'stack-a');
      const { ResourceEvaluationId: id } = await client.send(new sdk.StartResourceEvaluationCommand(request));
      const early = await client.send(new sdk.GetComplianceDetailsByResourceCommand({ ResourceEvaluationId: id }));
      expect(early.EvaluationResults).toEqual([]);
      const first = await client.send(new sdk.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
      expect(first.EvaluationStatus?.Status).toBe('IN_PROGRESS');
      expect(first.Compliance).toBeUndefined();
      let summary = first;
      for (let i = 0; i < 50 && summary.EvaluationStatus?.Status === 'IN_PROGRESS'; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
        summary = await client.send(new sdk.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
      }
      expect(summary.EvaluationStatus?.Status).toBe('SUCCEEDED');
      expect(summary.Compliance).toBe('NON_COMPLIANT');
      expect(summary.EvaluationStartTimestamp).toBeInstanceOf(Date);
      expect(summary.EvaluationContext).toEqual({ EvaluationContextIdentifier: 'stack-a' });
      expect(summary.ResourceDetails).toEqual(request.ResourceDetails);
      const details = await client.send(new sdk.GetComplianceDetailsByResourceCommand({ ResourceEvaluationId: id }));
      const result = details.EvaluationResults?.[0];
      expect(result?.EvaluationResultIdentifier?.EvaluationResultQualifier).toEqual({ ConfigRuleName: 'seed', ResourceType: 'AWS::Lambda::Function', ResourceId: 'Fn', EvaluationMode: 'PROACTIVE' });
      expect(result?.EvaluationResultIdentifier?.ResourceEvaluationId).toBe(id);
      expect(result?.ResultRecordedTime).toBeInstanceOf(Date);
      const filtered = await client.send(new sdk.GetComplianceDetailsByResourceCommand({ ResourceEvaluationId: id, ComplianceTypes: ['COMPLIANT'] }));
      expect(filtered.EvaluationResults).toEqual([]);
      const detective = await client.send(new sdk.GetComplianceDetailsByResourceCommand({ ResourceType: 'AWS::Lambda::Function', ResourceId: 'Fn' }));
      expect(detective.EvaluationResults).toEqual([]);
    });

    it('lists evaluations newest first, filtered by context, in pages of Limit', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await client.send(new sdk.StartResourceEvaluationCommand(startRequest(`Fn${i}`, i < 3 ? 'a' : 'b')))).ResourceEvaluationId!);
      const seen: string[] = [];
      let token: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const out = await client.send(new sdk.ListResourceEvaluationsCommand({ Filters: { EvaluationContextIdentifier: 'a' }, Limit: 2, ...(token ? { NextToken: token } : {}) }));
        seen.push(...(out.ResourceEvaluations ?? []).map((e) => e.ResourceEvaluationId!));
        token = out.NextToken;
        if (token === undefined) break;
      }
      expect(seen).toEqual(ids.slice(0, 3).reverse());
      const all = await client.send(new sdk.ListResourceEvaluationsCommand({ Limit: 0 }));
      expect(all.ResourceEvaluations).toHaveLength(5);
    });
  });

  it('an engine slower than EvaluationTimeout makes the evaluation FAILED', async () => {
    const slow: GuardEngine = {
      name: 'slow',
      evaluatePolicy: () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, verdicts: [{ status: 'PASS', messages: [] }] }), 1_300)),
    };
    await connect(await startConfigEmulator({ engine: slow, rules: [{ name: 'r', policyText: SEED_RULE }], completeAfterPolls: 0, completeAfterMs: 0 }));
    const { ResourceEvaluationId: id } = await client.send(new sdk.StartResourceEvaluationCommand({ ...startRequest('Fn'), EvaluationTimeout: 1, ClientToken: undefined }));
    await new Promise((r) => setTimeout(r, 1_100));
    const summary = await client.send(new sdk.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
    expect(summary.EvaluationStatus).toEqual({ Status: 'FAILED', FailureReason: expect.stringMatching(/EvaluationTimeout \(1 s\)/) });
  });

  it('an engine error makes the evaluation FAILED with the rule named', async () => {
    const broken: GuardEngine = { name: 'broken', evaluatePolicy: async () => ({ ok: false, error: 'parse error at line 1' }) };
    await connect(await startConfigEmulator({ engine: broken, rules: [{ name: 'bad-rule', policyText: 'rule {' }], completeAfterPolls: 1, completeAfterMs: 0 }));
    const { ResourceEvaluationId: id } = await client.send(new sdk.StartResourceEvaluationCommand(startRequest('Fn')));
    await new Promise((r) => setTimeout(r, 20));
    const summary = await client.send(new sdk.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
    expect(summary.EvaluationStatus?.Status).toBe('FAILED');
    expect(summary.EvaluationStatus?.FailureReason).toMatch(/bad-rule.*parse error at line 1/);
  });
});
