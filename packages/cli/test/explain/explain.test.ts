// `guardts validate --explain`: what the explanation says on the seed example and on the probe
// cases, and that asking for it never changes the normal report, the verdicts or the exit code.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../../../test-support/shared-corpus.js';
import { run as runValidateCommand } from '../../src/commands/validate.js';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import { captureIo } from '../../src/io.js';
import { parseValidateArgs } from '../../src/validate/parse-validate-args.js';
import { runValidate } from '../../src/validate/run-validate.js';
import { runInProcess } from '../support/in-process.js';

const SEED = join(repoRoot, 'examples', 'seed');
const SEED_ARGS = ['validate', '-r', 'lambda_tracing_config_item.guard', '-d', 'template-passthrough.yaml'];

/** The `{"explain": …}` documents printed after the normal JSON reports. */
function explainDocuments(stdout: string): { explain: { rules: { name: string; status: string; explanation: unknown }[] } }[] {
  return stdout
    .split(/(?=^\{\n {2}"explain": )/m)
    .filter((part) => part.startsWith('{\n  "explain": '))
    .map((part) => JSON.parse(part) as { explain: { rules: { name: string; status: string; explanation: unknown }[] } });
}

describe('validate --explain (self-contained)', () => {
  it('explains the seed SKIP: the when condition is not met because the query stops at the root', () => {
    const result = runInProcess([...SEED_ARGS, '--explain'], { cwd: SEED });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('rule lambda_tracing_check SKIP  (lambda_tracing_config_item.guard:3:1)');
    expect(result.stdout).toMatch(/when configuration\.tracingConfig exists FAIL: not met, so skipped {2}\(lambda_tracing_config_item\.guard:4:10\)/);
    expect(result.stdout).toMatch(/configuration stopped: no key "configuration" in \/ \(template-passthrough\.yaml:1:1\); keys there: AWSTemplateFormatVersion, Description, Resources/);
  });

  it('explains the seed FAIL with --as config-item: TracingConfig.Mode is PassThrough', async () => {
    const io = captureIo({ cwd: SEED });
    const status = await runValidateCommand(['-r', 'lambda_tracing_config_item.guard', '-d', 'template-passthrough.yaml', '--as', 'config-item', '--explain'], io);
    expect(status).toBe(19);
    const explanation = io.out().slice(io.out().search(/Explain lambda_tracing_config_item\.guard on \S*template-passthrough\.yaml#MyLambdaFunction: FAIL/));
    expect(explanation).toMatch(/^Explain /);
    expect(explanation).toContain('rule lambda_tracing_check FAIL');
    expect(explanation).toContain('when configuration.tracingConfig exists PASS: met');
    expect(explanation).toMatch(/mode +-> \/configuration\/tracingConfig\/mode = "PassThrough"/);
    expect(explanation).toContain('✗ /configuration/tracingConfig/mode = "PassThrough"');
    expect(explanation).toContain('== "Active"');
  });

  it('leaves the normal report and the exit code as they are, and adds nothing else', () => {
    const plain = runInProcess(SEED_ARGS, { cwd: SEED });
    const explained = runInProcess([...SEED_ARGS, '--explain'], { cwd: SEED });
    expect(explained.status).toBe(plain.status);
    expect(explained.stderr).toBe(plain.stderr);
    expect(explained.stdout.startsWith(plain.stdout)).toBe(true);
    expect(explained.stdout.slice(plain.stdout.length)).toMatch(/^Explain /);
  });

  it('colours only on a terminal, never with NO_COLOR', () => {
    const explainedWith = (env: Record<string, string>, tty: boolean): string => {
      const io = captureIo({ cwd: SEED, env, tty });
      const parsed = parseValidateArgs(['-r', 'lambda_tracing_config_item.guard', '-d', 'template-passthrough.yaml', '--explain'], io);
      if (!parsed.ok) throw new Error('arguments rejected');
      runValidate(parsed.options, { engine: evaluatorEngine(), io });
      return io.out().slice(io.out().indexOf('Explain'));
    };
    expect(explainedWith({}, true)).toContain('\u001b[');
    expect(explainedWith({ NO_COLOR: '1' }, true)).not.toContain('\u001b[');
    expect(explainedWith({}, false)).not.toContain('\u001b[');
  });

  it('gives a JSON document with -o json: the missing key, the keys that were there', () => {
    const result = runInProcess([...SEED_ARGS, '-o', 'json', '--explain'], { cwd: SEED });
    const [document] = explainDocuments(result.stdout);
    expect(document?.explain.rules.map((rule) => `${rule.name}:${rule.status}`)).toEqual(['lambda_tracing_check:SKIP']);
    const text = JSON.stringify(document);
    expect(text).toContain('"part":"configuration"');
    expect(text).toContain('"keys":["AWSTemplateFormatVersion","Description","Resources"]');
    expect(text).toContain('"kind":"WhenCondition"');
  });

  it('names the filtered-out resources, the missing key and the failing value (inline fixture)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-explain-'));
    writeFileSync(
      join(dir, 's3.guard'),
      'let buckets = Resources.*[ Type == "AWS::S3::Bucket" ]\n\nrule buckets_versioned when %buckets !empty {\n    %buckets.Properties.VersioningConfiguration.Status == "Enabled"\n        << Buckets must keep old versions >>\n}\n\nrule queues_encrypted {\n    Resources.*[ Type == "AWS::SQS::Queue" ] {\n        Properties.KmsMasterKeyId exists\n    }\n}\n',
    );
    writeFileSync(
      join(dir, 'template.yaml'),
      'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Suspended\n  Assets:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: assets\n  Role:\n    Type: AWS::IAM::Role\n',
    );
    const result = runInProcess(['validate', '-r', 's3.guard', '-d', 'template.yaml', '-S', 'none', '--explain'], { cwd: dir });
    expect(result.status).toBe(19);
    const text = result.stdout.slice(result.stdout.indexOf('Explain '));
    expect(text).toContain('rule buckets_versioned FAIL  (s3.guard:3:1)');
    expect(text).toContain('when %buckets !empty PASS: met  (s3.guard:3:29)');
    expect(text).toMatch(/%buckets +-> 2 values: \/Resources\/Logs, \/Resources\/Assets/);
    expect(text).toContain('stopped: no key "VersioningConfiguration" in /Resources/Assets/Properties (template.yaml:10:7); keys there: BucketName');
    expect(text).toContain('✗ /Resources/Logs/Properties/VersioningConfiguration/Status = "Suspended" (template.yaml:6:17) == "Enabled" «Buckets must keep old versions»');
    expect(text).toContain('rule queues_encrypted SKIP  (s3.guard:8:1)');
    expect(text).toMatch(/\[filter\] +-> kept 0 of 3/);
    expect(text).toContain('dropped /Resources/Role (template.yaml:12:5): /Resources/Role/Type = "AWS::IAM::Role" (template.yaml:12:11) == "AWS::SQS::Queue"');
    expect(text).toContain('the query selected nothing, so the block is skipped');
  });

  it('says in one line when nothing failed or was skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-explain-'));
    writeFileSync(join(dir, 'r.guard'), 'rule has_resources { Resources exists }\n');
    writeFileSync(join(dir, 't.yaml'), 'Resources:\n  A:\n    Type: T\n');
    const result = runInProcess(['validate', '-r', 'r.guard', '-d', 't.yaml', '--explain'], { cwd: dir });
    expect(result.status).toBe(0);
    const tail = result.stdout.slice(result.stdout.indexOf('Explain '));
    expect(tail).toMatch(/^Explain r\.guard on \S*t\.yaml: PASS \(1 rule: none failed or skipped\)\n$/);
  });
});

