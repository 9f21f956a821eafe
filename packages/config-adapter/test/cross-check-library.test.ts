// crossCheck() end to end against the in-process emulator; the local side uses cfn-guard too, so
// every difference comes from the document shapes, the wire or the fault, never from the engine.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crossCheck, parseTemplate, readTemplate, type CrossCheckOptions, type Template } from '../src/cross-check/index.js';
import { readRuleFiles, type ConfigEmulator, type Fault } from '../src/emulator/index.js';
import { SEED_RULE, fastClient, seedDir, referenceGuardEngine, startReferenceEmulator } from './emulator-harness.js';

function template(name: string): Template {
  const read = readTemplate(join(seedDir, name));
  if (!read.ok) throw new Error(read.error);
  return read.template;
}

describe('crossCheck', () => {
  let emulator: ConfigEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  const run = (e: ConfigEmulator, overrides: Partial<CrossCheckOptions> = {}) =>
    crossCheck({ rules: readRuleFiles(seedDir), template: template('template-passthrough.yaml'), as: 'config-item', localEngine: referenceGuardEngine(), remote: fastClient(e), ...overrides });

  it('agrees on the seed: the function NON_COMPLIANT on both sides, the role not evaluated remotely', async () => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir) });
    const report = await run(emulator);
    expect(report.outcome).toBe('agree');
    expect(report.verdicts.map((v) => [v.logicalId, v.local, v.remote, v.agreement])).toEqual([
      ['LambdaExecutionRole', 'SKIP', undefined, 'not-evaluated-remotely'],
      ['MyLambdaFunction', 'FAIL', 'NON_COMPLIANT', 'agree'],
    ]);
    const fn = report.resources.find((r) => r.logicalId === 'MyLambdaFunction')!;
    expect(fn.substitutions).toEqual([{ path: '/Role', intrinsic: 'Fn::GetAtt', value: 'arn:aws:iam::123456789012:role/lambdaexecutionrole' }]);
    expect(fn.localDocument).toMatchObject({ resourceType: 'AWS::Lambda::Function', configuration: { tracingConfig: { mode: 'PassThrough' } } });
  });

  it('agrees on COMPLIANT for the Active template', async () => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir) });
    const report = await run(emulator, { template: template('template-active.yaml') });
    expect(report.outcome).toBe('agree');
    expect(report.verdicts.find((v) => v.logicalId === 'MyLambdaFunction')).toMatchObject({ local: 'PASS', remote: 'COMPLIANT' });
  });

  it('local raw properties against a config-item Config: disagreement (the local side skipped)', async () => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir) });
    const report = await run(emulator, { as: 'properties' });
    expect(report.verdicts.find((v) => v.logicalId === 'MyLambdaFunction')).toMatchObject({ local: 'SKIP', remote: 'NON_COMPLIANT', agreement: 'disagree' });
    expect(report.outcome).toBe('disagree');
  });

  it('a rule Config does not have is unknown, and rules only Config has are listed', async () => {
    emulator = await startReferenceEmulator({ rules: [{ name: 'someone-elses-rule', policyText: SEED_RULE }] });
    const report = await run(emulator);
    expect(report.verdicts.find((v) => v.logicalId === 'MyLambdaFunction')).toMatchObject({ agreement: 'unknown', reason: expect.stringMatching(/no result for rule lambda_tracing_config_item/) });
    expect(report.otherRemoteRules).toEqual(['someone-elses-rule']);
    expect(report.outcome).toBe('unknown');
  });

  it('a known list of proactive types skips the call for the others', async () => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir) });
    const report = await run(emulator, { proactiveTypes: ['AWS::Lambda::Function'] });
    expect(report.outcome).toBe('agree');
    expect(emulator.requests.filter((r) => r.operation === 'StartResourceEvaluation')).toHaveLength(1);
  });

  it.each<[string, Fault[]]>([
    ['a malformed summary', [{ kind: 'malformed', operation: 'GetResourceEvaluationSummary', body: '{"EvaluationStatus":{"Status":"SUCCEEDED"},"Compliance":"COMPLIANT"', count: 100 }]],
    ['malformed details', [{ kind: 'malformed', operation: 'GetComplianceDetailsByResource', body: '{"EvaluationResults":[{"ComplianceType":"NON_COMPLIANT"}]}', count: 100 }]],
    ['connection resets', [{ kind: 'drop-connection', count: 1000 }]],
    ['a FAILED evaluation', [{ kind: 'fail-evaluation', count: 10 }]],
    ['an evaluation stuck IN_PROGRESS', [{ kind: 'stay-in-progress', count: 10 }]],
    ['throttling that never ends', [{ kind: 'throttle', count: 1000 }]],
  ])('%s never yields an agreement, and the run stays bounded', async (_what, faults) => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir), supportedTypes: 'any' });
    for (const fault of faults) emulator.injectFault(fault);
    const started = Date.now();
    const report = await run(emulator, { remote: fastClient(emulator, { deadlineMs: 2_000 }) });
    expect(report.counts.agree).toBe(0);
    expect(report.outcome).toBe('unknown');
    expect(Date.now() - started).toBeLessThan(2_000 * 2 + 3_000);
  });

  it('a template with no proactive type at all is "nothing evaluated"', async () => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir) });
    const parsed = parseTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 'queue.yaml');
    if (!parsed.ok) throw new Error(parsed.error);
    const report = await run(emulator, { template: parsed.template });
    expect(report.counts['not-evaluated-remotely']).toBe(1);
    expect(report.outcome).toBe('nothing-evaluated');
  });
});
