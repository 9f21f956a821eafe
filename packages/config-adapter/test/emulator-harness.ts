// Shared set-up for the emulator suites: a reference-engine emulator on an ephemeral loopback
// port, and client options that keep every test fast and bounded.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { guardtsBin } from '../../../test-support/guardts-cli.js';
import { referenceBinary } from '../../../test-support/reference-binary.js';
import type { RemoteEvaluationOptions } from '../src/client/index.js';
import { referenceEngine, startConfigEmulator, type ConfigEmulator, type ConfigEmulatorOptions, type GuardEngine } from '../src/emulator/index.js';

/** The project's own copy of the seed (rule and templates), in examples/seed. */
export const seedDir = fileURLToPath(new URL('../../../examples/seed/', import.meta.url));

export function referenceGuardEngine(): GuardEngine {
  const binary = referenceBinary();
  if (binary === null) throw new Error('cfn-guard 3.1.1 is not available: run node scripts/get-reference-binary.mjs');
  return referenceEngine({ binary });
}

export function startReferenceEmulator(options: Partial<ConfigEmulatorOptions> = {}): Promise<ConfigEmulator> {
  return startConfigEmulator({ engine: referenceGuardEngine(), completeAfterPolls: 2, completeAfterMs: 20, ...options });
}

/** Short waits, few attempts, deterministic jitter: a test's run time stays bounded and small. */
export function fastClient(emulator: { url: string }, extra: Partial<RemoteEvaluationOptions> = {}): RemoteEvaluationOptions {
  return {
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    pollInitialMs: 10,
    pollMaxMs: 50,
    deadlineMs: 15_000,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, attemptTimeoutMs: 3_000, random: () => 0.5 },
    ...extra,
  };
}

export const SEED_RULE = `rule lambda_tracing_check {
    when configuration.tracingConfig exists {
        configuration.tracingConfig.mode == "Active"
    }
}
`;

export function lambdaProperties(mode: string | undefined): Record<string, unknown> {
  return {
    Handler: 'index.handler',
    Role: 'arn:aws:iam::123456789012:role/lambda-role',
    FunctionName: 'MyLambdaFunction',
    Code: { ZipFile: 'def handler(event, context): return 1' },
    Runtime: 'python3.12',
    ...(mode !== undefined ? { TracingConfig: { Mode: mode } } : {}),
  };
}

/** Runs the built CLI without blocking the event loop (an in-process emulator must keep answering). */
export function runGuardtsAsync(args: readonly string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<{ status: number | null; stdout: string; stderr: string; elapsedMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [guardtsBin, ...args],
      { encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_REGION: 'us-east-1', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : null;
        resolve({ status, stdout, stderr, elapsedMs: Date.now() - started });
      },
    );
  });
}
