// Fault injection: retries are visible and bounded; malformed answers and resets never give a verdict.
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateRemotely, type RetryEvent } from '../src/client/index.js';
import type { ConfigEmulator, Fault } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, lambdaProperties, startReferenceEmulator } from './emulator-harness.js';

const resource = { logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') };

describe('fault injection', () => {
  let emulator: ConfigEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function evaluateWith(faults: Fault[], extra: Parameters<typeof fastClient>[1] = {}) {
    emulator = await startReferenceEmulator({ rules: [{ name: 'seed', policyText: SEED_RULE }] });
    for (const fault of faults) emulator.injectFault(fault);
    const retries: RetryEvent[] = [];
    const started = Date.now();
    const outcome = await evaluateRemotely(resource, fastClient(emulator, { onRetry: (e) => retries.push(e), ...extra }));
    return { outcome, retries, elapsedMs: Date.now() - started, requests: emulator.requests };
  }

  it.each([
    ['throttle', 'THROTTLED', 400],
    ['internal-error', 'SERVICE_UNAVAILABLE', 500],
    ['unavailable', 'SERVICE_UNAVAILABLE', 503],
  ] as const)('%s twice on each operation is retried and the verdict still arrives', async (kind, code, status) => {
    const ops = ['StartResourceEvaluation', 'GetResourceEvaluationSummary', 'GetComplianceDetailsByResource'];
    const { outcome, retries, requests } = await evaluateWith(ops.map((operation) => ({ kind, operation, count: 2 })));
    expect(outcome.ok && outcome.evaluation.results.map((r) => r.complianceType)).toEqual(['NON_COMPLIANT']);
    expect(retries.map((r) => r.error.code)).toEqual(Array(6).fill(code));
    expect(requests.filter((r) => r.fault === kind).map((r) => r.status)).toEqual(Array(6).fill(status));
  });

  it('gives up with THROTTLED after maxAttempts', async () => {
    const { outcome, requests } = await evaluateWith([{ kind: 'throttle', count: 1000 }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'THROTTLED', awsCode: 'ThrottlingException', attempts: 4 } });
    expect(requests).toHaveLength(4);
  });

  it.each([
    ['StartResourceEvaluation', '{"ResourceEvaluationId": "trunc'],
    ['StartResourceEvaluation', '<html>gateway</html>'],
    ['StartResourceEvaluation', '{}'],
    ['GetResourceEvaluationSummary', '{"EvaluationStatus": {"Status": "DONE"}}'],
    ['GetResourceEvaluationSummary', '{"EvaluationStatus": {"Status": "SUCCEEDED"}, "Compliance": "MOSTLY_COMPLIANT"}'],
    ['GetComplianceDetailsByResource', '{"EvaluationResults": [{"ComplianceType": "COMPLIANT"}]}'],
    ['GetComplianceDetailsByResource', '{"EvaluationResults": [{"EvaluationResultIdentifier": {"EvaluationResultQualifier": {"ConfigRuleName": "seed"}}, "ComplianceType": "GREEN"}]}'],
    ['GetComplianceDetailsByResource', '{"EvaluationResults": "all good"}'],
  ])('a malformed %s answer (%s) is MALFORMED_RESPONSE, never a verdict', async (operation, body) => {
    const { outcome } = await evaluateWith([{ kind: 'malformed', operation, body, count: 1000 }]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('MALFORMED_RESPONSE');
  });

  it('a details page that repeats its NextToken is not followed forever', async () => {
    const body = JSON.stringify({ EvaluationResults: [], NextToken: 'same' });
    const { outcome, requests } = await evaluateWith([{ kind: 'malformed', operation: 'GetComplianceDetailsByResource', body, count: 1000 }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'MALFORMED_RESPONSE' } });
    expect(requests.filter((r) => r.operation === 'GetComplianceDetailsByResource').length).toBeLessThanOrEqual(2);
  });

  it('connection resets on every request end as NETWORK within the deadline', async () => {
    const { outcome, elapsedMs } = await evaluateWith([{ kind: 'drop-connection', count: 1000 }], { deadlineMs: 5_000 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && ['NETWORK', 'TIMEOUT']).toContain(!outcome.ok && outcome.error.code);
    expect(elapsedMs).toBeLessThan(5_000 + 2_000);
  });

  it('an evaluation that stays IN_PROGRESS ends as TIMEOUT at the deadline', async () => {
    const { outcome, elapsedMs } = await evaluateWith([{ kind: 'stay-in-progress' }], { deadlineMs: 1_500 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(elapsedMs).toBeGreaterThanOrEqual(1_000);
    expect(elapsedMs).toBeLessThan(1_500 + 1_500);
  });

  it('a FAILED evaluation is EVALUATION_FAILED with the service reason', async () => {
    const { outcome } = await evaluateWith([{ kind: 'fail-evaluation' }]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'EVALUATION_FAILED' } });
    expect(!outcome.ok && outcome.error.message).toContain('Injected failure');
  });

  it('an answer slower than the attempt timeout is retried', async () => {
    const { outcome, retries } = await evaluateWith([{ kind: 'delay', operation: 'GetResourceEvaluationSummary', delayMs: 1_500 }], {
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10, attemptTimeoutMs: 500, random: () => 0.5 },
    });
    expect(outcome.ok).toBe(true);
    expect(retries.map((r) => [r.operation, r.error.code])).toEqual([['GetResourceEvaluationSummary', 'NETWORK']]);
  });

  it('a dead endpoint is NETWORK or TIMEOUT within the deadline', async () => {
    emulator = await startReferenceEmulator();
    const url = emulator.url;
    await emulator.close();
    emulator = undefined;
    const started = Date.now();
    const outcome = await evaluateRemotely(resource, fastClient({ url }, { deadlineMs: 2_000 }));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && ['NETWORK', 'TIMEOUT']).toContain(!outcome.ok && outcome.error.code);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
