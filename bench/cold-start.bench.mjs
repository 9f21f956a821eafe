#!/usr/bin/env node
// Cold start of the CLI (issue 7): one rules file x one template, each run a fresh process.
// Interleaved rounds of `node -e 0`, guardts as a user runs it (bin/guardts, which starts from the
// V8 startup snapshot), the same through bin/guardts.mjs (no snapshot) and `cfn-guard validate …`,
// so that machine noise falls on all alike; prints medians, guardts' net time (guardts - node) and
// the ratio net / cfn-guard (target: at most 1). Three more rows split guardts' time: node started
// from an empty user-land snapshot (what any snapshot start costs), guardts' snapshot answering
// `help` (deserialising its heap, next to no work) and `validate` started without the launcher, all
// three with the huge-page malloc setting and the V8 flags bin/guardts gives such a start.
// Wall times come from runs of the bare command; CPU times (user + sys of the process, what it
// does whatever the load) from a second run of each under bash's `times` (ms resolution) or, without
// bash, GNU time (10 ms). Needs a build (`pnpm build`), a POSIX sh, ../shared and the cached
// reference binary. GUARDTS_COLD_ROUNDS sets the number of rounds (default 20).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const { buildSnapshotBlob, snapshotBlobPath } = await import(join(root, 'packages', 'cli', 'bin', 'snapshot-blob.mjs'));
const blob = snapshotBlobPath(process.execPath);
const snapshot = existsSync(blob) ? { ok: true } : buildSnapshotBlob(process.execPath, blob);

// The floor of Node's user-land snapshots: a blob whose heap holds nothing of ours.
const scratch = mkdtempSync(join(tmpdir(), 'guardts-cold-'));
const emptyEntry = join(scratch, 'empty.cjs');
const emptyBlob = join(scratch, 'empty.blob');
writeFileSync(emptyEntry, "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");
spawnSync(process.execPath, ['--snapshot-blob', emptyBlob, '--build-snapshot', emptyEntry], { stdio: 'ignore' });

// As bin/guardts starts node from a snapshot (see there for why the hash tables are not rehashed).
const SNAPSHOT_FLAGS = ['--no-rehash-snapshot', '--snapshot-blob'];
const args = ['validate', '-r', join(corpus, 'registry', 'rules', 's3_bucket_logging_enabled.guard'), '-d', join(corpus, 'templates-dev', 'templates', 'S3', 'compliant-bucket.yaml')];
const CONTENDERS = {
  node: [process.execPath, ['-e', '0']],
  guardts: [launcher, args],
  'guardts.mjs': [process.execPath, [guardtsMjs, ...args]],
  'cfn-guard': [reference, args],
  ...(existsSync(emptyBlob) ? { 'empty snapshot': [process.execPath, [...SNAPSHOT_FLAGS, emptyBlob]] } : {}),
  ...(snapshot.ok ? { 'snapshot help': [process.execPath, [...SNAPSHOT_FLAGS, blob, 'help']], 'snapshot validate': [process.execPath, ['--max-semi-space-size=4', ...SNAPSHOT_FLAGS, blob, ...args]] } : {}),
};
// bin/guardts runs the first `node` on PATH: make it this one, whose snapshot the bench builds.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
delete env.GUARDTS_NO_SNAPSHOT;

const bash = ['/bin/bash', '/usr/bin/bash'].find((path) => existsSync(path)) ?? null;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cpuFile = join(scratch, 'cpu');
const cpuSource = bash !== null ? "bash's `times` (ms resolution)" : gnuTime !== null ? 'GNU time (10 ms resolution)' : null;

