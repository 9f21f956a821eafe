// Rules loaded over the wire (PutConfigRule / DescribeConfigRules / DeleteConfigRule), their
// evaluation modes and scopes, through the project's client and the real SDK.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfigService, evaluateRemotely, loadConfigSdk, type ConfigService } from '../src/client/index.js';
import type { ConfigEmulator } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, lambdaProperties, startReferenceEmulator } from './emulator-harness.js';

const signal = () => AbortSignal.timeout(5_000);
const lambda = { logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') };

describe('Guard custom policy rules over the wire', () => {
  let emulator: ConfigEmulator;
  let service: ConfigService;
  beforeEach(async () => {
    emulator = await startReferenceEmulator();
    service = await createConfigService({ endpoint: emulator.url, region: 'us-east-1' });
  });
  afterEach(async () => {
    service.destroy();
    await emulator.close();
  });

  it('a rule put over the wire is evaluated, described and deleted', async () => {
    await service.putGuardPolicyRule({ name: 'tracing', policyText: SEED_RULE }, signal());
    const described = await service.describeConfigRules(['tracing'], undefined, signal());
    expect(described.rules).toEqual([{ name: 'tracing', policyText: SEED_RULE, resourceTypes: [], evaluationModes: ['PROACTIVE'] }]);
    const outcome = await evaluateRemotely(lambda, fastClient(emulator, { service }));
    expect(outcome.ok && outcome.evaluation.results).toEqual([expect.objectContaining({ configRuleName: 'tracing', complianceType: 'NON_COMPLIANT' })]);
    expect(outcome.ok && outcome.evaluation.results[0]!.annotation).toMatch(/PassThrough/);
    await service.deleteConfigRule('tracing', signal());
    await expect(service.describeConfigRules(['tracing'], undefined, signal())).rejects.toMatchObject({ name: 'NoSuchConfigRuleException' });
    await expect(service.deleteConfigRule('tracing', signal())).rejects.toMatchObject({ name: 'NoSuchConfigRuleException' });
  });

  it('only PROACTIVE rules whose scope names the type run', async () => {
    await service.putGuardPolicyRule({ name: 'detective-only', policyText: SEED_RULE, evaluationModes: ['DETECTIVE'] }, signal());
    await service.putGuardPolicyRule({ name: 'buckets-only', policyText: SEED_RULE, resourceTypes: ['AWS::S3::Bucket'] }, signal());
    await service.putGuardPolicyRule({ name: 'functions', policyText: SEED_RULE, resourceTypes: ['AWS::Lambda::Function'] }, signal());
    await service.putGuardPolicyRule({ name: 'everything', policyText: SEED_RULE, evaluationModes: ['DETECTIVE', 'PROACTIVE'] }, signal());
    const outcome = await evaluateRemotely(lambda, fastClient(emulator, { service }));
    expect(outcome.ok && outcome.evaluation.results.map((r) => r.configRuleName).sort()).toEqual(['everything', 'functions']);
  });

  it('a rule put without a Scope takes the emulator default scope (--scope)', async () => {
    const scoped = await startReferenceEmulator({ scope: ['AWS::S3::Bucket'] });
    const scopedService = await createConfigService({ endpoint: scoped.url, region: 'us-east-1' });
    try {
      await scopedService.putGuardPolicyRule({ name: 'unscoped', policyText: SEED_RULE }, signal());
      await scopedService.putGuardPolicyRule({ name: 'functions', policyText: SEED_RULE, resourceTypes: ['AWS::Lambda::Function'] }, signal());
      const outcome = await evaluateRemotely(lambda, fastClient(scoped, { service: scopedService }));
      expect(outcome.ok && outcome.evaluation.results.map((r) => r.configRuleName)).toEqual(['functions']);
    } finally {
      scopedService.destroy();
      await scoped.close();
    }
  });

  it('DescribeConfigRules pages 25 at a time', async () => {
    for (let i = 0; i < 30; i += 1) await service.putGuardPolicyRule({ name: `r${String(i).padStart(2, '0')}`, policyText: SEED_RULE }, signal());
    const first = await service.describeConfigRules(undefined, undefined, signal());
    expect(first.rules).toHaveLength(25);
    const second = await service.describeConfigRules(undefined, first.nextToken, signal());
    expect(second.nextToken).toBeUndefined();
    expect([...first.rules, ...second.rules].map((r) => r.name)).toEqual(Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`));
  });

  it('refuses rules the emulator cannot run', async () => {
    const sdk = await loadConfigSdk();
    const client = new sdk.ConfigServiceClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, maxAttempts: 1 });
    try {
      const managed = client.send(new sdk.PutConfigRuleCommand({ ConfigRule: { ConfigRuleName: 'm', Source: { Owner: 'AWS', SourceIdentifier: 'LAMBDA_INSIDE_VPC' } } }));
      await expect(managed).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
      const tooLong = client.send(
        new sdk.PutConfigRuleCommand({
          ConfigRule: { ConfigRuleName: 'big', Source: { Owner: 'CUSTOM_POLICY', CustomPolicyDetails: { PolicyRuntime: 'guard-2.x.x', PolicyText: 'x'.repeat(10_001) } } },
        }),
      );
      await expect(tooLong).rejects.toMatchObject({ name: 'ValidationException' });
    } finally {
      client.destroy();
    }
  });
});