interface ProbeCase {
  readonly name: string;
  readonly rules: string;
  readonly data: string;
  readonly args: readonly string[];
}

describeShared('validate --explain on the probe cases', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[];
  const validateCases = cases.filter((probe) => probe.args[0] === 'validate' && !probe.args.includes('-i') && !probe.args.includes('--input-parameters'));

  const explain = (name: string, extra: readonly string[] = []): string => {
    const result = runInProcess(['validate', '-r', `${name}.guard`, '-d', `${name}.yaml`, '-S', 'none', ...extra, '--explain'], { cwd: dir });
    return result.stdout.slice(result.stdout.indexOf('Explain '));
  };

  it('a filter that kept nothing: which candidate it dropped and the comparison that dropped it', () => {
    const text = explain('empty_filter_results_skip');
    expect(text).toContain('rule filtered_clause_skips SKIP');
    expect(text).toMatch(/\[filter\] +-> kept 0 of 1/);
    expect(text).toMatch(/dropped \/Resources\/R1 \(empty_filter_results_skip\.yaml:3:5\): \/Resources\/R1\/Type = "Other" .* == "Nope"/);
    expect(text).toContain('the query selected nothing, so the clause is skipped');
  });

  it('a when condition on a missing key: the condition, the missing key and the keys there', () => {
    const text = explain('when_conditions');
    expect(text).toContain('rule unresolved_condition_skips SKIP');
    expect(text).toMatch(/when Cfg\.Missing == 1 FAIL: not met, so skipped {2}\(when_conditions\.guard:9:38\)/);
    expect(text).toMatch(/Missing stopped: no key "Missing" in \/Cfg \(when_conditions\.yaml:2:3\); keys there: Mode, Level/);
  });

  it('a failing comparison: the value found, where, and what it was compared with', () => {
    const text = explain('eq_neq_basic');
    expect(text).toContain('✗ /Resources/Box/Properties/Color = "red" (eq_neq_basic.yaml:5:14) == "RED"');
    expect(text).toMatch(/Shape +stopped: no key "Shape" in \/Resources\/Box\/Properties .*; keys there: Color, Size/);
    expect(text).not.toContain('rule string_eq_passes');
  });

  it('a type block with no resource of its type', () => {
    expect(explain('type_blocks')).toContain('no resource of type AWS::SQS::Queue in the data');
  });

  it('with -z -o json: one more JSON document holding every pair, after the structured one', () => {
    const result = runInProcess(['validate', '-r', 'when_conditions.guard', '-d', 'when_conditions.yaml', '-z', '-o', 'json', '-S', 'none', '--explain'], { cwd: dir });
    const plain = runInProcess(['validate', '-r', 'when_conditions.guard', '-d', 'when_conditions.yaml', '-z', '-o', 'json', '-S', 'none'], { cwd: dir });
    expect(result.stdout.startsWith(plain.stdout)).toBe(true);
    const document = JSON.parse(result.stdout.slice(plain.stdout.length)) as { explain: { rules: { name: string }[] }[] };
    expect(document.explain).toHaveLength(1);
    expect(document.explain[0]?.rules.map((rule) => rule.name)).toEqual(['multi_line_conditions_are_anded', 'unresolved_condition_skips']);
  });

  it('with -z -o sarif: the SARIF document alone on stdout, the explanation on stderr', () => {
    const args = ['validate', '-r', 'eq_neq_basic.guard', '-d', 'eq_neq_basic.yaml', '-z', '-o', 'sarif', '-S', 'none'];
    const plain = runInProcess(args, { cwd: dir });
    const result = runInProcess([...args, '--explain'], { cwd: dir });
    expect(result.stdout).toBe(plain.stdout);
    expect(result.status).toBe(plain.status);
    expect(result.stderr).toContain('rule eq_on_missing_property_fails FAIL');
  });

  it('guardts test --explain: under a failed test case, why the mismatched rule failed', () => {
    const args = ['test', '-r', 'test_cmd_expectation_mismatch.guard', '-t', 'test_cmd_expectation_mismatch_tests.yaml'];
    const plain = runInProcess(args, { cwd: dir });
    const result = runInProcess([...args, '--explain'], { cwd: dir });
    expect(result.status).toBe(plain.status);
    expect(result.stdout).toContain('    Explain test_cmd_expectation_mismatch.guard on mismatch: FAIL');
    expect(result.stdout).toMatch(/✗ \/Q\/Name = "other" .* == \/\^app-\//);
    // Only the mismatched rule is explained, and the plain report is otherwise unchanged.
    expect(result.stdout).not.toContain('rule queue_sized');
    const withoutExplanation = result.stdout.replace(/^ {4}.*\n/gm, '');
    expect(withoutExplanation).toBe(plain.stdout.replace(/^ {4}.*\n/gm, ''));
  });

  it('explains Control Tower rules on real templates: bounded output, nothing else changed', () => {
    const rulesDir = join(shared, 'corpus', 'ct-rules', 'cfn-guard', 's3');
    const templatesDir = join(shared, 'corpus', 'templates-dev', 'templates', 'S3');
    const args = ['validate', '-r', rulesDir, '-d', templatesDir, '-S', 'none'];
    const plain = runInProcess(args, { cwd: dir });
    const explained = runInProcess([...args, '--explain'], { cwd: dir });
    expect(explained.status).toBe(plain.status);
    expect(explained.stderr).toBe(plain.stderr);
    const explanations = explained.stdout.split('\n').filter((line) => line.startsWith('Explain ')).length;
    expect(explanations).toBeGreaterThan(10);
    // Every line of the normal report is still there, in order.
    const extra = explained.stdout.split('\n');
    let at = 0;
    for (const line of plain.stdout.split('\n')) {
      at = extra.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
    }
    expect(Math.max(...extra.map((line) => line.length))).toBeLessThan(1000);
  });

  it('has cases to compare', () => {
    expect(validateCases.length).toBeGreaterThan(60);
  });

  // Property: --explain only appends. Same exit code, same stderr, the normal report unchanged
  // (text and JSON), over every validate probe case.
  for (const probe of validateCases) {
    it(`--explain changes no verdict or exit code: ${probe.name}`, () => {
      for (const format of [[], ['-o', 'json']]) {
        const args = ['validate', '-r', probe.rules, '-d', probe.data, '-S', 'all', ...format];
        const plain = runInProcess(args, { cwd: dir });
        const explained = runInProcess([...args, '--explain'], { cwd: dir });
        expect(explained.status).toBe(plain.status);
        expect(explained.stderr).toBe(plain.stderr);
        expect(explained.stdout.startsWith(plain.stdout)).toBe(true);
      }
      // The recorded arguments (structured JSON statuses) are unchanged by the flag too.
      const recorded = runInProcess(probe.args, { cwd: dir });
      const withFlag = runInProcess([...probe.args, '--explain'], { cwd: dir });
      expect(withFlag.status).toBe(recorded.status);
      expect(withFlag.stdout.startsWith(recorded.stdout)).toBe(true);
    });
  }
});
