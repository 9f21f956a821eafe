#!/usr/bin/env node
// Asks cfn-guard 3.1.1 how Guard regexes behave, to record the answers into regex-cases.ts.
// Input (stdin): JSON [{ "pattern": "...", "inputs": ["...", ...] }]
// Output (stdout): JSON [{ "pattern", "compiles", "matches": [bool, ...] }]
// Each pattern gets its own rules file: an invalid pattern makes the whole file a parse error.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../../../', import.meta.url).pathname;
const binary = execFileSync(process.execPath, [join(root, 'scripts/get-reference-binary.mjs')], { encoding: 'utf8' }).trim();
const cases = JSON.parse(readFileSync(0, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'guard-regex-'));
const results = [];
for (const { pattern, inputs } of cases) {
  const literal = pattern.replaceAll('/', '\\/');
  const rules = inputs.map((_, i) => `rule c${i} {\n  D.c${i} == /${literal}/\n}\n`).join('');
  const data = { D: Object.fromEntries(inputs.map((input, i) => [`c${i}`, input])) };
  writeFileSync(join(dir, 'r.guard'), rules || `rule c0 {\n  D.x == /${literal}/\n}\n`);
  writeFileSync(join(dir, 'd.json'), JSON.stringify(data));
  const run = spawnSync(binary, ['validate', '-r', 'r.guard', '-d', 'd.json', '-z', '-o', 'json', '-S', 'none'], { cwd: dir, encoding: 'utf8' });
  if (run.status === 5) {
    results.push({ pattern, compiles: false, matches: [] });
    continue;
  }
  if (run.status !== 0 && run.status !== 19) {
    results.push({ pattern, compiles: true, error: `exit ${run.status}: ${run.stderr.split('\n')[0]}` });
    continue;
  }
  const report = JSON.parse(run.stdout)[0];
  const failing = new Set(report.not_compliant.map((entry) => entry.Rule.name));
  const passing = new Set(report.compliant);
  results.push({
    pattern,
    compiles: true,
    matches: inputs.map((_, i) => (passing.has(`c${i}`) ? true : failing.has(`c${i}`) ? false : 'skip')),
  });
}
process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
