#!/usr/bin/env node
// `guardts watch` latency: the time from a file save to the moment the new findings are on the
// watcher's stdout. Runs the built CLI on copies of examples/seed (the rule and the template, with
// `--as config-item`), saves the template N times alternating PassThrough / Active so that the
// verdict flips each time, then the rules file likewise, then the template by rename; also times
// the in-process part (the session's re-evaluation, without fs.watch, debounce and pipes). With
// ../shared, the same on a larger input (templates-dev x the S3 Control Tower rules). Needs `pnpm build`.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const guardts = join(root, 'packages', 'cli', 'bin', 'guardts.mjs');
const dist = join(root, 'packages', 'cli', 'dist');
const seed = join(root, 'examples', 'seed');
const corpus = join(process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared'), 'corpus');
const N = 30;
const TARGET_MS = 50;
const TIMEOUT_MS = 20_000;

if (!existsSync(join(dist, 'watch', 'watch-session.js'))) {
  console.log('## watch latency\n\nskipped: packages/cli is not built (run `pnpm build`)');
  process.exit(0);
}

/** A running `guardts watch`: its stdout so far, and a wait for the next verdict line. */
function startWatch(args, cwd) {
  const child = spawn(process.execPath, [guardts, 'watch', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
  const handle = { stdout: '', waiter: null };
  child.stdout.on('data', (chunk) => {
    handle.stdout += chunk.toString();
    handle.waiter?.();
  });
  /** Resolves with performance.now() once stdout after `offset` has a verdict line starting with `verdict`. */
  handle.verdictAfter = (offset, verdict = '') => {
    const pattern = new RegExp(`^watch: ${verdict}`, 'm');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "watch: ${verdict}" within ${TIMEOUT_MS} ms; output:\n${handle.stdout.slice(offset)}`)), TIMEOUT_MS);
      handle.waiter = () => {
        if (!pattern.test(handle.stdout.slice(offset))) return;
        clearTimeout(timer);
        handle.waiter = null;
        resolve(performance.now());
      };
      handle.waiter();
    });
  };
  handle.stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exited;
  };
  return handle;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** N saves: `save(i)` writes and names the verdict to wait for; returns the latencies in ms. */
async function measure(watch, save) {
  const times = [];
  for (let i = 0; i < N; i++) {
    const offset = watch.stdout.length;
    const started = performance.now();
    const verdict = save(i);
    times.push((await watch.verdictAfter(offset, verdict)) - started);
    // Let the last events of this save drain before the next one.
    await pause(40);
  }
  return times;
}

function saveByRename(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function row(name, times, judged = true) {
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const verdict = !judged ? 'n/a' : median < TARGET_MS && p95 < TARGET_MS ? 'met' : 'NOT met';
  return `| ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${verdict} |`;
}

async function seedLatency(dir) {
  const ruleActive = readFileSync(join(seed, 'lambda_tracing_config_item.guard'), 'utf8');
  const rulePassThrough = ruleActive.replace('== "Active"', '== "PassThrough"');
  const templateActive = readFileSync(join(seed, 'template-active.yaml'), 'utf8');
  const templatePassThrough = readFileSync(join(seed, 'template-passthrough.yaml'), 'utf8');
  if (rulePassThrough === ruleActive) throw new Error('the seed rule no longer compares with "Active"');
  const rulesPath = join(dir, 'rules.guard');
  const templatePath = join(dir, 'template.yaml');
  writeFileSync(rulesPath, ruleActive);
  writeFileSync(templatePath, templateActive);
  const flip = (i, failing, passing) => (i % 2 === 0 ? failing : passing);

  const rows = [];
  const watch = startWatch(['-r', 'rules.guard', '-d', 'template.yaml', '--as', 'config-item'], dir);
  try {
    await watch.verdictAfter(0, 'PASS ');
    rows.push(row('template saved (write in place)', await measure(watch, (i) => (writeFileSync(templatePath, flip(i, templatePassThrough, templateActive)), flip(i, 'FAIL ', 'PASS ')))));
    // After an even number of saves the template is Active again: the rule decides from here on.
    rows.push(row('rules file saved (write in place)', await measure(watch, (i) => (writeFileSync(rulesPath, flip(i, rulePassThrough, ruleActive)), flip(i, 'FAIL ', 'PASS ')))));
    rows.push(row('template saved by rename (editor style)', await measure(watch, (i) => (saveByRename(templatePath, flip(i, templatePassThrough, templateActive)), flip(i, 'FAIL ', 'PASS ')))));
  } finally {
    await watch.stop();
  }

  // The in-process share: the session alone, fed the changed path directly.
  const { WatchSession } = await import(pathToFileURL(join(dist, 'watch', 'watch-session.js')).href);
  const { fileSystemSources } = await import(pathToFileURL(join(dist, 'watch', 'watch-sources.js')).href);
  const { evaluatorEngine } = await import(pathToFileURL(join(dist, 'engine', 'evaluator-engine.js')).href);
  const { documentExpander } = await import(pathToFileURL(join(dist, 'validate', 'document-mode.js')).href);
  const quiet = { stdout: { write() {} }, stderr: { write() {} }, readStdin: () => '', env: {}, cwd: dir };
  const session = new WatchSession({
    engine: evaluatorEngine(),
    sources: fileSystemSources({ rules: ['rules.guard'], data: ['template.yaml'], order: 'alphabetical', cwd: dir }),
    expandDocuments: documentExpander('config-item', {}, quiet),
  });
  session.start();
  const inProcess = [];
  for (let i = 0; i < N; i++) {
    writeFileSync(templatePath, flip(i, templatePassThrough, templateActive));
    const started = performance.now();
    const run = session.fileChanged(templatePath);
    inProcess.push(performance.now() - started);
    if (run?.overall.status !== flip(i, 'FAIL', 'PASS')) throw new Error(`the session gave ${run?.overall.status} on save ${i}`);
  }
  rows.push(row('session only: template re-read and re-evaluated (no fs.watch, debounce, pipe)', inProcess, false));
  return rows;
}

/** templates-dev (every template) x the S3 Control Tower rules: one template saved, one rules file saved. */
async function corpusLatency(dir) {
  cpSync(join(corpus, 'templates-dev', 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(corpus, 'ct-rules', 'cfn-guard', 's3'), join(dir, 'rules'), { recursive: true });
  const template = join(dir, 'templates', 'S3', 'compliant-bucket.yaml');
  const rules = join(dir, 'rules', 'ct-s3-pr-1.guard');
  if (!existsSync(template) || !existsSync(rules)) return null;
  const started = performance.now();
  const watch = startWatch(['-r', 'rules', '-d', 'templates', '-S', 'none'], dir);
  try {
    const ready = (await watch.verdictAfter(0)) - started;
    const header = watch.stdout.match(/watching (\d+) rules files? and (\d+) data files?/);
    // Appending a comment changes the text (so the file is re-evaluated) but not the verdicts.
    const templateSaves = await measure(watch, (i) => (appendFileSync(template, `\n# save ${i}\n`), ''));
    const rulesSaves = await measure(watch, (i) => (appendFileSync(rules, `\n# save ${i}\n`), ''));
    return { ready, rulesFiles: header?.[1], dataFiles: header?.[2], rows: [row('one template saved', templateSaves, false), row('one rules file saved', rulesSaves, false)] };
  } finally {
    await watch.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'guardts-bench-watch-'));
try {
  const startLoad = loadavg()[0];
  const seedRows = await seedLatency(join(dir));
  const corpusDir = join(dir, 'corpus');
  const large = existsSync(corpus) ? await corpusLatency(corpusDir) : null;
  const head = '| save | median | p95 | max | target < 50 ms (median, p95) |\n|---|---:|---:|---:|---|';
  const lines = [
    `## watch latency (save -> new findings on stdout, N=${N} each, ms)`,
    '',
    `Machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${startLoad.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; node ${process.version}. The 20 ms debounce is included.`,
    '',
    'examples/seed with `--as config-item` (1 rules file, 1 template, 2 documents):',
    '',
    head,
    ...seedRows,
  ];
  if (large === null) {
    lines.push('', 'larger input: skipped (../shared is not beside the repository)');
  } else {
    lines.push('', `templates-dev x ct-rules/s3 (${large.rulesFiles} rules files, ${large.dataFiles} templates, \`-S none\`): first report after ${large.ready.toFixed(0)} ms (start included);`, '', head, ...large.rows);
  }
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
