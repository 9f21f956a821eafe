// Input validation: the client refuses what must not be sent; the emulator rejects what the service rejects.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RESOURCE_CONFIGURATION_LENGTH, evaluateRemotely, loadConfigSdk } from '../src/client/index.js';
import type { ConfigEmulator } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, lambdaProperties, startReferenceEmulator } from './emulator-harness.js';

type Sdk = Awaited<ReturnType<typeof loadConfigSdk>>;

describe('validation', () => {
  let emulator: ConfigEmulator;
  let sdk: Sdk;
  let client: InstanceType<Sdk['ConfigServiceClient']>;
  beforeEach(async () => {
    emulator = await startReferenceEmulator({ rules: [{ name: 'seed', policyText: SEED_RULE }] });
    sdk = await loadConfigSdk();
    client = new sdk.ConfigServiceClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  const details = (extra: Record<string, unknown> = {}) => ({
    ResourceId: 'Fn',
    ResourceType: 'AWS::Lambda::Function',
    ResourceConfiguration: JSON.stringify(lambdaProperties('Active')),
    ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA' as const,
    ...extra,
  });

  it('refuses a configuration over 51,200 characters without sending it', async () => {
    const properties = { ...lambdaProperties('Active'), Description: 'x'.repeat(MAX_RESOURCE_CONFIGURATION_LENGTH) };
    const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties }, fastClient(emulator));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFIGURATION_TOO_LARGE' } });
    expect(emulator.requests).toHaveLength(0);
  });

  it('refuses unresolved intrinsics without sending them', async () => {
    const properties = { ...lambdaProperties('Active'), Role: { 'Fn::GetAtt': ['Role', 'Arn'] } };
    const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties }, fastClient(emulator));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNRESOLVED_INTRINSIC' } });
    expect(!outcome.ok && outcome.error.message).toContain('/Role');
    expect(emulator.requests).toHaveLength(0);
  });

  it('a type Config does not evaluate proactively is UNSUPPORTED_RESOURCE_TYPE', async () => {
    const outcome = await evaluateRemotely({ logicalId: 'Q', resourceType: 'AWS::SQS::Queue', properties: {} }, fastClient(emulator));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_RESOURCE_TYPE', awsCode: 'InvalidParameterValueException' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/The resource type AWS::SQS::Queue is invalid\. Only the following values are permitted: \[.*AWS::Lambda::Function/);
  });

  it.each([
    ['a missing ResourceId', { ResourceDetails: details({ ResourceId: undefined }), EvaluationMode: 'PROACTIVE' }, 'ValidationException', /at 'resourceDetails.resourceId' failed to satisfy constraint: Member must not be null/],
    ['a too long ResourceId', { ResourceDetails: details({ ResourceId: 'x'.repeat(769) }), EvaluationMode: 'PROACTIVE' }, 'ValidationException', /length less than or equal to 768/],
    ['a short ClientToken', { ResourceDetails: details(), EvaluationMode: 'PROACTIVE', ClientToken: 'abc' }, 'ValidationException', /clientToken/],
    ['EvaluationTimeout 4000', { ResourceDetails: details(), EvaluationMode: 'PROACTIVE', EvaluationTimeout: 4000 }, 'ValidationException', /value less than or equal to 3600/],
    ['DETECTIVE mode', { ResourceDetails: details(), EvaluationMode: 'DETECTIVE' }, 'InvalidParameterValueException', /Only PROACTIVE/],
    ['a configuration that is not JSON', { ResourceDetails: details({ ResourceConfiguration: '{not json' }), EvaluationMode: 'PROACTIVE' }, 'InvalidParameterValueException', /not valid JSON/],
    ['a configuration that is a list', { ResourceDetails: details({ ResourceConfiguration: '[1]' }), EvaluationMode: 'PROACTIVE' }, 'InvalidParameterValueException', /JSON object/],
  ])('StartResourceEvaluation with %s is %s', async (_what, input, code, message) => {
    const sent = client.send(new sdk.StartResourceEvaluationCommand(input as never));
    await expect(sent).rejects.toMatchObject({ name: code, $metadata: { httpStatusCode: 400 } });
    await expect(sent).rejects.toThrow(message);
  });

  it('rejects an unknown evaluation id, a bad time range and a foreign NextToken', async () => {
    await expect(client.send(new sdk.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: 'nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      client.send(new sdk.ListResourceEvaluationsCommand({ Filters: { TimeWindow: { StartTime: new Date(2_000_000), EndTime: new Date(1_000_000) } } })),
    ).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
    await expect(client.send(new sdk.ListResourceEvaluationsCommand({ Filters: { EvaluationMode: 'DETECTIVE' } }))).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(client.send(new sdk.ListResourceEvaluationsCommand({ NextToken: 'Zm9yZWlnbg' }))).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(client.send(new sdk.GetComplianceDetailsByResourceCommand({ ComplianceTypes: ['INSUFFICIENT_DATA'], ResourceEvaluationId: 'x' }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
  });

  it('answers the wire protocol errors of the service (raw HTTP)', async () => {
    const post = (headers: Record<string, string>, body: string) => fetch(`${emulator.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body });
    const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/config/aws4_request, SignedHeaders=host, Signature=0' };
    const unknown = await post({ ...auth, 'x-amz-target': 'StarlingDoveService.NoSuchOperation' }, '{}');
    expect([unknown.status, ((await unknown.json()) as { __type: string }).__type]).toEqual([400, 'UnknownOperationException']);
    const badJson = await post({ ...auth, 'x-amz-target': 'StarlingDoveService.ListResourceEvaluations' }, '{oops');
    expect([badJson.status, ((await badJson.json()) as { __type: string }).__type]).toEqual([400, 'SerializationException']);
    const unsigned = await post({ 'x-amz-target': 'StarlingDoveService.ListResourceEvaluations' }, '{}');
    expect(((await unsigned.json()) as { __type: string }).__type).toBe('MissingAuthenticationTokenException');
    const wrongService = await post({ authorization: auth.authorization.replace('/config/', '/s3/'), 'x-amz-target': 'StarlingDoveService.ListResourceEvaluations' }, '{}');
    expect(((await wrongService.json()) as { __type: string }).__type).toBe('InvalidSignatureException');
    const ok = await post({ ...auth, 'x-amz-target': 'StarlingDoveService.ListResourceEvaluations' }, '{}');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
