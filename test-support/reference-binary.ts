// The reference engine, cfn-guard 3.1.1, obtained through the project's own script.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './shared-corpus.js';

let cached: string | null | undefined;

/** The path of the verified cfn-guard 3.1.1 binary, or null when it cannot be obtained. */
export function referenceBinary(): string | null {
  if (cached !== undefined) return cached;
  try {
    cached = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'get-reference-binary.mjs')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch {
    cached = null;
  }
  return cached;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs cfn-guard 3.1.1 with `args` in `cwd`. */
export function runReference(args: readonly string[], options: { cwd?: string; input?: string } = {}): RunResult {
  const binary = referenceBinary();
  if (binary === null) throw new Error('cfn-guard 3.1.1 is not available (scripts/get-reference-binary.mjs failed)');
  const result = spawnSync(binary, [...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
