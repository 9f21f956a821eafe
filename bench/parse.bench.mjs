#!/usr/bin/env node
// Parsing speed of @guardts/guard-parser: all Control Tower rule files (237 files, ~1.1 MB)
// parsed in one warm process, several rounds, median reported; plus the cost of files with
// syntax errors (error recovery and messages). Needs a build (`pnpm build`) and ../shared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const ctDir = join(shared, 'corpus', 'ct-rules', 'cfn-guard');
const distEntry = join(root, 'packages', 'guard-parser', 'dist', 'index.js');
const TARGET_MS = 200;
const ROUNDS = 15;

console.log('## parse: Control Tower rules');
console.log('');
if (!existsSync(ctDir)) {
  console.log(`SKIPPED: ${ctDir} is absent (the ../shared corpus is not beside the repository; set GUARDTS_SHARED_DIR).`);
  process.exit(0);
}
if (!existsSync(distEntry)) {
  console.log(`FAILED: ${distEntry} is missing; run \`pnpm build\` first.`);
  process.exit(1);
}

const { parseRules } = await import(distEntry);
const files = readdirSync(ctDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.guard'))
  .map((name) => ({ name, text: readFileSync(join(ctDir, name), 'utf8') }));
const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);

function parseAll(inputs) {
  let rejected = 0;
  for (const { name, text } of inputs) if (parseRules(text, { fileName: name }).ast === null) rejected++;
  return rejected;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(inputs) {
  parseAll(inputs); // warm-up: JIT and Chevrotain's lazily built lookahead caches
  const times = [];
  const cpuTimes = [];
  let rejected = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    rejected = parseAll(inputs);
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(cpuTimes), rejected };
}

const clean = measure(files);
// Each file with one syntax error near its end: the error path (recovery, messages) must stay cheap.
const broken = files.map(({ name, text }) => ({ name, text: `${text}\nrule broken {\n  Cfg.Mode Exists\n}\n` }));
const withErrors = measure(broken);

const verdict = clean.median < TARGET_MS ? 'within' : 'OVER';
const row = (label, count, result) =>
  `| ${label} | ${count} | ${(bytes / 1024).toFixed(0)} KiB | ${result.median.toFixed(1)} ms | ${result.min.toFixed(1)} ms | ${result.max.toFixed(1)} ms | ${result.cpu.toFixed(1)} ms | ${result.rejected} |`;
console.log(`| input | files | size | median | min | max | median CPU | rejected |`);
console.log(`|---|---|---|---|---|---|---|---|`);
console.log(row('Control Tower rules', files.length, clean));
console.log(row('same, one syntax error appended to each', broken.length, withErrors));
console.log('');
console.log(`${ROUNDS} rounds after one warm-up round; wall-clock times, and the process CPU time (steadier on a busy machine).`);
console.log(`Target: under ${TARGET_MS} ms for the clean set (median ${verdict} target).`);
