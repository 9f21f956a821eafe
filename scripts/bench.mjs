#!/usr/bin/env node
// Runs every bench/*.bench.mjs (or those named on the command line) one after the other, in
// separate processes so that one benchmark's heap does not disturb the next, and collects their
// markdown reports into bench/results/latest.md together with the machine they ran on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();

const header = [
  `# guardts benchmarks`,
  '',
  `- date: ${new Date().toISOString()}`,
  `- node: ${process.version}`,
  `- machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  `- command: pnpm bench ${wanted.join(' ')}`.trimEnd(),
  '',
];
const sections = [];
let failures = 0;
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(benchDir, file)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(run.stdout);
  if (run.status !== 0) failures += 1;
  sections.push(`## ${file}${run.status === 0 ? '' : ` (exit ${run.status})`}\n\n${run.stdout.trim()}\n`);
}
mkdirSync(join(benchDir, 'results'), { recursive: true });
writeFileSync(join(benchDir, 'results', 'latest.md'), `${header.join('\n')}\n${sections.join('\n')}`);
process.exit(failures > 0 ? 1 : 0);
