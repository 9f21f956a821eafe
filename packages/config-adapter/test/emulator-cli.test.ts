// `guardts config-emulator` as a user runs it (needs `pnpm build`): listens on 127.0.0.1, answers
// the SDK, stops cleanly on SIGTERM; bad arguments are usage errors.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { guardtsBin } from '../../../test-support/guardts-cli.js';
import { evaluateRemotely } from '../src/client/index.js';
import { fastClient, seedDir, lambdaProperties, runGuardtsAsync } from './emulator-harness.js';

function startCli(args: readonly string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [guardtsBin, 'config-emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`config-emulator printed no address within 20 s; stderr: ${err}`));
    }, 20_000);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match === null) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        stop: () =>
          new Promise((done) => {
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.on('exit', (code) => {
              clearTimeout(kill);
              done(code);
            });
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`config-emulator exited ${code}: ${err}`));
    });
  });
}

describe('guardts config-emulator (built CLI)', () => {
  it('serves the seed rules with the reference engine and exits 0 on SIGTERM', async () => {
    const emulator = await startCli(['--port', '0', '--rules', seedDir, '--engine', 'reference', '--complete-after-ms', '0']);
    try {
      const outcome = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') }, fastClient(emulator));
      expect(outcome.ok && outcome.evaluation.results).toEqual([expect.objectContaining({ configRuleName: 'lambda_tracing_config_item', complianceType: 'NON_COMPLIANT' })]);
    } finally {
      expect(await emulator.stop()).toBe(0);
    }
  });

  it('the control API arms faults, logs requests and shows the document each rule saw', async () => {
    const emulator = await startCli(['--port', '0', '--rules', seedDir, '--complete-after-ms', '0']);
    try {
      const armed = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ faults: [{ kind: 'throttle', operation: 'StartResourceEvaluation', count: 2 }] }) });
      expect(await armed.json()).toEqual({ armed: 1 });
      const refused = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ faults: [{ kind: 'explode' }] }) });
      expect(refused.status).toBe(400);
      const retried: string[] = [];
      const outcome = await evaluateRemotely(
        { logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('Active') },
        fastClient(emulator, { onRetry: (e) => retried.push(e.error.code) }),
      );
      expect(retried).toEqual(['THROTTLED', 'THROTTLED']);
      if (!outcome.ok) throw new Error(outcome.error.message);
      const log = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { requests: { operation: string; status: number }[] };
      expect(log.requests.slice(0, 3).map((r) => [r.operation, r.status])).toEqual([
        ['StartResourceEvaluation', 400],
        ['StartResourceEvaluation', 400],
        ['StartResourceEvaluation', 200],
      ]);
      const seen = (await (await fetch(`${emulator.url}/__emulator/evaluations/${outcome.evaluation.evaluationId}`)).json()) as { status: string; results: { document: { configuration: unknown } }[] };
      expect(seen.status).toBe('SUCCEEDED');
      expect(seen.results[0]!.document.configuration).toMatchObject({ tracingConfig: { mode: 'Active' } });
    } finally {
      expect(await emulator.stop()).toBe(0);
    }
  });

  it('--scope and --supported-types any shape which rules run on which types', async () => {
    const emulator = await startCli(['--port', '0', '--rules', seedDir, '--scope', 'AWS::SQS::Queue', '--supported-types', 'any', '--complete-after-ms', '0']);
    try {
      const lambda = await evaluateRemotely({ logicalId: 'Fn', resourceType: 'AWS::Lambda::Function', properties: lambdaProperties('PassThrough') }, fastClient(emulator));
      expect(lambda.ok && lambda.evaluation.results).toEqual([]);
      const queue = await evaluateRemotely({ logicalId: 'Q', resourceType: 'AWS::SQS::Queue', properties: {} }, fastClient(emulator));
      expect(queue.ok && queue.evaluation.results.map((r) => r.complianceType)).toEqual(['NOT_APPLICABLE']);
    } finally {
      expect(await emulator.stop()).toBe(0);
    }
  });

  it.each([
    [['--rules', 'x']],
    [['--port', '0', '--engine', 'cfn']],
    [['--port', '0', '--document', 'template']],
    [['--port', 'abc']],
  ])('%j is a usage error (exit 2)', async (args) => {
    const run = await runGuardtsAsync(['config-emulator', ...args], { timeoutMs: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/error/);
  });

  it('an unreadable rules directory is a runtime error (exit 255) with the path', async () => {
    const run = await runGuardtsAsync(['config-emulator', '--port', '0', '--rules', '/nonexistent/rules'], { timeoutMs: 20_000 });
    expect(run.status).toBe(255);
    expect(run.stderr).toMatch(/\/nonexistent\/rules.*ENOENT/);
  });
});
