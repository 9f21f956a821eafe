// `validate --jobs`: the share-and-merge machinery without threads. Each share is evaluated
// in-process (evaluate-share.ts, as a worker does), the messages are merged (merge-segments.ts)
// in an adversarial order, and the result must equal the single-threaded run byte for byte.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/io.js';
import { parseValidateArgs } from '../../src/validate/parse-validate-args.js';
import { listBatch, splitBySize } from '../../src/validate/parallel/batch-listing.js';
import { evaluateShare } from '../../src/validate/parallel/evaluate-share.js';
import { SegmentMerger, type MergeState } from '../../src/validate/parallel/merge-segments.js';
import type { WorkerMessage } from '../../src/validate/parallel/segments.js';
import { runValidate } from '../../src/validate/run-validate.js';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bucket(index: number): string {
  const versioning = index % 3 === 0 ? '\n      VersioningConfiguration:\n        Status: Enabled' : '';
  return `Resources:\n  Bucket${index}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b${index}${versioning}\n`;
}

const data = join(dir, 'data');
const dataWithBadFile = join(dir, 'data-bad');
const dataWithNoResources = join(dir, 'data-nores');
for (const folder of [data, dataWithBadFile, dataWithNoResources]) {
  rmSync(folder, { recursive: true, force: true });
  mkdirp(folder);
  for (let index = 0; index < 20; index += 1) writeFileSync(join(folder, `t${String(index).padStart(2, '0')}.yaml`), bucket(index));
  writeFileSync(join(folder, 'notes.txt'), 'not a data file');
  writeFileSync(join(folder, 'j.json'), JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: {} } } }));
}
writeFileSync(join(dataWithBadFile, 't13.yaml'), 'Resources: [unclosed\n');
writeFileSync(join(dataWithNoResources, 't11.yaml'), 'Foo: 1\n');

const rules = join(dir, 'rules');
mkdirp(rules);
writeFileSync(join(rules, 'a-versioning.guard'), 'rule versioning {\n  Resources.*[ Type == "AWS::S3::Bucket" ].Properties.VersioningConfiguration.Status == "Enabled" <<versioning on>>\n}\n');
writeFileSync(join(rules, 'b-broken.guard'), 'rule broken {\n  Resources.* ==\n');
writeFileSync(join(rules, 'c-empty.guard'), '# nothing here\n');
writeFileSync(join(rules, 'd-named.guard'), 'rule named when Resources exists {\n  Resources.*.Properties.BucketName exists\n}\n');
writeFileSync(join(rules, 'e-type-block.guard'), 'AWS::S3::Bucket {\n  Properties.BucketName exists\n}\n');

function mkdirp(path: string): void {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
}

function singleThreaded(argv: string[]): { status: number; stdout: string; stderr: string } {
  const io = captureIo({ cwd: dir });
  const parsed = parseValidateArgs(argv, io);
  if (!parsed.ok) throw new Error('bad argv');
  const status = runValidate(parsed.options, { engine: evaluatorEngine(), io });
  return { status, stdout: io.out(), stderr: io.err() };
}

/** The shares' messages, delivered last share first (the merger must still print in order). */
async function split(argv: string[], shares: number): Promise<{ state: MergeState; stdout: string; stderr: string }> {
  const io = captureIo({ cwd: dir });
  const parsed = parseValidateArgs(argv, io);
  if (!parsed.ok) throw new Error('bad argv');
  const listing = listBatch(parsed.options, dir);
  if (listing === null) throw new Error('not listable');
  const runs = splitBySize(listing.dataFiles, shares);
  const messages: WorkerMessage[][] = [];
  for (const run of runs) {
    const received: WorkerMessage[] = [];
    await evaluateShare({ argv, dataFiles: run.map((file) => file.path), cwd: dir, env: {}, stdoutIsTTY: false }, (message) => received.push(message));
    messages.push(received);
  }
  let out = '';
  let err = '';
  const merger = new SegmentMerger(runs.length, listing.rulesFiles, (write) => {
    if (write.stream === 'stdout') out += write.text;
    else err += write.text;
  });
  let state: MergeState = { kind: 'pending' };
  for (let worker = runs.length - 1; worker >= 0; worker -= 1) {
    for (const message of messages[worker]!) {
      if (state.kind !== 'pending') break;
      if (message.type === 'preamble') state = merger.preamble(worker, message.writes);
      else if (message.type === 'segment') state = merger.segment(worker, message.segment);
      else if (message.type === 'done') state = merger.workerDone(worker);
    }
  }
  return { state, stdout: out, stderr: err };
}

const cases: [string, string[], number][] = [
  ['default output', ['-r', 'rules/a-versioning.guard', 'rules/d-named.guard', '-d', 'data'], 19],
  ['a rules directory with a parse error and an empty file (exit 5 wins: last)', ['-r', 'rules/a-versioning.guard', 'rules/c-empty.guard', 'rules/b-broken.guard', '-d', 'data'], 5],
  ['-S all -v', ['-r', 'rules/a-versioning.guard', 'rules/d-named.guard', '-d', 'data', '-S', 'all', '-v'], 19],
  ['-o json -S all', ['-r', 'rules/a-versioning.guard', 'rules/d-named.guard', '-d', 'data', '-o', 'json', '-S', 'all'], 19],
  ['-o yaml -p', ['-r', 'rules/a-versioning.guard', '-d', 'data', '-o', 'yaml', '-p'], 19],
  ['a runtime error in the middle of a share (exit 255, output up to it)', ['-r', 'rules', '-d', 'data-nores'], 255],
];

describe('validate --jobs: shares merged equal the single-threaded run', () => {
  it.each(cases)('%s', { timeout: 30_000 }, async (_name, argv, status) => {
    const expected = singleThreaded(argv);
    expect(expected.status).toBe(status);
    for (const shares of [2, 3, 7]) {
      const merged = await split(argv, shares);
      expect(merged.state).toEqual({ kind: 'finished', exitCode: expected.status });
      expect(merged.stdout).toBe(expected.stdout);
      expect(merged.stderr).toBe(expected.stderr);
    }
  });

  it('the runtime-error case really stops in a later share and prints a partial report', async () => {
    const expected = singleThreaded(['-r', 'rules', '-d', 'data-nores']);
    expect(expected.status).toBe(255);
    expect(expected.stderr).toContain('Unable to resolve type block query');
    expect(expected.stdout).toContain('t10.yaml');
  });

  it('a data file that does not load sends the batch back to the main thread, nothing printed', async () => {
    const merged = await split(['-r', 'rules/a-versioning.guard', '-d', 'data-bad'], 3);
    expect(merged.state).toEqual({ kind: 'run-single-threaded' });
    expect(merged.stdout + merged.stderr).toBe('');
  });
});

describe('splitBySize', () => {
  const files = (sizes: number[]) => sizes.map((bytes, index) => ({ path: `f${index}`, bytes }));

  it('keeps the order, loses nothing and leaves no share empty', () => {
    for (const parts of [1, 2, 3, 5, 9]) {
      const input = files([5, 1, 1, 1, 80, 2, 2, 2, 2]);
      const runs = splitBySize(input, parts);
      expect(runs.flat()).toEqual(input);
      expect(runs.length).toBe(Math.min(parts, input.length));
      expect(runs.every((run) => run.length > 0)).toBe(true);
    }
  });

  it('balances by bytes, not by count', () => {
    const runs = splitBySize(files([100, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100]), 2);
    expect(runs[0]!.length).toBeGreaterThan(1);
    expect(runs[1]!.length).toBeGreaterThan(1);
    expect(runs[0]!.length + runs[1]!.length).toBe(12);
  });
});
