// Command lines with the reference binary: for each argument vector (and stdin), guardts
// in-process must exit with the reference's code (deliberate divergences listed below).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { runInProcess } from '../support/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files: Record<string, string> = {
  'pass.guard': 'rule p { Resources exists }\n',
  'fail.guard': 'rule f { Resources.B.Type == "nope" }\n',
  'broken.guard': 'rule b { Resources == }\n',
  'empty.guard': '# nothing here\n',
  'data.yaml': 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n',
  'blank.yaml': '   \n',
  'list.yaml': '- 1\n- 2\n',
  'bad.yaml': 'a: [1\n',
  'alias.yaml': 'a: &x 1\nb: *x\n',
  'data.txt': 'Resources: {}\n',
  'params.yaml': 'Env: prod\n',
  'clash.yaml': 'Resources: {}\n',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
writeFileSync(join(dir, 'not-utf8.guard'), Buffer.from([0xff, 0xfe, 0x20, 0x72, 0x75, 0x6c, 0x65]));

const payload = (rules: string[], data: string[]): string => JSON.stringify({ rules, data });

/** Deliberate divergences (docs/divergences.md): the reference's exit code and guardts'. */
const DIVERGENT: Readonly<Record<string, { reference: number; guardts: number }>> = {
  'validate -r -d data.yaml': { reference: 101, guardts: 2 },
  'test -r pass.guard': { reference: 101, guardts: 2 },
  'test -t data.yaml': { reference: 101, guardts: 2 },
  'validate -r not-utf8.guard -d data.yaml': { reference: 0, guardts: 5 },
  'validate -r not-utf8.guard pass.guard -d data.yaml': { reference: 0, guardts: 5 },
};

const CASES: readonly { args: string[]; stdin?: string }[] = [
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'fail.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'broken.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'empty.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'fail.guard', 'broken.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'broken.guard', 'fail.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'broken.guard', '-r', 'pass.guard', '-d', 'data.yaml', '-z', '-o', 'yaml', '-S', 'none'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'blank.yaml'] },
  { args: ['validate', '-r', 'not-utf8.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'not-utf8.guard', 'pass.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'pass.guard', 'not-utf8.guard', '-d', 'data.yaml', '-z', '-o', 'json', '-S', 'none'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'bad.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'alias.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.txt'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', 'bad.yaml'] },
  { args: ['validate', '-r', 'pass.guard'], stdin: files['data.yaml'] },
  { args: ['validate', '-r', 'pass.guard'], stdin: '' },
  { args: ['validate', '-r', 'pass.guard', '-d'], stdin: files['data.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-i', 'params.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-i', 'clash.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-i', 'list.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-i', 'missing.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-z'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-z', '-S', 'none'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-z', '-o', 'sarif', '-S', 'fail,none'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-z', '-o', 'sarif', '-S', 'none,fail'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-o', 'sarif'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-v', '-p'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-z', '-o', 'json', '-S', 'none', '-v'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-a', '-m'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-t', 'CFNTemplate'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '-t', 'Other'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', '--bogus'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'data.yaml', 'extra'] },
  { args: ['validate', '-r', 'missing.guard', '-d', 'data.yaml'] },
  { args: ['validate', '-r', 'pass.guard', '-d', 'missing.yaml'] },
  { args: ['validate', '-r', '-d', 'data.yaml'] },
  { args: ['validate', '-d', 'data.yaml'] },
  { args: ['validate'] },
  { args: ['validate', '-P'], stdin: payload([files['fail.guard']!], [files['data.yaml']!]) },
  { args: ['validate', '-P'], stdin: payload([files['pass.guard']!, files['broken.guard']!], [files['data.yaml']!]) },
  { args: ['validate', '-P', '-z', '-o', 'json', '-S', 'none'], stdin: payload([files['fail.guard']!], [files['data.yaml']!]) },
  { args: ['validate', '-P'], stdin: '{"rules": [' },
  { args: ['validate', '-P'], stdin: payload([files['pass.guard']!], ['   ']) },
  { args: ['validate', '-P', '-r', 'pass.guard'] },
  { args: ['test', '-r', 'pass.guard', '-t', 'data.yaml', '-o', 'sarif'] },
  { args: ['test', '-r', 'pass.guard', '-t', 'data.yaml', '-o', 'json', '-v'] },
  { args: ['test', '-r', 'missing.guard', '-t', 'data.yaml'] },
  { args: ['test', '-r', '.', '-t', 'data.yaml'] },
  { args: ['test', '-r', 'pass.guard', '-t', 'data.yaml'] },
  { args: ['test', '-r', 'broken.guard', '-t', 'data.yaml'] },
  { args: ['test', '-r', 'broken.guard', '-t', 'data.yaml', '-o', 'json'] },
  { args: ['test', '-r', 'pass.guard'] },
  { args: ['test', '-t', 'data.yaml'] },
  { args: ['test'] },
];

describe('command lines: exit codes as cfn-guard 3.1.1', () => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: the reference binary is not available (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }
  for (const { args, stdin } of CASES) {
    const key = args.join(' ');
    it(`${key}${stdin === undefined ? '' : ' < stdin'}`, () => {
      const reference = runReference(args, { cwd: dir, input: stdin ?? '' });
      const ours = runInProcess(args, { cwd: dir, stdin: stdin ?? '' });
      const divergence = DIVERGENT[key];
      if (divergence !== undefined) expect(reference.status).toBe(divergence.reference);
      const expected = divergence?.guardts ?? reference.status;
      expect(ours.status, `guardts stderr: ${ours.stderr}\nreference stderr: ${reference.stderr.slice(0, 400)}`).toBe(expected);
      if (ours.status !== 0) expect(ours.stderr).not.toMatch(/\n\s+at .*\(/);
    });
  }
});
