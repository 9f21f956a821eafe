// The parity cases against a real AWS account. Runs only with GUARDTS_LIVE_AWS=1 and credentials
// from the SDK's default chain (region from AWS_REGION); it creates Guard custom policy rules
// named guardts-parity-*, evaluates generated resources proactively, compares Config's verdict
// with guardts' local one, and deletes the rules. Each run is billed as Config rule evaluations.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfigService, evaluateRemotely, type ConfigService } from '../src/client/index.js';
import { defaultProjector } from '../src/emulator/default-projector.js';
import { COMPLIANCE_OF_STATUS } from '../src/cross-check/verdicts.js';
import { guardtsEngine } from '../src/emulator/index.js';
import { policyOf, resourceOf } from './parity-arbitraries.js';

const LIVE = process.env.GUARDTS_LIVE_AWS === '1';
const RUNS = Number(process.env.GUARDTS_LIVE_RUNS ?? 5);

/** Properties the registry schemas require, so that Config's schema validation accepts the resource. */
const REQUIRED: Readonly<Record<string, Record<string, unknown>>> = {
  'AWS::Lambda::Function': { Code: { ZipFile: 'def handler(e, c): return 1' }, Role: 'arn:aws:iam::123456789012:role/guardts-parity', Handler: 'index.handler', Runtime: 'python3.12' },
  'AWS::S3::Bucket': {},
  'AWS::SNS::Topic': {},
  'AWS::ApiGateway::Stage': { RestApiId: 'abcdef1234' },
};

if (!LIVE) {
  describe('live AWS Config parity', () => {
    it.skip('SKIPPED: set GUARDTS_LIVE_AWS=1 (with AWS credentials and AWS_REGION) to run the parity cases against a real account', () => {});
  });
} else {
  describe('live AWS Config parity (real account)', () => {
    let service: ConfigService;
    const created: string[] = [];
    beforeAll(async () => {
      service = await createConfigService({});
    });
    afterAll(async () => {
      for (const name of created) await service.deleteConfigRule(name, AbortSignal.timeout(30_000)).catch(() => undefined);
      service.destroy();
    });

    it(`guardts agrees with Config on ${RUNS} generated cases`, async () => {
      const engine = guardtsEngine();
      const types = Object.keys(REQUIRED);
      const live = fc.constantFrom(...types).chain((type) => fc.record({ resource: resourceOf(type), policy: policyOf(type) }));
      await fc.assert(
        fc.asyncProperty(live, async ({ resource, policy }) => {
          const name = `guardts-parity-${Date.now().toString(36)}-${created.length}`;
          created.push(name);
          await service.putGuardPolicyRule({ name, policyText: policy, resourceTypes: [resource.resourceType] }, AbortSignal.timeout(30_000));
          const properties = { ...REQUIRED[resource.resourceType], ...resource.properties };
          const document = JSON.stringify(defaultProjector(resource.resourceType, 'Subject', properties));
          const mine = await engine.evaluatePolicy(policy, name, [document]);
          expect(mine.ok, mine.ok ? '' : mine.error).toBe(true);
          const remote = await evaluateRemotely({ logicalId: 'Subject', resourceType: resource.resourceType, properties }, { service, deadlineMs: 180_000, pollInitialMs: 2_000 });
          expect(remote.ok ? 'SUCCEEDED' : `${remote.error.code}: ${remote.error.message}`).toBe('SUCCEEDED');
          if (!mine.ok || !remote.ok) return;
          const result = remote.evaluation.results.filter((r) => r.configRuleName === name).map((r) => r.complianceType);
          expect(result, `document given locally: ${document}`).toEqual([COMPLIANCE_OF_STATUS[mine.verdicts[0]!.status]]);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }, 30 * 60_000);
  });
}
