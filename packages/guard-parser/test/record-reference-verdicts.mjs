#!/usr/bin/env node
// Re-records fixtures/reference-verdicts.json with cfn-guard 3.1.1: every case already there,
// plus the texts of an optional JSON array file given as argument (new cases to add).
//   node packages/guard-parser/test/record-reference-verdicts.mjs [new-cases.json]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('./fixtures/reference-verdicts.json', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const binary = execFileSync(process.execPath, [join(root, 'scripts', 'get-reference-binary.mjs')], { encoding: 'utf8' }).trim();

const data = JSON.parse(readFileSync(fixture, 'utf8'));
const texts = data.cases.map((c) => c.text);
if (process.argv[2] !== undefined) {
  for (const text of JSON.parse(readFileSync(process.argv[2], 'utf8'))) if (!texts.includes(text)) texts.push(text);
}

const file = join(mkdtempSync(join(tmpdir(), 'guardts-record-')), 'case.guard');
data.cases = texts.map((text) => {
  writeFileSync(file, text);
  return { text, accepted: spawnSync(binary, ['parse-tree', '-r', file]).status === 0 };
});
writeFileSync(fixture, `${JSON.stringify(data, null, 1)}\n`);
console.log(`${data.cases.length} cases recorded (${data.cases.filter((c) => c.accepted).length} accepted)`);
