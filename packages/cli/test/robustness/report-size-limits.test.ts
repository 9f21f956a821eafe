// A rule that compares every resource with every resource records n^2 checks, and its report
// can outgrow the heap: V8 then kills the process after minutes ("FATAL ERROR: Reached heap
// limit", exit 134). `--max-checks` and the heap guard end such a run with their own message and
// exit 255 instead; and the records no report reads are not kept, so a cross product with few
// failures completes in a small heap (docs/errors.md, "Limits").
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuardts } from '../../../../test-support/guardts-cli.js';
import { repoRoot } from '../../../../test-support/shared-corpus.js';
import { withInternalErrorGuard } from '../../src/commands/guard-internal-errors.js';
import { run as runTestCommand } from '../../src/commands/test.js';
import { run as runValidateCommand } from '../../src/commands/validate.js';
import { captureIo } from '../../src/io.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-report-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `n` buckets, each with X = x<i> and Y = y<i>. */
function resources(n: number): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`R${i}`, { Type: 'AWS::S3::Bucket', Properties: { X: `x${i}`, Y: `y${i}` } }]));
}

for (const n of [40, 200, 600, 1000]) writeFileSync(join(dir, `t${n}.json`), JSON.stringify({ Resources: resources(n) }));
// Each X against all Ys: n failing checks per resource, each naming the n values it was not in.
writeFileSync(join(dir, 'cross.guard'), 'let all = Resources.*\nrule cross { %all[*] { Properties.X == %all[*].Properties.Y } }\n');
// Every resource against every resource: n^2 checks, of which only R0's fail (n of them).
writeFileSync(join(dir, 'nested.guard'), "let all = Resources.*\nrule nested { %all[*] { %all[*] { Properties.X != 'x0' } } }\n");
// The same n^2 checks, all failing.
writeFileSync(join(dir, 'allfail.guard'), "let all = Resources.*\nrule allfail { %all[*] { %all[*] { Properties.X == 'nope' } } }\n");
writeFileSync(join(dir, 'spec.yaml'), `- name: forty\n  input: ${JSON.stringify({ Resources: resources(40) })}\n  expectations:\n    rules:\n      cross: FAIL\n`);

async function validate(args: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runValidateCommand(args, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

describe('--max-checks', () => {
  it('a report holding more checks than the bound is exit 255 naming the rules, the data and the flag', async () => {
    const result = await validate(['-r', 'cross.guard', '-d', 't40.json', '--max-checks', '50']);
    expect(result.status).toBe(255);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Error occurred cross.guard: evaluation stopped: the report of its rules against data file ${join(dir, 't40.json')} holds more than 50 checks (a rule comparing every value with every value?); narrow the rule or raise --max-checks\n`,
    );
  });

  it('the same run under the default bound FAILs with the full report', async () => {
    const result = await validate(['-r', 'cross.guard', '-d', 't40.json']);
    expect(result.status).toBe(19);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Number of non-compliant resources 40');
  });

  it('an evaluation stopped by the bound is an error in every output format, never a verdict', async () => {
    for (const format of [['-o', 'json'], ['-o', 'single-line-summary'], ['-z', '-S', 'none', '-o', 'json'], ['-z', '-S', 'none', '-o', 'junit']]) {
      const result = await validate(['-r', 'cross.guard', '-d', 't40.json', '--max-checks', '50', ...format]);
      expect({ format, status: result.status, error: result.stderr.includes('raise --max-checks') }).toEqual({ format, status: 255, error: true });
    }
  });

  it('counts the checks the report holds, not the checks run: n^2 checks with few failures fit a bound of 10 n', async () => {
    const result = await validate(['-r', 'nested.guard', '-d', 't600.json', '--max-checks', '6000']);
    expect(result.status).toBe(19);
    expect(result.stdout).toContain('Number of non-compliant resources 1\n');
    // The verbose tree prints every record: all 360,000 checks are held.
    const verbose = await validate(['-r', 'nested.guard', '-d', 't600.json', '--max-checks', '6000', '-v']);
    expect(verbose.status).toBe(255);
    expect(verbose.stderr).toContain('holds more than 6000 checks');
  });

  it('applies to `test`, naming the test spec input', async () => {
    const io = captureIo({ cwd: dir });
    const status = await runTestCommand(['-r', 'cross.guard', '-t', 'spec.yaml', '--max-checks', '50'], io);
    expect(status).toBe(255);
    expect(io.err()).toContain('cross.guard: evaluation stopped: the report of its rules against a test spec input holds more than 50 checks');
    const within = captureIo({ cwd: dir });
    expect(await runTestCommand(['-r', 'cross.guard', '-t', 'spec.yaml'], within)).toBe(0);
    expect(within.out()).toContain('cross: Expected = FAIL');
  });

  it.each(['0', '-3', 'many', '1.5'])('--max-checks %j is a usage error (exit 2)', async (text) => {
    const result = await validate(['-r', 'cross.guard', '-d', 't40.json', '--max-checks', text]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/option '--max-checks <n>' argument/);
  });
});

describe('a report longer than a JavaScript string', () => {
  it('is exit 255 with a message that says so, not an internal error', () => {
    const io = captureIo();
    // What building a cross product's n^3-character text report meets (640 MB at n = 200).
    const status = withInternalErrorGuard(io, () => 'x'.repeat(2 ** 29).length);
    expect(status).toBe(255);
    expect(io.err()).toBe('Error occurred the report is too large to print (longer than the 2^29 characters a JavaScript string can hold); narrow the rule or the data\n');
  });

  it('a JSON report whose strings alone are longer is refused before it is written (YAML alike)', async () => {
    // 200 x 200 failing checks, each message naming the 200 values: 0.6 G characters of messages.
    const result = await validate(['-r', 'cross.guard', '-d', 't200.json', '-o', 'json']);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 255, stdout: '' });
    expect(result.stderr).toBe('Error occurred the report is too large to print (longer than the 2^29 characters a JavaScript string can hold); narrow the rule or the data\n');
  });
});

const built = existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'bundle', 'main.js'));

/** The built CLI in a node whose old generation is limited to `heapMiB`. */
function inSmallHeap(args: string[], heapMiB: number) {
  return runGuardts(args, { cwd: dir, env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMiB}`, GUARDTS_NO_SNAPSHOT: '1' } });
}

describe('the heap guard (built CLI, 64 MiB heap)', () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }

  it('a report that fills the heap while recording is exit 255 with its message, not a V8 crash', () => {
    // 360,000 failing checks: far more than 64 MiB of records, well under the default --max-checks.
    const result = inSmallHeap(['validate', '-r', 'allfail.guard', '-d', 't600.json'], 64);
    expect(result.stderr).not.toContain('FATAL ERROR');
    expect(result.status).toBe(255);
    expect(result.stderr).toBe(
      `Error occurred allfail.guard: evaluation stopped: the report of its rules against data file ${join(dir, 't600.json')} filled the JavaScript heap (85 % of its limit); narrow the rule, or give node more heap (NODE_OPTIONS=--max-old-space-size=<MiB>)\n`,
    );
  });

  it('a cross product with few failures completes in the same heap, as with a large one', () => {
    const small = inSmallHeap(['validate', '-r', 'nested.guard', '-d', 't1000.json'], 64);
    expect(small.stderr).toBe('');
    expect(small.status).toBe(19);
    const large = inSmallHeap(['validate', '-r', 'nested.guard', '-d', 't1000.json'], 1024);
    expect(small.stdout).toBe(large.stdout);
  });
});
