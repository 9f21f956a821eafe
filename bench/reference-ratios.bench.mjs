#!/usr/bin/env node
// Side-by-side ratios guardts vs cfn-guard 3.1.1 (issue "Performance: at least 30x faster"):
// 1. ct-all (237 CT rules x templates-dev, one process each; cfn-guard ~77 s, run once),
// 2. cold start (small case; guardts minus a bare `node -e 0`, medians, interleaved),
// 3. scaling on generated S3 templates (passing and failing).
// Peak RSS comes from /usr/bin/time -v. Prints a markdown table; run with Node 22.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
if (!existsSync(corpus)) { console.log(`reference-ratios: ${corpus} absent, nothing measured`); process.exit(0); }
const reference = execFileSync(process.execPath, [join(root, 'scripts', 'get-reference-binary.mjs')], { encoding: 'utf8' }).trim();
const guardts = [process.execPath, join(root, 'packages', 'cli', 'bin', 'guardts.mjs')];
const hasTime = existsSync('/usr/bin/time');

function timed(cmd, args, timeoutMs = 0) {
  const argv = hasTime ? ['/usr/bin/time', ['-v', cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const run = spawnSync(argv[0], argv[1], { cwd: corpus, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs || undefined, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
  const exit = Number(/Exit status: (\d+)/.exec(run.stderr ?? '')?.[1] ?? run.status);
  return { ms, rssKb, exit: run.error ? 'timeout' : exit, timedOut: Boolean(run.error) };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kb) => (Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);
const rows = ['| case | guardts | cfn-guard 3.1.1 | ratio | exit g/ref | peak RSS g/ref |', '|---|---|---|---|---|---|'];

// 1. ct-all
const ctArgs = ['validate', '-r', 'ct-rules/cfn-guard', '-d', 'templates-dev/templates'];
const g1 = timed(guardts[0], [guardts[1], ...ctArgs]);
const r1 = timed(reference, ctArgs);
rows.push(`| ct-all | ${(g1.ms / 1000).toFixed(2)} s | ${(r1.ms / 1000).toFixed(1)} s | ${(r1.ms / g1.ms).toFixed(1)}x | ${g1.exit}/${r1.exit} | ${mib(g1.rssKb)} / ${mib(r1.rssKb)} (${(g1.rssKb / r1.rssKb).toFixed(1)}x) |`);

// 2. cold start
const small = ['validate', '-r', 'registry/rules/s3_bucket_logging_enabled.guard', '-d', 'templates-dev/templates/S3/compliant-bucket.yaml'];
const bare = [], g2 = [], r2 = [];
for (let i = 0; i < 10; i++) {
  bare.push(timed(process.execPath, ['-e', '0']).ms);
  g2.push(timed(guardts[0], [guardts[1], ...small]).ms);
  r2.push(timed(reference, small).ms);
}
const gNet = median(g2) - median(bare);
rows.push(`| cold start (guardts minus node -e 0 = ${median(bare).toFixed(0)} ms) | ${gNet.toFixed(0)} ms (whole ${median(g2).toFixed(0)} ms) | ${median(r2).toFixed(0)} ms | ${(median(r2) / gNet).toFixed(2)}x | | |`);

// 3. scaling
const dir = mkdtempSync(join(tmpdir(), 'guardts-scale-'));
const rule = join(dir, 'rule.guard');
writeFileSync(rule, "Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.BucketName exists\n");
for (const n of [1000, 5000, 20000]) {
  for (const failing of [false, true]) {
    const lines = ['Resources:'];
    for (let i = 0; i < n; i++) lines.push(`  B${i}:`, '    Type: AWS::S3::Bucket', '    Properties:', failing ? `      Tags: []` : `      BucketName: bucket-${i}`);
    const file = join(dir, `s3-${n}-${failing ? 'fail' : 'pass'}.yaml`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['validate', '-r', rule, '-d', file];
    const g = timed(guardts[0], [guardts[1], ...args]);
    const r = timed(reference, args, 60_000);
    const refCell = r.timedOut ? '> 60 s' : `${(r.ms / 1000).toFixed(2)} s`;
    const ratio = r.timedOut ? `> ${(60000 / g.ms).toFixed(1)}x` : `${(r.ms / g.ms).toFixed(1)}x`;
    rows.push(`| ${n} buckets ${failing ? 'failing' : 'passing'} | ${(g.ms / 1000).toFixed(2)} s | ${refCell} | ${ratio} | ${g.exit}/${r.exit} | ${mib(g.rssKb)} / ${mib(r.rssKb)} |`);
  }
}
console.log(rows.join('\n'));