// The rows that split guardts' time start node as bin/guardts does for this case: with glibc's
// huge pages for malloc (see there), and validate with its V8 flag.
const hugePages = { ...env, GLIBC_TUNABLES: `${env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:` : ''}glibc.malloc.hugetlb=1` };
const SPLIT_ROWS = new Set(['empty snapshot', 'snapshot help', 'snapshot validate']);
const envOf = (name) => (SPLIT_ROWS.has(name) ? hugePages : env);

function wallOnce([command, argv], runEnv) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, argv, { encoding: 'utf8', env: runEnv, maxBuffer: 64 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: result.status };
}

const seconds = (text) => {
  const [, minutes, secs] = /^(\d+)m([\d.]+)s$/.exec(text) ?? [];
  return Number(minutes) * 60 + Number(secs);
};

/** The command's user + sys CPU time in ms; its stdout stays a pipe, as in the wall-time runs. */
function cpuOnce([command, argv], runEnv) {
  if (bash !== null) {
    const result = spawnSync(bash, ['-c', '"$@"; status=$?; times >&3; exit $status', 'bash', command, ...argv], { encoding: 'utf8', env: runEnv, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    // `times`: the shell's own user/sys, then its children's.
    const children = (result.output[3] ?? '').trim().split('\n').at(-1)?.split(' ') ?? [];
    return children.reduce((sum, field) => sum + seconds(field) * 1000, 0);
  }
  if (gnuTime === null) return NaN;
  spawnSync(gnuTime, ['-f', '%U %S', '-o', cpuFile, command, ...argv], { encoding: 'utf8', env: runEnv, maxBuffer: 64 * 1024 * 1024 });
  return readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').reduce((sum, secs) => sum + Number(secs) * 1000, 0);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// One warm-up round: fills the OS page cache and guardts' compile/snapshot caches, as a user's second run would.
for (const [name, contender] of Object.entries(CONTENDERS)) wallOnce(contender, envOf(name));

const names = Object.keys(CONTENDERS);
const times = Object.fromEntries(names.map((name) => [name, []]));
const cpuTimes = Object.fromEntries(names.map((name) => [name, []]));
const statuses = Object.fromEntries(names.map((name) => [name, new Set()]));
const loadBefore = loadavg()[0];
for (let round = 0; round < rounds; round++) {
  for (const [name, contender] of Object.entries(CONTENDERS)) {
    const { ms, status } = wallOnce(contender, envOf(name));
    times[name].push(ms);
    statuses[name].add(status);
    cpuTimes[name].push(cpuOnce(contender, envOf(name)));
  }
}
rmSync(scratch, { recursive: true, force: true });

const node = median(times.node);
const theirs = median(times['cfn-guard']);
const exits = (name) => [...statuses[name]].join('/');
const sameExit = exits('guardts') === exits('cfn-guard') && exits('guardts.mjs') === exits('cfn-guard');
const row = (label, name) => {
  if (times[name] === undefined) return `| ${label} | not measured | | | | | |`;
  const whole = median(times[name]);
  const net = name === 'node' || name === 'cfn-guard' ? '' : `${(whole - node).toFixed(1)}`;
  const ratio = name === 'guardts' || name === 'guardts.mjs' ? `${((whole - node) / theirs).toFixed(2)}x` : '';
  return `| ${label} | ${whole.toFixed(1)} | ${Math.min(...times[name]).toFixed(1)} | ${net} | ${ratio} | ${median(cpuTimes[name]).toFixed(cpuSource?.startsWith('bash') ? 1 : 0)} | ${exits(name)} |`;
};
const net = median(times.guardts) - node;
const step = (from, to) => (times[from] === undefined || times[to] === undefined ? '?' : (median(times[to]) - median(times[from])).toFixed(1));
const lines = [
  `## Cold start (median of ${rounds} interleaved rounds, ms)`,
  '',
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadBefore.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end, Node ${process.version}`,
  `Startup snapshot for this node: ${snapshot.ok ? 'present' : `MISSING (${snapshot.message})`}; CPU times ${cpuSource === null ? 'not measured (neither bash nor GNU time)' : `from ${cpuSource}`}`,
  '',
  '| | median | min | net of node | net / cfn-guard | CPU (user+sys, median) | exit |',
  '|---|---:|---:|---:|---:|---:|---:|',
  row('`node -e 0`', 'node'),
  row('guardts validate (bin/guardts: startup snapshot)', 'guardts'),
  row('guardts validate (bin/guardts.mjs: bundle + compile cache)', 'guardts.mjs'),
  row('cfn-guard 3.1.1 validate', 'cfn-guard'),
  row('node from an empty user-land snapshot', 'empty snapshot'),
  row("guardts' snapshot, `help` (no work)", 'snapshot help'),
  row("guardts' snapshot, validate without bin/guardts", 'snapshot validate'),
  '',
  `guardts net of node: **${net.toFixed(1)} ms** = **${(net / theirs).toFixed(2)}x** cfn-guard's whole time (target: at most 1x). Exit codes ${sameExit ? 'equal' : 'DIFFER'}.`,
  `Where the net time goes (medians): any user-land snapshot ${step('node', 'empty snapshot')}, guardts' heap ${step('empty snapshot', 'snapshot help')}, the validate itself ${step('snapshot help', 'snapshot validate')}, bin/guardts ${step('snapshot validate', 'guardts')}.`,
];
console.log(lines.join('\n'));
if (!sameExit) process.exitCode = 1;
