import { describe, expect, it } from 'vitest';
import { compileHookRules, type HookRuleFile } from '../../src/hooks/hook-rules.js';
import { handleLambdaHook } from '../../src/hooks/handle-lambda-hook.js';
import { ACTIVE, CT_STYLE_RULE, PASSTHROUGH, SEED_RULE, lambdaResourceEvent } from './hook-events.js';

function rules(...sources: Parameters<typeof compileHookRules>[0]): HookRuleFile[] {
  const set = compileHookRules(sources);
  if (!set.ok) throw new Error(set.message);
  return [...set.files];
}

const seed = rules({ fileName: 'lambda_tracing_config_item.guard', text: SEED_RULE, as: 'config-item' });

describe('handleLambdaHook on RESOURCE targets', () => {
  it('fails a PassThrough function as NonCompliant with a per-rule annotation', async () => {
    const response = await handleLambdaHook(seed, lambdaResourceEvent(PASSTHROUGH));
    expect(response).toMatchObject({
      hookStatus: 'FAILED',
      errorCode: 'NonCompliant',
      clientRequestToken: 'f1c3b5d8-0000-4000-8000-000000000001',
      annotations: [{ annotationName: 'lambda_tracing_check', status: 'FAILED' }],
    });
    expect(response.message).toContain('lambda_tracing_check (MyLambdaFunction: Lambda functions must use Active tracing)');
  });

  it('lets an Active function through', async () => {
    const response = await handleLambdaHook(seed, lambdaResourceEvent(ACTIVE));
    expect(response.hookStatus).toBe('SUCCESS');
    expect(response.errorCode).toBeUndefined();
    expect(response.annotations).toEqual([{ annotationName: 'lambda_tracing_check', status: 'PASSED', statusMessage: 'Compliant' }]);
  });

  it('reports rules that do not apply to the target as SKIPPED and succeeds', async () => {
    const event = lambdaResourceEvent({ BucketName: 'b' });
    const response = await handleLambdaHook(seed, { ...event, requestData: { ...event.requestData, targetName: 'AWS::S3::Bucket', targetType: 'AWS::S3::Bucket' } });
    expect(response.hookStatus).toBe('SUCCESS');
    expect(response.annotations[0]!.status).toBe('SKIPPED');
  });

  it('evaluates Control Tower hook-form rules on the hook document', async () => {
    const ct = rules({ fileName: 'ct.guard', text: CT_STYLE_RULE, as: 'hook' });
    expect((await handleLambdaHook(ct, lambdaResourceEvent(ACTIVE))).hookStatus).toBe('FAILED');
    const inVpc = { ...ACTIVE, VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] } };
    expect((await handleLambdaHook(ct, lambdaResourceEvent(inVpc))).hookStatus).toBe('SUCCESS');
  });

  it('names annotations by file when several rule files are loaded', async () => {
    const both = rules(
      { fileName: 'seed.guard', text: SEED_RULE, as: 'config-item' },
      { fileName: 'ct.guard', text: CT_STYLE_RULE, as: 'hook' },
    );
    const response = await handleLambdaHook(both, lambdaResourceEvent(PASSTHROUGH));
    expect(response.annotations.map((a) => [a.annotationName, a.status])).toEqual([
      ['seed.guard/lambda_tracing_check', 'FAILED'],
      ['ct.guard/lambda_inside_vpc', 'FAILED'],
    ]);
  });

  it('keeps the message within the limit it is given', async () => {
    const response = await handleLambdaHook(seed, lambdaResourceEvent(PASSTHROUGH), { maxMessageLength: 40 });
    expect(response.message.length).toBe(40);
    expect(response.message).toMatch(/\(truncated\)$/);
  });

  it('does not evaluate deletions', async () => {
    const response = await handleLambdaHook(seed, lambdaResourceEvent(PASSTHROUGH, { actionInvocationPoint: 'DELETE_PRE_PROVISION' }));
    expect(response.hookStatus).toBe('SUCCESS');
  });

  it('answers InvalidRequest for an event without a target', async () => {
    const response = await handleLambdaHook(seed, { requestData: undefined } as never);
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'InvalidRequest' });
  });
});

describe('handleLambdaHook on STACK and CHANGE_SET targets', () => {
  const template = {
    Parameters: { Mode: { Type: 'String', Default: 'PassThrough' } },
    Resources: {
      Good: { Type: 'AWS::Lambda::Function', Properties: { ...ACTIVE } },
      Bad: { Type: 'AWS::Lambda::Function', Properties: { ...ACTIVE, TracingConfig: { Mode: { Ref: 'Mode' } } } },
    },
  };
  const stackEvent = (payload: unknown) =>
    lambdaResourceEvent({}, { requestData: { targetName: 'STACK', targetType: 'STACK', targetLogicalId: 'shop', payload: payload as never } });

  it('judges every resource of the template given inline', async () => {
    const response = await handleLambdaHook(seed, stackEvent({ template, previousTemplate: {} }));
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).toContain('Bad');
    expect(response.message).not.toContain('Good');
  });

  it('reads the payload from its presigned URL', async () => {
    const fetched: string[] = [];
    const response = await handleLambdaHook(seed, stackEvent('https://bucket.s3.amazonaws.com/payload?X-Amz-Signature=x'), {
      fetchPayload: async (url) => {
        fetched.push(url);
        return { template } as never;
      },
      parameters: { Mode: 'Active' },
    });
    expect(fetched).toEqual(['https://bucket.s3.amazonaws.com/payload?X-Amz-Signature=x']);
    expect(response.hookStatus).toBe('SUCCESS');
  });

  it('fails with InternalFailure when the payload cannot be read', async () => {
    const response = await handleLambdaHook(seed, stackEvent('https://x/'), {
      fetchPayload: async () => {
        throw new Error('403 Forbidden');
      },
    });
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'InternalFailure' });
    expect(response.message).toContain('403 Forbidden');
  });

  it('judges created and updated resources of a change set, not deleted ones', async () => {
    const after = (mode: string) => JSON.stringify({ Properties: { ...ACTIVE, TracingConfig: { Mode: mode } } });
    const event = lambdaResourceEvent({}, {
      requestData: {
        targetName: 'CHANGE_SET',
        targetType: 'CHANGE_SET',
        targetLogicalId: 'cs',
        payload: {
          template: {},
          changedResources: [
            { action: 'CREATE', logicalResourceId: 'New', resourceType: 'AWS::Lambda::Function', afterContext: after('Active'), lineNumber: 3 },
            { action: 'UPDATE', logicalResourceId: 'Changed', resourceType: 'AWS::Lambda::Function', beforeContext: after('Active'), afterContext: after('PassThrough') },
            { action: 'DELETE', logicalResourceId: 'Gone', resourceType: 'AWS::Lambda::Function', beforeContext: after('PassThrough') },
          ],
        },
      },
    });
    const response = await handleLambdaHook(seed, event);
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).toContain('Changed');
    expect(response.message).not.toContain('Gone');
  });
});
