#!/usr/bin/env node
// Asks cfn-guard 3.1.1 what built-in function calls return, to record the answers into
// function-reference-cases.ts. Input (stdin): JSON [{ "call": "to_upper(S.A)", "data": "<yaml>" }].
// Each call runs as `let x = CALL` + `%x == "<never>"`: the failing comparisons of the JSON
// report show every produced value with its path and type; an empty result makes the clause SKIP.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../../../', import.meta.url).pathname;
const binary = execFileSync(process.execPath, [join(root, 'scripts/get-reference-binary.mjs')], { encoding: 'utf8' }).trim();
const cases = JSON.parse(readFileSync(0, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'guard-fn-'));
const NEVER = 'zz-never-equal';
const results = [];
for (const { call, data } of cases) {
  writeFileSync(join(dir, 'r.guard'), `rule r {\n  let x = ${call}\n  %x == "${NEVER}"\n}\n`);
  writeFileSync(join(dir, 'd.yaml'), data);
  const run = spawnSync(binary, ['validate', '-r', 'r.guard', '-d', 'd.yaml', '-z', '-o', 'json', '-S', 'none'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 19 && run.status !== 0) {
    results.push({ call, data, outcome: { kind: 'error', exitCode: run.status, stderr: run.stderr.split('\n')[0].slice(0, 300) } });
    continue;
  }
  const report = JSON.parse(run.stdout)[0];
  if (report.not_compliant.length === 0) {
    results.push({ call, data, outcome: { kind: 'values', values: [] } });
    continue;
  }
  const values = report.not_compliant[0].Rule.checks.map(({ Clause }) => {
    const check = Clause.Binary.check.Resolved;
    const incomparable = /not comparable (\w+), String/.exec(Clause.Binary.messages.error_message);
    return { path: check.from.path, type: incomparable ? incomparable[1] : 'String', value: check.from.value };
  });
  results.push({ call, data, outcome: { kind: 'values', values } });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
