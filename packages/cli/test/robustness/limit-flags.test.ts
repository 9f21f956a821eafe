// `--max-data-size`, `--deadline` and `--max-depth` on `validate` and `test`: each limit ends the
// run with its own clear message (naming the file, the limit and the flag) and a documented code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runTestCommand } from '../../src/commands/test.js';
import { run as runValidateCommand } from '../../src/commands/validate.js';
import { captureIo } from '../../src/io.js';
import { parseByteSize, parsePositiveInteger } from '../../src/validate/limit-flags.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const template = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n';
writeFileSync(join(dir, 'small.yaml'), template);
writeFileSync(join(dir, 'exists.guard'), 'rule named {\n  Resources.*.Properties.BucketName exists\n}\n');
// A chain of 20 rules, each referencing the next: 20 levels of evaluation.
const chain = Array.from({ length: 20 }, (_, index) => (index < 19 ? `rule r${index} {\n  r${index + 1}\n}\n` : `rule r${index} {\n  Resources exists\n}\n`)).join('');
writeFileSync(join(dir, 'chain.guard'), chain);
// Every resource's tag values looked up among every resource's name: a cross product of
// 1,500 x 4,500 comparisons, which fails on every resource and takes far longer than 50 ms.
const resources = Object.fromEntries(
  Array.from({ length: 1500 }, (_, index) => [`R${index}`, { Type: 'AWS::S3::Bucket', Properties: { Name: `n${index}`, Tags: [0, 1, 2].map((tag) => ({ Key: 'k', Value: `v${tag}` })) } }]),
);
writeFileSync(join(dir, 'big.json'), JSON.stringify({ Resources: resources }));
writeFileSync(join(dir, 'cross.guard'), 'let names = Resources.*.Properties.Name\nrule cross {\n  Resources.*[ Properties.Name in %names ].Properties.Tags[*].Value in %names\n}\n');
writeFileSync(join(dir, 'spec.yaml'), `- name: chained\n  input:\n    Resources: {}\n  expectations:\n    rules:\n      r0: PASS\n`);

async function validate(args: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runValidateCommand(['-r', ...args], io);
  return { status, stdout: io.out(), stderr: io.err() };
}

async function test(args: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runTestCommand(args, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

describe('--max-data-size', () => {
  it('a data file over the limit is exit 255 naming the file, its size and the limit', async () => {
    const result = await validate(['exists.guard', '-d', 'small.yaml', '--max-data-size', '40']);
    expect(result.status).toBe(255);
    expect(result.stderr).toBe(`Error occurred ${join(dir, 'small.yaml')}: the file is ${template.length} bytes, more than the limit of 40 bytes (--max-data-size)\n`);
  });

  it('a file within the limit is evaluated as usual', async () => {
    const result = await validate(['exists.guard', '-d', 'small.yaml', '--max-data-size', '1KiB', '-S', 'all']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('named');
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const text = `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ${'é'.repeat(20)}\n`;
    writeFileSync(join(dir, 'accents.yaml'), text);
    const bytes = Buffer.byteLength(text);
    expect(bytes).toBeGreaterThan(text.length);
    expect((await validate(['exists.guard', '-d', 'accents.yaml', '--max-data-size', String(text.length)])).status).toBe(255);
    expect((await validate(['exists.guard', '-d', 'accents.yaml', '--max-data-size', String(bytes)])).status).toBe(0);
  });

  it('applies to test spec files too (exit 1, as any spec file that cannot be used)', async () => {
    const result = await test(['-r', 'chain.guard', '-t', 'spec.yaml', '--max-data-size', '10']);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('more than the limit of 10 bytes (--max-data-size)');
  });
});

describe('--deadline', () => {
  it('interrupts a long evaluation: exit 255 naming the rules file, the data file and the deadline', { timeout: 60_000 }, async () => {
    const result = await validate(['cross.guard', '-d', 'big.json', '--deadline', '50']);
    expect(result.status).toBe(255);
    expect(result.stderr).toBe(`Error occurred evaluating rules file cross.guard against data file ${join(dir, 'big.json')} exceeded the deadline of 50 ms (--deadline)\n`);
    expect(result.stdout).toBe('');
  });

  it('bounds each `test` spec case too (exit 255)', { timeout: 60_000 }, async () => {
    writeFileSync(join(dir, 'cross-spec.json'), JSON.stringify([{ name: 'big', input: { Resources: resources }, expectations: { rules: { cross: 'FAIL' } } }]));
    const result = await test(['-r', 'cross.guard', '-t', 'cross-spec.json', '--deadline', '50']);
    expect(result.status).toBe(255);
    expect(result.stderr).toContain('evaluating rules file cross.guard against a test spec input exceeded the deadline of 50 ms (--deadline)');
  });

  it('leaves a quick evaluation alone', async () => {
    const result = await validate(['exists.guard', '-d', 'small.yaml', '--deadline', '60000']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('--max-depth', () => {
  it('a chain of rules deeper than the limit is exit 255 naming the limit, the files and the flag', async () => {
    const result = await validate(['chain.guard', '-d', 'small.yaml', '--max-depth', '10']);
    expect(result.status).toBe(255);
    expect(result.stderr).toBe(
      `Error occurred evaluation nested deeper than 10 levels (rules referencing each other in a loop?), evaluating rules file chain.guard against data file ${join(dir, 'small.yaml')} (--max-depth sets the limit)\n`,
    );
  });

  it('the same chain within the limit passes', async () => {
    expect((await validate(['chain.guard', '-d', 'small.yaml', '--max-depth', '30'])).status).toBe(0);
  });

  it('bounds `test` as well (a runtime error: exit 255)', async () => {
    const result = await test(['-r', 'chain.guard', '-t', 'spec.yaml', '--max-depth', '5']);
    expect(result.status).toBe(255);
    expect(result.stderr).toContain('evaluation nested deeper than 5 levels');
    expect(result.stderr).toContain('chain.guard');
    expect((await test(['-r', 'chain.guard', '-t', 'spec.yaml', '--max-depth', '50'])).status).toBe(0);
  });
});

describe('limit flag values', () => {
  it.each([
    ['1', 1],
    ['2048', 2048],
    ['512KiB', 512 * 1024],
    ['10MiB', 10 * 1024 * 1024],
    ['1.5MB', 1_500_000],
    ['1gib', 1024 ** 3],
  ])('--max-data-size %s is %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', '0', '-5', '10XB', 'ten', '1e6'])('--max-data-size %j is rejected', (text) => {
    expect(() => parseByteSize(text)).toThrow(/size/);
  });

  it.each(['0', '-1', '1.5', 'soon', ''])('--deadline/--max-depth %j is rejected', (text) => {
    expect(() => parsePositiveInteger(text)).toThrow(/whole number/);
  });

  it.each([
    ['validate', ['-r', 'exists.guard', '-d', 'small.yaml', '--deadline', '0']],
    ['validate', ['-r', 'exists.guard', '-d', 'small.yaml', '--max-data-size', 'big']],
    ['test', ['-r', 'chain.guard', '-t', 'spec.yaml', '--max-depth', 'x']],
  ])('a bad value to %s is a usage error (exit 2) naming the flag', async (command, args) => {
    const io = captureIo({ cwd: dir });
    const status = command === 'validate' ? await runValidateCommand(args, io) : await runTestCommand(args, io);
    expect(status).toBe(2);
    expect(io.err()).toMatch(/option '--(deadline|max-data-size|max-depth) <\w+>' argument/);
  });
});
