#!/usr/bin/env node
// Load speed of the data-document loader (`loadDocument`, what `validate` uses): the largest JSON
// and YAML templates of templates-dev, the whole templates-dev batch, and a generated template of
// 20,000 S3 buckets in JSON and in YAML (with short-form tags). cfn-guard 3.1.1's wall time for
// `validate` of the generated templates with a one-clause rule is shown alongside when the
// reference binary is cached. Needs a build (`pnpm build`); the corpus rows need ../shared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const templatesDir = join(shared, 'corpus', 'templates-dev', 'templates');
const distEntry = join(root, 'packages', 'evaluator', 'dist', 'index.js');
const referencePath = join(root, '.cache', 'cfn-guard-3.1.1', 'cfn-guard-x86_64');
const ROUNDS = 9;

console.log('## documents: loading data files');
console.log('');
if (!existsSync(distEntry)) {
  console.log(`FAILED: ${distEntry} is missing; run \`pnpm build\` first.`);
  process.exit(1);
}
const { loadDocument } = await import(distEntry);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(inputs) {
  const loadAll = () => {
    for (const { name, text } of inputs) {
      const result = loadDocument(text, { fileName: name });
      if (!result.ok) throw new Error(result.error.message);
    }
  };
  loadAll(); // warm-up
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    loadAll();
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times) };
}

function bucketsTemplate(count) {
  const resources = {};
  for (let i = 0; i < count; i++) {
    resources[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: `bucket-${i}`,
        VersioningConfiguration: { Status: i % 7 === 0 ? 'Suspended' : 'Enabled' },
        Tags: [{ Key: 'index', Value: i }, { Key: 'ratio', Value: i / 3 }],
      },
    };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

function bucketsYaml(count) {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  Bucket${i}:`,
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      `      BucketName: !Sub "bucket-${i}-\${AWS::Region}"`,
      '      VersioningConfiguration:',
      `        Status: ${i % 7 === 0 ? 'Suspended' : 'Enabled'}`,
      '      KmsKey: !GetAtt Key.Arn',
      '      Tags:',
      `        - {Key: index, Value: ${i}}`,
      `        - Key: ratio`,
      `          Value: ${(i / 3).toFixed(3)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const rows = [];
const row = (label, inputs) => {
  const bytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(input.text), 0);
  const { median: m, min } = measure(inputs);
  rows.push({ label, files: inputs.length, bytes, median: m, min });
};

if (existsSync(templatesDir)) {
  const files = readdirSync(templatesDir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(templatesDir, name))
    .filter((path) => /\.(json|ya?ml|template)$/.test(path) && statSync(path).isFile())
    .map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
  const largest = (pattern) => files.filter((f) => pattern.test(f.name)).sort((a, b) => b.text.length - a.text.length)[0];
  const json = largest(/\.json$/);
  const yaml = largest(/\.ya?ml$/);
  if (json) row(`largest JSON template (${json.name.slice(templatesDir.length + 1)})`, [json]);
  if (yaml) row(`largest YAML template (${yaml.name.slice(templatesDir.length + 1)})`, [yaml]);
  row('all templates-dev templates', files);
} else {
  console.log(`(corpus rows SKIPPED: ${templatesDir} is absent; set GUARDTS_SHARED_DIR)`);
  console.log('');
}

const generatedJson = JSON.stringify(bucketsTemplate(20_000), null, 2);
const generatedYaml = bucketsYaml(20_000);
row('generated: 20,000 buckets, JSON', [{ name: 'buckets.json', text: generatedJson }]);
row('generated: 20,000 buckets, YAML', [{ name: 'buckets.yaml', text: generatedYaml }]);

// cfn-guard's own time for the generated templates, one clause per bucket, for scale.
const reference = new Map();
if (existsSync(referencePath)) {
  const dir = mkdtempSync(join(tmpdir(), 'guardts-bench-'));
  try {
    writeFileSync(join(dir, 'r.guard'), 'rule has_resources { Resources exists }\n');
    for (const [name, text] of [['buckets.json', generatedJson], ['buckets.yaml', generatedYaml]]) {
      writeFileSync(join(dir, name), text);
      const start = performance.now();
      const run = spawnSync(referencePath, ['validate', '-r', 'r.guard', '-d', name, '-S', 'none'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
      const elapsed = performance.now() - start;
      reference.set(name, run.status === 0 ? `${elapsed.toFixed(0)} ms` : `exit ${run.status}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('| input | files | size | median | min | cfn-guard validate (whole run) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const name = r.label.includes('JSON') && r.label.startsWith('generated') ? 'buckets.json' : r.label.startsWith('generated') ? 'buckets.yaml' : '';
  const ref = reference.get(name) ?? '';
  console.log(`| ${r.label} | ${r.files} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.median.toFixed(1)} ms | ${r.min.toFixed(1)} ms | ${ref} |`);
}
console.log('');
console.log(`${ROUNDS} rounds after one warm-up round, one warm process. The cfn-guard column is one cold run of the whole command (load + one clause), for scale only.`);
