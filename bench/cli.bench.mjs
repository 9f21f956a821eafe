#!/usr/bin/env node
// End-to-end wall time of the built CLI against cfn-guard 3.1.1 on the same command lines: a cold
// start on one template, a whole directory of templates against a directory of rules, and
// `test` over the registry specs. Needs a build (`pnpm build`) and ../shared; the reference column
// needs the cached binary. Prints a markdown table (median of 3 runs each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const guardts = join(root, 'packages', 'cli', 'bin', 'guardts.mjs');
const reference = join(root, '.cache', 'cfn-guard-3.1.1', 'cfn-guard-x86_64');
const corpus = join(shared, 'corpus');

if (!existsSync(corpus)) {
  console.log('## CLI end to end\n\nskipped: ../shared is not beside the repository');
  process.exit(0);
}

// `test -d` needs rules beside a tests/ folder: the registry keeps them apart, so link them.
const registryDir = mkdtempSync(join(tmpdir(), 'guardts-bench-registry-'));
symlinkSync(join(corpus, 'registry', 'rules'), join(registryDir, 'rules'));
mkdirSync(join(registryDir, 'rules-with-tests'));
for (const name of readdirSync(join(corpus, 'registry', 'rules'))) symlinkSync(join(corpus, 'registry', 'rules', name), join(registryDir, 'rules-with-tests', name));
symlinkSync(join(corpus, 'registry', 'tests'), join(registryDir, 'rules-with-tests', 'tests'));

const CASES = [
  { name: 'validate: one template, one rules file (cold start)', args: ['validate', '-r', join(corpus, 'ct-rules', 'cfn-guard', 's3', 'ct-s3-pr-1.guard'), '-d', join(corpus, 'templates-dev', 'templates', 'S3', 'compliant-bucket.yaml')] },
  { name: 'validate: templates-dev (151) x S3 Control Tower rules', args: ['validate', '-r', join(corpus, 'ct-rules', 'cfn-guard', 's3'), '-d', join(corpus, 'templates-dev', 'templates'), '-S', 'none'] },
  { name: 'validate -z -o json: templates-dev x registry rules (209)', args: ['validate', '-r', join(corpus, 'registry', 'rules'), '-d', join(corpus, 'templates-dev', 'templates'), '-z', '-o', 'json', '-S', 'none'] },
  { name: 'test -d: registry (194 specs)', args: ['test', '-d', join(registryDir, 'rules-with-tests')] },
];

function time(command, args) {
  const runs = [];
  let status = null;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    runs.push(performance.now() - started);
    status = result.status;
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[1], status };
}

const lines = ['## CLI end to end (median of 3, ms)', '', '| command | guardts | exit | cfn-guard 3.1.1 | exit |', '|---|---:|---:|---:|---:|'];
for (const { name, args } of CASES) {
  const ours = time(process.execPath, [guardts, ...args]);
  const theirs = existsSync(reference) ? time(reference, args) : null;
  lines.push(`| ${name} | ${ours.ms.toFixed(0)} | ${ours.status} | ${theirs === null ? 'n/a' : theirs.ms.toFixed(0)} | ${theirs === null ? '' : theirs.status} |`);
}
rmSync(registryDir, { recursive: true, force: true });
console.log(lines.join('\n'));
