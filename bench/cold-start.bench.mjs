#!/usr/bin/env node
// Cold start of the CLI (issue 7): one rules file x one template, each run a fresh process.
// Interleaved rounds of `node -e 0`, `guardts validate …` as a user runs it (bin/guardts, which
// starts from the V8 startup snapshot), the same through bin/guardts.mjs (no snapshot) and
// `cfn-guard validate …`, so that machine noise falls on all alike; prints medians, guardts' net
// time (guardts - node) and the ratio net / cfn-guard (target: at most 1). Needs a build
// (`pnpm build`), a POSIX sh, ../shared and the cached reference binary. GUARDTS_COLD_ROUNDS sets the
// number of rounds (default 20).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const corpus = join(shared, 'corpus');
const launcher = join(root, 'packages', 'cli', 'bin', 'guardts');
const guardtsMjs = join(root, 'packages', 'cli', 'bin', 'guardts.mjs');
const reference = join(root, '.cache', 'cfn-guard-3.1.1', 'cfn-guard-x86_64');
const rounds = Number(process.env.GUARDTS_COLD_ROUNDS ?? 20);

if (!existsSync(corpus) || !existsSync(reference)) {
  console.log('## Cold start\n\nskipped: needs ../shared beside the repository and the cached cfn-guard binary');
  process.exit(0);
}

const args = ['validate', '-r', join(corpus, 'registry', 'rules', 's3_bucket_logging_enabled.guard'), '-d', join(corpus, 'templates-dev', 'templates', 'S3', 'compliant-bucket.yaml')];
const CONTENDERS = {
  node: [process.execPath, ['-e', '0']],
  guardts: [launcher, args],
  'guardts.mjs': [process.execPath, [guardtsMjs, ...args]],
  'cfn-guard': [reference, args],
};
// bin/guardts runs the first `node` on PATH: make it this one, whose snapshot the bench builds.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
delete env.GUARDTS_NO_SNAPSHOT;

const { buildSnapshotBlob, snapshotBlobPath } = await import(join(root, 'packages', 'cli', 'bin', 'snapshot-blob.mjs'));
const blob = snapshotBlobPath(process.execPath);
const snapshot = existsSync(blob) ? { ok: true } : buildSnapshotBlob(process.execPath, blob);

// CPU time (user + sys) through GNU time where there is one: on a loaded machine wall time is
// mostly waiting for a core, CPU time is the work each process does.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cpuFile = join(mkdtempSync(join(tmpdir(), 'guardts-cold-')), 'cpu');

function runOnce([command, argv]) {
  const [program, programArgs] = gnuTime === null ? [command, argv] : [gnuTime, ['-f', '%U %S', '-o', cpuFile, command, ...argv]];
  const started = process.hrtime.bigint();
  const result = spawnSync(program, programArgs, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuMs = gnuTime === null ? NaN : readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').reduce((sum, seconds) => sum + Number(seconds) * 1000, 0);
  return { ms, cpuMs, status: result.status };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// One warm-up round: fills the OS page cache and guardts' compile/snapshot caches, as a user's second run would.
for (const contender of Object.values(CONTENDERS)) runOnce(contender);

const times = Object.fromEntries(Object.keys(CONTENDERS).map((name) => [name, []]));
const cpuTimes = Object.fromEntries(Object.keys(CONTENDERS).map((name) => [name, []]));
const statuses = Object.fromEntries(Object.keys(CONTENDERS).map((name) => [name, new Set()]));
for (let round = 0; round < rounds; round++) {
  for (const [name, contender] of Object.entries(CONTENDERS)) {
    const { ms, cpuMs, status } = runOnce(contender);
    times[name].push(ms);
    cpuTimes[name].push(cpuMs);
    statuses[name].add(status);
  }
}

const node = median(times.node);
const theirs = median(times['cfn-guard']);
const exits = (name) => [...statuses[name]].join('/');
const sameExit = exits('guardts') === exits('cfn-guard') && exits('guardts.mjs') === exits('cfn-guard');
const row = (label, name) => {
  const whole = median(times[name]);
  const net = name === 'node' || name === 'cfn-guard' ? '' : `${(whole - node).toFixed(1)}`;
  const ratio = net === '' ? '' : `${((whole - node) / theirs).toFixed(2)}x`;
  return `| ${label} | ${whole.toFixed(1)} | ${Math.min(...times[name]).toFixed(1)} | ${net} | ${ratio} | ${median(cpuTimes[name]).toFixed(0)} | ${exits(name)} |`;
};
const net = median(times.guardts) - node;
const lines = [
  `## Cold start (median of ${rounds} interleaved rounds, ms)`,
  '',
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}, Node ${process.version}`,
  `Startup snapshot for this node: ${snapshot.ok ? 'present' : `MISSING (${snapshot.message})`}; CPU times ${gnuTime === null ? 'not measured (no /usr/bin/time)' : 'from /usr/bin/time, 10 ms resolution'}`,
  '',
  '| | median | min | net of node | net / cfn-guard | CPU (user+sys, median) | exit |',
  '|---|---:|---:|---:|---:|---:|---:|',
  row('`node -e 0`', 'node'),
  row('guardts validate (bin/guardts: startup snapshot)', 'guardts'),
  row('guardts validate (bin/guardts.mjs: bundle + compile cache)', 'guardts.mjs'),
  row('cfn-guard 3.1.1 validate', 'cfn-guard'),
  '',
  `guardts net of node: **${net.toFixed(1)} ms** = **${(net / theirs).toFixed(2)}x** cfn-guard's whole time (target: at most 1x). Exit codes ${sameExit ? 'equal' : 'DIFFER'}.`,
];
console.log(lines.join('\n'));
if (!sameExit) process.exitCode = 1;
