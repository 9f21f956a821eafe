#!/usr/bin/env node
// The side-by-side table, guardts vs cfn-guard 3.1.1, in one run (docs/performance.md):
// 1. ct-all: `validate -r ct-rules/cfn-guard -d templates-dev/templates` in one process each —
//    wall time and peak RSS of both tools, exit codes compared (targets: >= 30x, RSS <= 4x);
//    guardts as users run it (`bin/guardts`, with its startup snapshot) and as `node guardts.mjs`;
// 2. scaling: 1,000 / 5,000 / 20,000 `AWS::S3::Bucket` resources under
//    `Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.BucketName exists`, all passing and all
//    failing, default output (and, guardts only, -o json and -S all on the failing ones), with
//    cfn-guard capped at 60 s ("> 60 s"). guardts should grow linearly: see the ms per 1,000 column.
// Wall and peak RSS come from /usr/bin/time (-f '%e %M'; RSS includes the children, e.g. workers);
// without it, wall time only. cfn-guard runs once per case (it takes minutes); guardts the median of
// GUARDTS_BENCH_RUNS (default 3). Run with Node 22 on a quiet machine: `pnpm bench` or
// `node bench/reference-ratios.bench.mjs`; it takes ~4-6 minutes, mostly cfn-guard.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, availableParallelism } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
if (!existsSync(corpus)) {
  console.log(`reference-ratios: ${corpus} absent, nothing measured`);
  process.exit(0);
}
const reference = execFileSync(process.execPath, [join(root, 'scripts', 'get-reference-binary.mjs')], { encoding: 'utf8' }).trim();
const guardtsBin = join(root, 'packages', 'cli', 'bin', 'guardts.mjs');
const hasTime = existsSync('/usr/bin/time');
const hasTimeout = existsSync('/usr/bin/timeout');
const runs = Number(process.env.GUARDTS_BENCH_RUNS ?? 3);
const capSeconds = 60;
const work = mkdtempSync(join(tmpdir(), 'guardts-ratios-'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

/** One process: wall seconds, peak RSS in KiB (NaN without /usr/bin/time), exit code or 'timeout'. */
function measure(command, args, capped = false) {
  const timeFile = join(work, 'time.txt');
  rmSync(timeFile, { force: true });
  let argv = [command, ...args];
  // `timeout` kills the tool itself (a killed /usr/bin/time would leave it running); exit 124 = cut.
  if (capped && hasTimeout) argv = ['/usr/bin/timeout', String(capSeconds), ...argv];
  if (hasTime) argv = ['/usr/bin/time', '-f', '%e %M %x', '-o', timeFile, ...argv];
  const started = process.hrtime.bigint();
  const run = spawnSync(argv[0], argv.slice(1), { cwd: corpus, stdio: ['ignore', 'ignore', 'ignore'], timeout: capped && !hasTimeout ? capSeconds * 1000 : undefined });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let rssKb = Number.NaN;
  let exit = run.status ?? 'killed';
  if (hasTime && existsSync(timeFile)) {
    // `time` prints "Command exited with non-zero status N" first when the command fails.
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ');
    rssKb = Number(last[1]);
    exit = Number(last[2]);
  }
  const timedOut = (capped && hasTimeout && exit === 124) || run.error !== undefined;
  return { wall, rssKb, exit: timedOut ? 'timeout' : exit, timedOut };
}

const guardtsMjs = (args) => measure(process.execPath, [guardtsBin, ...args]);
// `bin/guardts` is the command users run (sh; a V8 startup snapshot when one is built for this
// node); it finds node on PATH, so this node goes first.
const guardtsSh = join(root, 'packages', 'cli', 'bin', 'guardts');
process.env.PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
const snapshotBlob = join(root, 'packages', 'cli', 'dist', 'snapshot', 'blobs') + realpathSync(process.execPath) + '.blob';
const useSh = existsSync(guardtsSh) && process.platform !== 'win32';
if (useSh) {
  // guardts.mjs builds the blob in the background after its first run: wait for it (at most 60 s).
  measure(process.execPath, [guardtsBin, 'validate', '-r', 'registry/rules/s3_bucket_logging_enabled.guard', '-d', 'templates-dev/templates/S3/compliant-bucket.yaml']);
  for (let waited = 0; !existsSync(snapshotBlob) && waited < 60; waited++) spawnSync('sleep', ['1']);
}
const guardts = useSh ? (args) => measure(guardtsSh, args) : guardtsMjs;
const guardtsName = useSh ? `bin/guardts (${existsSync(snapshotBlob) ? 'startup snapshot' : 'no snapshot built'})` : 'node bin/guardts.mjs';
const cfnGuard = (args, capped = false) => measure(reference, args, capped);
function medianOf(make) {
  const results = Array.from({ length: runs }, make).sort((a, b) => a.wall - b.wall);
  return { ...results[Math.floor(results.length / 2)], walls: results.map((r) => r.wall) };
}
const seconds = (r) => (r.timedOut ? `> ${capSeconds} s` : `${r.wall.toFixed(2)} s`);
const mib = (kb) => (Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);
const ratio = (ref, ours) => (ref.timedOut ? `> ${(capSeconds / ours.wall).toFixed(0)}x` : `${(ref.wall / ours.wall).toFixed(1)}x`);

const out = [];
out.push('## reference-ratios: guardts vs cfn-guard 3.1.1');
out.push('');
out.push(`Machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average at start ${load()}.`);
out.push(`guardts: \`packages/cli/${guardtsName}\` (median of ${runs}); cfn-guard: \`${reference}\` (once); cwd ${corpus}; output to /dev/null.`);
out.push('');

// 1. ct-all
const ctArgs = ['validate', '-r', 'ct-rules/cfn-guard', '-d', 'templates-dev/templates'];
const gDefault = medianOf(() => guardts(ctArgs));
const gSingle = medianOf(() => guardtsMjs(ctArgs));
const rCt = cfnGuard(ctArgs);
out.push('| ct-all (237 CT rule files x templates-dev) | wall | peak RSS | exit |');
out.push('|---|---|---|---|');
out.push(`| guardts: ${guardtsName} | ${seconds(gDefault)} (runs: ${gDefault.walls.map((w) => w.toFixed(2)).join(', ')}) | ${mib(gDefault.rssKb)} | ${gDefault.exit} |`);
out.push(`| guardts: node bin/guardts.mjs | ${seconds(gSingle)} (runs: ${gSingle.walls.map((w) => w.toFixed(2)).join(', ')}) | ${mib(gSingle.rssKb)} | ${gSingle.exit} |`);
out.push(`| cfn-guard 3.1.1 | ${seconds(rCt)} | ${mib(rCt.rssKb)} | ${rCt.exit} |`);
out.push(
  `| **ratio** (bin/guardts / guardts.mjs) | **${ratio(rCt, gDefault)}** / ${ratio(rCt, gSingle)} faster (target >= 30x) | ${(gDefault.rssKb / rCt.rssKb).toFixed(1)}x / ${(gSingle.rssKb / rCt.rssKb).toFixed(1)}x (target <= 4x) | ${gDefault.exit === rCt.exit && gSingle.exit === rCt.exit ? 'same' : '**DIFFERENT**'} |`,
);
out.push('');

// 2. scaling
const rule = join(work, 'bucket-names.guard');
writeFileSync(rule, "Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.BucketName exists\n");
out.push("Scaling: `validate -r <rule> -d <n buckets>.yaml`, rule `Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.BucketName exists`.");
out.push('');
out.push('| buckets | outcome | output | guardts | guardts ms per 1,000 | guardts peak RSS | cfn-guard 3.1.1 | ratio | exit g/ref |');
out.push('|---|---|---|---|---|---|---|---|---|');
const referenceSlow = { pass: false, fail: false };
for (const failing of [false, true]) {
  for (const n of [1000, 5000, 20000]) {
    const lines = ['Resources:'];
    for (let i = 0; i < n; i++) lines.push(`  Bucket${i}:`, '    Type: AWS::S3::Bucket', '    Properties:', failing ? '      Tags: []' : `      BucketName: bucket-${i}`);
    const file = join(work, `s3-${n}-${failing ? 'failing' : 'passing'}.yaml`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const outcome = failing ? 'fail' : 'pass';
    const formats = failing ? [[], ['-o', 'json'], ['-S', 'all']] : [[]];
    for (const format of formats) {
      const args = ['validate', '-r', rule, '-d', file, ...format];
      const g = medianOf(() => guardts(args));
      // cfn-guard only for the default output; once it passed the cap, larger inputs are not run.
      const r = format.length > 0 ? null : referenceSlow[outcome] ? { timedOut: true, wall: Infinity, exit: 'not run' } : cfnGuard(args, true);
      if (r?.timedOut) referenceSlow[outcome] = true;
      const refCell = r === null ? '' : r.exit === 'not run' ? `> ${capSeconds} s (not run: smaller input already was)` : seconds(r);
      const exits = r === null ? `${g.exit}/` : `${g.exit}/${r.exit}`;
      out.push(`| ${n.toLocaleString('en')} | ${outcome} | ${format.join(' ') || 'default'} | ${seconds(g)} | ${((g.wall * 1e6) / n).toFixed(0)} | ${mib(g.rssKb)} | ${refCell} | ${r === null ? '' : ratio(r, g)} | ${exits} |`);
    }
  }
}
out.push('');
out.push(`Load average at the end: ${load()}. The ms per 1,000 column includes the ~0.15-0.3 s start-up of each process, so it falls as n grows when growth is linear.`);
rmSync(work, { recursive: true, force: true });
console.log(out.join('\n'));
