#!/usr/bin/env node
// Records what the reference, cfn-guard 3.1.1, does with every invocation of
// test-corpus/cases.json, into test-corpus/recorded.json. The parity suite over test-corpus/
// compares guardts with these recordings without needing the binary.
//
//   node scripts/record-test-corpus.mjs            (re-records everything)
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test-corpus');
const casesDir = join(corpus, 'cases');
const binary = execFileSync(process.execPath, [join(root, 'scripts', 'get-reference-binary.mjs')], { encoding: 'utf8' }).trim();
const { invocations } = JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8'));

/** Absolute paths of the checkout would make recordings machine-specific. */
const normalise = (text) => text.split(casesDir).join('<CASES>');

function statusesOf(stdout) {
  try {
    const reports = JSON.parse(stdout);
    if (!Array.isArray(reports)) return null;
    const statuses = {};
    for (const report of reports) {
      for (const name of report.compliant ?? []) statuses[name] = 'PASS';
      for (const name of report.not_applicable ?? []) statuses[name] = 'SKIP';
      for (const entry of report.not_compliant ?? []) if (entry.Rule) statuses[entry.Rule.name] = 'FAIL';
    }
    return statuses;
  } catch {
    return null;
  }
}

const recorded = {};
for (const invocation of invocations) {
  const cwd = join(casesDir, invocation.dir);
  const input = invocation.stdin === undefined ? '' : readFileSync(join(cwd, invocation.stdin), 'utf8');
  const result = spawnSync(binary, invocation.args, { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  recorded[invocation.name] = {
    exit_code: result.status,
    statuses: statusesOf(result.stdout),
    stdout: normalise(result.stdout),
    stderr_first_line: normalise(result.stderr.split('\n')[0] ?? ''),
  };
  process.stdout.write(`${invocation.name}: exit ${result.status}\n`);
}
writeFileSync(join(corpus, 'recorded.json'), `${JSON.stringify({ reference: 'cfn-guard 3.1.1', recorded }, null, 1)}\n`);
process.stdout.write(`recorded ${invocations.length} invocations into test-corpus/recorded.json\n`);
