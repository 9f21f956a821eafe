import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRules } from '@guardts/guard-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/commands/rulegen.js';
import { captureIo } from '../src/io.js';
import { ryuFloat } from '../src/rulegen/rust-float.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-rulegen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rulegen(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = captureIo({ cwd: dir });
  const status = await run(argv, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

function template(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const TWO_INSTANCES = template(
  'instances.yaml',
  [
    'Resources:',
    '  A:',
    '    Type: AWS::EC2::Instance',
    '    Properties:',
    '      InstanceType: t3.micro',
    '      Count: 2',
    '      Ratio: 2.0',
    '      Flag: true',
    '      Nothing:',
    '      Padded: "  x  "',
    '      Tags: [{Key: a, Value: b}]',
    '      ImageId: !Ref Ami',
    '  B:',
    '    Type: AWS::EC2::Instance',
    '    Properties:',
    '      InstanceType: t3.large',
    '      Count: 2',
    '      Ratio: 3.5',
    '  C:',
    '    Type: AWS::S3::Bucket',
    '  D:',
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      "max-size": 5',
    '      Quote: say "hi"',
    '',
  ].join('\n'),
);

describe('guardts rulegen', () => {
  it('writes one guarded rule per resource type, in template order', async () => {
    const result = await rulegen('-t', TWO_INSTANCES);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "let aws_ec2_instance_resources = Resources.*[ Type == 'AWS::EC2::Instance' ]",
        'rule aws_ec2_instance when %aws_ec2_instance_resources !empty {',
        '  %aws_ec2_instance_resources.Properties.InstanceType IN ["t3.micro", "t3.large"]',
        '  %aws_ec2_instance_resources.Properties.Count == 2',
        '  %aws_ec2_instance_resources.Properties.Ratio IN [2.0, 3.5]',
        '  %aws_ec2_instance_resources.Properties.Flag == true',
        // validate reads an empty YAML value as "" (cfn-guard's rulegen writes `null`, which its validate FAILs)
        '  %aws_ec2_instance_resources.Properties.Nothing == ""',
        '  %aws_ec2_instance_resources.Properties.Padded == "x"',
        '  %aws_ec2_instance_resources.Properties.Tags == [{"Key":"a","Value":"b"}]',
        '  %aws_ec2_instance_resources.Properties.ImageId == {"Ref":"Ami"}',
        '}',
        "let aws_sqs_queue_resources = Resources.*[ Type == 'AWS::SQS::Queue' ]",
        'rule aws_sqs_queue when %aws_sqs_queue_resources !empty {',
        '  %aws_sqs_queue_resources.Properties."max-size" == 5',
        `  %aws_sqs_queue_resources.Properties.Quote == 'say "hi"'`,
        '}',
        '',
      ].join('\n'),
    );
    expect(parseRules(result.stdout, { fileName: 'generated.guard' }).diagnostics).toEqual([]);
  });

  it('accepts --template, -d and --data too, and -o writes the file instead of printing', async () => {
    const printed = (await rulegen('--template', TWO_INSTANCES)).stdout;
    expect((await rulegen('-d', TWO_INSTANCES)).stdout).toBe(printed);
    const written = await rulegen('--data', TWO_INSTANCES, '-o', 'out.guard');
    expect(written).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'out.guard'), 'utf8')).toBe(printed);
  });

  it('turns a value no Guard literal can hold into a comment and a warning', async () => {
    const name = template('negative.yaml', 'Resources:\n  A:\n    Type: AWS::X::Y\n    Properties:\n      Low: -1.5\n      Ok: 1\n');
    const result = await rulegen('-t', name);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  # no check generated for AWS::X::Y.Properties.Low: ');
    expect(result.stdout).toContain('  %aws_x_y_resources.Properties.Ok == 1\n');
    expect(result.stderr).toContain('warning: no check generated for AWS::X::Y.Properties.Low');
    expect(parseRules(result.stdout, { fileName: 'generated.guard' }).diagnostics).toEqual([]);
  });

  it('keeps only the comments of a type none of whose properties can be written', async () => {
    const name = template('only-negative.yaml', 'Resources:\n  A:\n    Type: AWS::X::Y\n    Properties:\n      Low: -1.5\n');
    const result = await rulegen('-t', name);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# no check generated for AWS::X::Y\.Properties\.Low: [^\n]+\n$/);
    expect(parseRules(result.stdout, { fileName: 'generated.guard' }).diagnostics).toEqual([]);
  });

  it.each([
    ['no Resources', 'Foo: 1\n', 1],
    ['Resources is a list', 'Resources: [1]\n', 1],
    ['not YAML', '{bad', 1],
    ['a Type that is not a string (a panic in cfn-guard)', 'Resources:\n  A:\n    Type: {Rain::Module: x}\n    Properties:\n      P: 1\n', 1],
  ])('exits 1 on a template it cannot use: %s', async (_title, text, exitCode) => {
    const result = await rulegen('-t', template('bad.yaml', text));
    expect(result.status).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^guardts rulegen: cannot use the template/);
  });

  it('prints nothing for a template without properties', async () => {
    expect(await rulegen('-t', template('empty.yaml', 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n'))).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 255 when the template cannot be read, 1 when the output cannot be written, 2 on bad flags', async () => {
    expect((await rulegen('-t', 'missing.yaml')).status).toBe(255);
    expect((await rulegen('-t', TWO_INSTANCES, '-o', join(dir, 'no', 'such', 'dir', 'x.guard'))).status).toBe(1);
    expect((await rulegen()).status).toBe(2);
    expect((await rulegen('-t', TWO_INSTANCES, '--bogus')).status).toBe(2);
    expect((await rulegen('-o', 'x.guard')).status).toBe(2);
  });
});

describe('ryuFloat (serde_json float text)', () => {
  it.each([
    [2, '2.0'],
    [3.5, '3.5'],
    [0.0001, '0.0001'],
    [0.00001, '0.00001'],
    [0.000001, '1e-6'],
    [12345678901234567, '1.2345678901234568e16'],
    [1.5e-7, '1.5e-7'],
    [123456789012345680, '1.2345678901234568e17'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e16'],
    [1e20, '1e20'],
    [-2.25, '-2.25'],
  ])('%d is %s', (value, text) => {
    expect(ryuFloat(value)).toBe(text);
  });
});
