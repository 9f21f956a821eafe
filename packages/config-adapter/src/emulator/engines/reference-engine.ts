/**
 * The reference engine, cfn-guard 3.1.1, run as a child process in `--payload` mode (rules and data
 * on stdin, no temporary files) with structured JSON output, one run per policy.
 */
import { spawn } from 'node:child_process';
import type { GuardEngine, GuardStatus, PolicyOutcome, PolicyVerdict } from './guard-engine.js';

export interface ReferenceEngineOptions {
  readonly binary: string;
  /** Kills a run that takes longer. Default 30 s. */
  readonly timeoutMs?: number;
}

interface StructuredFileReport {
  readonly name?: unknown;
  readonly status?: unknown;
  readonly not_compliant?: unknown;
}

export function referenceEngine(options: ReferenceEngineOptions): GuardEngine {
  return {
    name: 'reference',
    async evaluatePolicy(policyText, policyName, documents) {
      if (documents.length === 0) return { ok: true, verdicts: [] };
      const payload = JSON.stringify({ rules: [policyText], data: documents });
      const run = await runBinary(options.binary, ['validate', '--payload', '-z', '-o', 'json', '-S', 'none'], payload, options.timeoutMs ?? 30_000);
      if (run.error !== undefined) return { ok: false, error: `${policyName}: cfn-guard could not run: ${run.error}` };
      if (run.code !== 0 && run.code !== 19) {
        return { ok: false, error: `${policyName}: cfn-guard exited ${run.code}: ${firstLine(run.stderr) || firstLine(run.stdout)}` };
      }
      return parseStructured(run.stdout, documents.length, policyName);
    },
  };
}

function parseStructured(stdout: string, count: number, policyName: string): PolicyOutcome {
  let reports: unknown;
  try {
    reports = JSON.parse(stdout);
  } catch {
    return { ok: false, error: `${policyName}: cfn-guard printed no JSON report: ${firstLine(stdout)}` };
  }
  if (!Array.isArray(reports)) return { ok: false, error: `${policyName}: unexpected cfn-guard report` };
  const verdicts: (PolicyVerdict | undefined)[] = new Array(count).fill(undefined);
  for (const report of reports as StructuredFileReport[]) {
    const match = typeof report.name === 'string' ? /^DATA_STDIN\[(\d+)\]$/.exec(report.name) : null;
    const index = match ? Number(match[1]) - 1 : -1;
    if (index < 0 || index >= count || !isStatus(report.status)) continue;
    verdicts[index] = { status: report.status, messages: collectMessages(report.not_compliant) };
  }
  if (verdicts.some((v) => v === undefined)) return { ok: false, error: `${policyName}: cfn-guard reported on fewer documents than it was given` };
  return { ok: true, verdicts: verdicts as PolicyVerdict[] };
}

function isStatus(value: unknown): value is GuardStatus {
  return value === 'PASS' || value === 'FAIL' || value === 'SKIP';
}

/** Custom messages first, then error messages, depth first, as a reader would look for them. */
function collectMessages(node: unknown): string[] {
  const custom: string[] = [];
  const errors: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const messages = record.messages as { custom_message?: unknown; error_message?: unknown } | undefined;
    if (messages && typeof messages === 'object') {
      if (typeof messages.custom_message === 'string' && messages.custom_message.trim() !== '') custom.push(messages.custom_message.trim());
      if (typeof messages.error_message === 'string' && messages.error_message.trim() !== '') errors.push(messages.error_message.trim());
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'messages') visit(child);
  };
  visit(node);
  return [...new Set([...custom, ...errors])];
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}

interface BinaryRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: string;
}

function runBinary(binary: string, args: readonly string[], input: string, timeoutMs: number): Promise<BinaryRun> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const finish = (run: BinaryRun): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ code: null, stdout: '', stderr: '', error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => finish({ code: null, stdout: '', stderr: '', error: error.message }));
    child.on('close', (code) => finish({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.on('error', () => {
      // The binary may exit before reading everything; its exit code tells the story.
    });
    child.stdin.end(input);
  });
}
