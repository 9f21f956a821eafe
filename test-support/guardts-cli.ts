// Runs the built `guardts` CLI (node_modules/.bin/guardts) as a user would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RunResult } from './reference-binary.js';
import { repoRoot } from './shared-corpus.js';

export const guardtsBin = join(repoRoot, 'packages', 'cli', 'bin', 'guardts.mjs');

export function runGuardts(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(process.execPath, [guardtsBin, ...args], {
    cwd: options.cwd,
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
