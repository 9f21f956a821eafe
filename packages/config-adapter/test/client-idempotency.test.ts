// ClientToken: deterministic, honoured by the emulator, and what makes a retry after a lost answer safe.
import { afterEach, describe, expect, it } from 'vitest';
import { buildStartRequest, evaluateRemotely, loadConfigSdk } from '../src/client/index.js';
import type { ConfigEmulator } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, lambdaProperties, startReferenceEmulator } from './emulator-harness.js';

const resource = { logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') };

describe('ClientToken idempotency', () => {
  let emulator: ConfigEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('is a 64-hex SHA-256 that depends on every member of the request', () => {
    const a = buildStartRequest(resource);
    const b = buildStartRequest({ ...resource, properties: { ...resource.properties } });
    const c = buildStartRequest(resource, { evaluationContext: 'stack-1' });
    const d = buildStartRequest(resource, { evaluationTimeoutSeconds: 60 });
    if (!a.ok || !b.ok || !c.ok || !d.ok) throw new Error('requests must build');
    expect(a.request.ClientToken).toMatch(/^[0-9a-f]{64}$/);
    expect(b.request.ClientToken).toBe(a.request.ClientToken);
    expect(new Set([a, c, d].map((r) => r.request.ClientToken)).size).toBe(3);
  });

  it('evaluating the same resource twice reuses the first evaluation', async () => {
    emulator = await startReferenceEmulator({ rules: [{ name: 'seed', policyText: SEED_RULE }] });
    const first = await evaluateRemotely(resource, fastClient(emulator));
    const second = await evaluateRemotely(resource, fastClient(emulator));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.evaluation.evaluationId).toBe(first.evaluation.evaluationId);
  });

  it('a connection dropped after StartResourceEvaluation was processed is retried without a second evaluation', async () => {
    emulator = await startReferenceEmulator({ rules: [{ name: 'seed', policyText: SEED_RULE }] });
    emulator.injectFault({ kind: 'drop-connection', operation: 'StartResourceEvaluation', afterProcessing: true });
    const retries: string[] = [];
    const outcome = await evaluateRemotely(resource, fastClient(emulator, { onRetry: (event) => retries.push(event.error.code) }));
    expect(outcome.ok && outcome.evaluation.results.map((r) => r.complianceType)).toEqual(['NON_COMPLIANT']);
    expect(retries).toEqual(['NETWORK']);
    const starts = emulator.requests.filter((r) => r.operation === 'StartResourceEvaluation');
    expect(starts.map((r) => r.status)).toEqual([0, 200]);
    const sdk = await loadConfigSdk();
    const client = new sdk.ConfigServiceClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    try {
      const listed = await client.send(new sdk.ListResourceEvaluationsCommand({}));
      expect(listed.ResourceEvaluations).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });

  it('the same token with a changed request is IdempotentParameterMismatch', async () => {
    emulator = await startReferenceEmulator({ rules: [{ name: 'seed', policyText: SEED_RULE }] });
    const built = buildStartRequest(resource);
    if (!built.ok) throw new Error(built.error.message);
    const sdk = await loadConfigSdk();
    const client = new sdk.ConfigServiceClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    try {
      const first = await client.send(new sdk.StartResourceEvaluationCommand({ ...built.request, ResourceDetails: { ...built.request.ResourceDetails } }));
      const again = await client.send(new sdk.StartResourceEvaluationCommand({ ...built.request, ResourceDetails: { ...built.request.ResourceDetails } }));
      expect(again.ResourceEvaluationId).toBe(first.ResourceEvaluationId);
      const changed = client.send(new sdk.StartResourceEvaluationCommand({ ...built.request, ResourceDetails: { ...built.request.ResourceDetails }, EvaluationContext: { EvaluationContextIdentifier: 'other' } }));
      await expect(changed).rejects.toMatchObject({ name: 'IdempotentParameterMismatch', $metadata: { httpStatusCode: 400 } });
    } finally {
      client.destroy();
    }
  });
});
