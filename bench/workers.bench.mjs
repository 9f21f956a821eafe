#!/usr/bin/env node
// `validate --jobs`: wall time and peak RSS of the built CLI with the main thread alone
// (`--jobs 1`), two threads, and the default (`auto`), on ct-all (237 Control Tower rules x
// templates-dev), on four copies of templates-dev (604 data files), and on those 604 with only
// the S3 rules (where compiling the rules in every thread costs little). Runs interleaved (1, 2,
// auto, 1, 2, auto, ...) so that a noisy machine hurts every column alike; median of 3.
// Needs a build (`pnpm build`) and ../shared; peak RSS needs /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const guardts = join(root, 'packages', 'cli', 'bin', 'guardts.mjs');
const corpus = join(shared, 'corpus');
const timeBin = '/usr/bin/time';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

if (!existsSync(corpus)) {
  console.log('## validate --jobs (worker threads)\n\nskipped: ../shared is not beside the repository');
  process.exit(0);
}

const templates = join(corpus, 'templates-dev', 'templates');
const quadruple = mkdtempSync(join(tmpdir(), 'guardts-bench-jobs-'));
for (let copy = 0; copy < 4; copy += 1) symlinkSync(templates, join(quadruple, `copy${copy}`));
mkdirSync(join(quadruple, 'empty'));

const CASES = [
  { name: 'ct-all: 237 CT rules x 151 templates', args: ['-r', join(corpus, 'ct-rules', 'cfn-guard'), '-d', templates] },
  // Symbolic links to directories are not followed by the walk (as cfn-guard's), so name each copy.
  { name: 'ct-all x 4: 237 CT rules x 604 templates', args: ['-r', join(corpus, 'ct-rules', 'cfn-guard'), ...[0, 1, 2, 3].flatMap((copy) => ['-d', join(quadruple, `copy${copy}`, '.')])] },
  { name: 'S3 CT rules x 604 templates', args: ['-r', join(corpus, 'ct-rules', 'cfn-guard', 's3'), ...[0, 1, 2, 3].flatMap((copy) => ['-d', join(quadruple, `copy${copy}`, '.')])] },
];
const JOBS = ['1', '2', 'auto'];

function measure(args) {
  const command = existsSync(timeBin) ? timeBin : process.execPath;
  const fullArgs = existsSync(timeBin) ? ['-f', '%M %U %S', process.execPath, guardts, 'validate', ...args] : [guardts, 'validate', ...args];
  const started = performance.now();
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - started;
  const [rssKiB, user, sys] = existsSync(timeBin) ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, rssKiB, cpuMs: (user + sys) * 1000, status: result.status, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const lines = [
  '## validate --jobs (worker threads)',
  '',
  `${availableParallelism()} cores, load average ${loadavg().map((load) => load.toFixed(1)).join(' / ')} at the start; median of ${RUNS} interleaved runs.`,
  '',
  '| batch | --jobs | wall (ms) | CPU user+sys (ms) | peak RSS (MiB) | exit | stdout same as --jobs 1 |',
  '|---|---:|---:|---:|---:|---:|---|',
];
for (const { name, args } of CASES) {
  const runs = Object.fromEntries(JOBS.map((jobs) => [jobs, []]));
  for (let round = 0; round < RUNS; round += 1) for (const jobs of JOBS) runs[jobs].push(measure([...args, '--jobs', jobs]));
  for (const jobs of JOBS) {
    const results = runs[jobs];
    const same = results.every((result) => result.stdout === runs['1'][0].stdout);
    lines.push(`| ${name} | ${jobs} | ${median(results.map((r) => r.ms)).toFixed(0)} | ${median(results.map((r) => r.cpuMs)).toFixed(0)} | ${(median(results.map((r) => r.rssKiB)) / 1024).toFixed(1)} | ${results[0].status} | ${same ? 'yes' : '**no**'} |`);
  }
}
rmSync(quadruple, { recursive: true, force: true });
console.log(lines.join('\n'));
