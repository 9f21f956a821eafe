// The required scenario: the seed rule, the seed template, the built CLI against the loopback
// emulator running cfn-guard 3.1.1. Needs `pnpm build` (the CLI is spawned as a user runs it).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRuleFiles, type ConfigEmulator } from '../src/emulator/index.js';
import { seedDir, runGuardtsAsync, startReferenceEmulator } from './emulator-harness.js';

const seedRule = join(seedDir, 'lambda_tracing_config_item.guard');
const passthrough = join(seedDir, 'template-passthrough.yaml');
const CONTRADICTION = `rule lambda_tracing_check {
    when configuration.tracingConfig exists {
        configuration.tracingConfig.mode == "PassThrough"
    }
}
`;

describe.each(['guardts', 'reference'])('guardts cross-check on the seed (local engine %s, emulator engine reference)', (localEngine) => {
  let emulator: ConfigEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  const crossCheckArgs = (url: string, extra: string[] = []) => ['cross-check', '-r', seedRule, '-d', passthrough, '--as', 'config-item', '--endpoint', url, '--local-engine', localEngine, '--timeout', '20', ...extra];

  it('prints NON_COMPLIANT on both sides for the function, the role not compared, and exits 0', async () => {
    emulator = await startReferenceEmulator({ rules: readRuleFiles(seedDir) });
    const run = await runGuardtsAsync(crossCheckArgs(emulator.url));
    expect(run.stderr).toBe('');
    const functionRow = run.stdout.split('\n').find((line) => line.startsWith('MyLambdaFunction'));
    expect(functionRow?.match(/NON_COMPLIANT/g)).toHaveLength(2);
    expect(functionRow).toMatch(/agree$/);
    const roleRow = run.stdout.split('\n').find((line) => line.startsWith('LambdaExecutionRole'));
    expect(roleRow).toMatch(/NOT_APPLICABLE \(SKIP\).*not evaluated remotely$/);
    expect(run.status).toBe(0);
  });

  it('exits 20 when the emulator holds a rule that contradicts the local one', async () => {
    emulator = await startReferenceEmulator({ rules: [{ name: 'lambda_tracing_config_item', policyText: CONTRADICTION }] });
    const run = await runGuardtsAsync(crossCheckArgs(emulator.url, ['-o', 'json']));
    const report = JSON.parse(run.stdout) as { verdicts: { logicalId: string; local: string; remote?: string; agreement: string }[]; outcome: string };
    expect(report.verdicts.find((v) => v.logicalId === 'MyLambdaFunction')).toMatchObject({ local: 'FAIL', remote: 'COMPLIANT', agreement: 'disagree' });
    expect(report.outcome).toBe('disagree');
    expect(run.status).toBe(20);
  });

  it('exits 22 when the emulator gives the rules the raw properties (Config evaluated nothing)', async () => {
    emulator = await startReferenceEmulator({ document: 'properties', rules: readRuleFiles(seedDir) });
    const run = await runGuardtsAsync(crossCheckArgs(emulator.url));
    expect(run.stdout).toMatch(/Config evaluated nothing/);
    expect(run.stdout.split('\n').find((line) => line.startsWith('MyLambdaFunction'))).toMatch(/NON_COMPLIANT \(FAIL\)\s+NOT_APPLICABLE/);
    expect(run.status).toBe(22);
  });
});

describe('guardts cross-check against a dead endpoint', () => {
  it('exits 21 (unknown) within its timeout', async () => {
    // A port that was just free: bound, then released.
    const emulator = await startReferenceEmulator();
    const url = emulator.url;
    await emulator.close();
    const run = await runGuardtsAsync(['cross-check', '-r', seedRule, '-d', passthrough, '--endpoint', url, '--local-engine', 'reference', '--timeout', '3']);
    expect(run.stdout).toMatch(/NETWORK|TIMEOUT/);
    expect(run.status).toBe(21);
    expect(run.elapsedMs).toBeLessThan(3_000 * 2 + 5_000);
  });
});

describe('guardts cross-check: bad input', () => {
  it.each([
    [['-d', passthrough]],
    [['-r', seedRule]],
    [['-r', seedRule, '-d', passthrough, '--as', 'template']],
    [['-r', seedRule, '-d', passthrough, '--timeout', '0']],
    [['-r', seedRule, '-d', passthrough, '--evaluation-timeout', '4000']],
    [['-r', seedRule, '-d', passthrough, '-o', 'sarif']],
  ])('%j is a usage error (exit 2)', async (args) => {
    const run = await runGuardtsAsync(['cross-check', ...args], { timeoutMs: 20_000 });
    expect(run.stderr).toMatch(/^error: /);
    expect(run.status).toBe(2);
  });

  it.each([
    [['-r', seedRule, '-d', '/nonexistent/template.yaml'], /\/nonexistent\/template\.yaml: cannot read the template: ENOENT/],
    [['-r', '/nonexistent/rules', '-d', passthrough], /\/nonexistent\/rules: cannot read rules: ENOENT/],
    [['-r', seedDir, '-d', seedRule], /not a CloudFormation template|no Resources|a template is a mapping/],
  ])('%j is a runtime error (exit 255) naming the file, before any request', async (args, message) => {
    const run = await runGuardtsAsync(['cross-check', ...args, '--endpoint', 'http://127.0.0.1:9'], { timeoutMs: 20_000 });
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(255);
  });
});
