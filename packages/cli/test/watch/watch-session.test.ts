// The watch session without fs.watch: files are edited on disk, then named to `filesChanged`, and
// the injected sources and engine count what the session reads, compiles and loads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import type { GuardEngine } from '../../src/engine/guard-engine.js';
import { captureIo } from '../../src/io.js';
import { documentExpander } from '../../src/validate/document-mode.js';
import { WatchSession, type WatchRun } from '../../src/watch/watch-session.js';
import { fileSystemSources, type WatchSources } from '../../src/watch/watch-sources.js';
import { repoRoot } from '../../../../test-support/shared-corpus.js';

const RULE_ACTIVE = 'rule tracing_active {\n  tracing.mode == "Active"\n}\n';
const RULE_PRESENT = 'rule tracing_present {\n  tracing.mode exists\n}\n';
const DOC_ACTIVE = 'tracing:\n  mode: Active\n';
const DOC_PASSTHROUGH = 'tracing:\n  mode: PassThrough\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guardts-watch-session-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

interface Counted {
  readonly session: WatchSession;
  readonly reads: string[];
  readonly compiles: string[];
  readonly loads: string[];
}

/** A session over `rules` and `data` (relative to the temp dir) whose reads, compiles and loads are recorded. */
function countedSession(rules: string[], data: string[], expand = false): Counted {
  const reads: string[] = [];
  const compiles: string[] = [];
  const loads: string[] = [];
  const disk = fileSystemSources({ rules, data, order: 'alphabetical', cwd: dir });
  const sources: WatchSources = {
    rulesFiles: () => disk.rulesFiles(),
    dataFiles: () => disk.dataFiles(),
    read: (path) => {
      reads.push(path);
      return disk.read(path);
    },
  };
  const real = evaluatorEngine();
  const engine: GuardEngine = {
    ...real,
    compileRules: (text, fileName) => {
      compiles.push(fileName);
      return real.compileRules(text, fileName);
    },
    loadDocument: (text, name) => {
      loads.push(name);
      return real.loadDocument(text, name);
    },
  };
  const expandDocuments = expand ? documentExpander('config-item', {}, captureIo()) : undefined;
  return { session: new WatchSession({ engine, sources, expandDocuments }), reads, compiles, loads };
}

function started(counted: Counted): WatchRun {
  const run = counted.session.start();
  if (!run.ok) throw new Error(run.message);
  counted.reads.length = 0;
  counted.compiles.length = 0;
  counted.loads.length = 0;
  return run.value;
}

const verdicts = (run: WatchRun): string[] => run.pairs.map((pair) => `${pair.rulesName} ${pair.dataFile.name.slice(dir.length + 1)} ${pair.evaluation.ok ? pair.evaluation.value.status : 'error'}`);

describe('WatchSession', () => {
  it('evaluates every rules file against every document at start, in validate order', () => {
    write('rules/a.guard', RULE_ACTIVE);
    write('rules/b.guard', RULE_PRESENT);
    write('data/one.yaml', DOC_ACTIVE);
    write('data/two.yaml', DOC_PASSTHROUGH);
    const run = started(countedSession(['rules'], ['data']));
    expect(verdicts(run)).toEqual(['a.guard data/one.yaml PASS', 'a.guard data/two.yaml FAIL', 'b.guard data/one.yaml PASS', 'b.guard data/two.yaml PASS']);
    expect(run.overall).toMatchObject({ status: 'FAIL', counts: { PASS: 3, FAIL: 1, SKIP: 0 }, rulesFiles: 2, dataFiles: 2, brokenFiles: [] });
  });

  it('recompiles only a saved rules file and evaluates it against the cached documents', () => {
    const a = write('rules/a.guard', RULE_ACTIVE);
    write('rules/b.guard', RULE_PRESENT);
    write('data/one.yaml', DOC_ACTIVE);
    write('data/two.yaml', DOC_PASSTHROUGH);
    const counted = countedSession(['rules'], ['data']);
    started(counted);
    write('rules/a.guard', 'rule tracing_passthrough {\n  tracing.mode == "PassThrough"\n}\n');
    const run = counted.session.fileChanged(a);
    expect(run?.changes).toEqual([{ path: a, role: 'rules', what: 'changed' }]);
    expect(counted.reads).toEqual([a]);
    expect(counted.compiles).toEqual(['a.guard']);
    expect(counted.loads).toEqual([]);
    expect(run === null ? [] : verdicts(run)).toEqual(['a.guard data/one.yaml FAIL', 'a.guard data/two.yaml PASS']);
    // b.guard's cached verdicts still count.
    expect(run?.overall.counts).toEqual({ PASS: 3, FAIL: 1, SKIP: 0 });
  });

  it('reloads only a saved data file and evaluates every cached rules file on it', () => {
    write('rules/a.guard', RULE_ACTIVE);
    write('rules/b.guard', RULE_PRESENT);
    write('data/one.yaml', DOC_ACTIVE);
    const two = write('data/two.yaml', DOC_PASSTHROUGH);
    const counted = countedSession(['rules'], ['data']);
    started(counted);
    write('data/two.yaml', DOC_ACTIVE);
    const run = counted.session.fileChanged(two);
    expect(counted.reads).toEqual([two]);
    expect(counted.loads).toEqual([two]);
    expect(counted.compiles).toEqual([]);
    expect(run === null ? [] : verdicts(run)).toEqual(['a.guard data/two.yaml PASS', 'b.guard data/two.yaml PASS']);
    expect(run?.overall).toMatchObject({ status: 'PASS', counts: { PASS: 4, FAIL: 0, SKIP: 0 } });
  });

  it('keeps the last good rules when a save does not parse, reports where, and recovers', () => {
    const rules = write('r.guard', RULE_ACTIVE);
    write('d.yaml', DOC_PASSTHROUGH);
    const counted = countedSession(['r.guard'], ['d.yaml']);
    started(counted);
    write('r.guard', 'rule broken {\n  tracing.mode ==\n}\n');
    const broken = counted.session.fileChanged(rules);
    expect(broken?.changes).toHaveLength(1);
    expect(broken?.changes[0]).toMatchObject({ path: rules, role: 'rules', what: 'failed', keptLastGood: true });
    expect(broken?.changes[0]?.message).toMatch(/^r\.guard:3:1: /);
    expect(broken?.pairs).toEqual([]);
    expect(broken?.overall).toMatchObject({ status: 'FAIL', counts: { PASS: 0, FAIL: 1, SKIP: 0 }, brokenFiles: [rules] });
    write('r.guard', RULE_PRESENT);
    const fixed = counted.session.fileChanged(rules);
    expect(fixed === null ? [] : verdicts(fixed)).toEqual(['r.guard d.yaml PASS']);
    expect(fixed?.overall).toMatchObject({ status: 'PASS', brokenFiles: [] });
  });

  it('keeps the last good document when a data file does not parse, with its line and column', () => {
    write('r.guard', RULE_ACTIVE);
    const data = write('d.yaml', DOC_ACTIVE);
    const counted = countedSession(['r.guard'], ['d.yaml']);
    started(counted);
    write('d.yaml', 'tracing:\n  mode: [Active\nother: 1\n');
    const run = counted.session.fileChanged(data);
    expect(run?.changes[0]).toMatchObject({ role: 'data', what: 'failed', keptLastGood: true });
    expect(run?.changes[0]?.message).toMatch(new RegExp(`^${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    expect(run?.overall).toMatchObject({ status: 'PASS', brokenFiles: [data] });
  });

  it('leaves out a file that does not parse at start until it does', () => {
    const rules = write('r.guard', 'rule r {\n  tracing.mode ==\n}\n');
    write('d.yaml', DOC_ACTIVE);
    const counted = countedSession(['r.guard'], ['d.yaml']);
    const first = started(counted);
    expect(first.changes).toEqual([
      expect.objectContaining({ path: rules, what: 'failed', keptLastGood: false }),
      { path: join(dir, 'd.yaml'), role: 'data', what: 'added' },
    ]);
    expect(first.pairs).toEqual([]);
    expect(first.overall).toMatchObject({ status: 'SKIP', counts: { PASS: 0, FAIL: 0, SKIP: 0 }, brokenFiles: [rules] });
    write('r.guard', RULE_ACTIVE);
    const fixed = counted.session.fileChanged(rules);
    expect(fixed?.changes).toEqual([{ path: rules, role: 'rules', what: 'changed' }]);
    expect(fixed === null ? [] : verdicts(fixed)).toEqual(['r.guard d.yaml PASS']);
  });

  it('notices files added to and removed from a watched directory', () => {
    write('rules/a.guard', RULE_ACTIVE);
    write('data/one.yaml', DOC_ACTIVE);
    const counted = countedSession(['rules'], ['data']);
    started(counted);
    const added = write('data/sub/new.json', '{"tracing": {"mode": "Off"}}');
    const addRun = counted.session.fileChanged(added);
    expect(addRun?.changes).toEqual([{ path: added, role: 'data', what: 'added' }]);
    expect(addRun === null ? [] : verdicts(addRun)).toEqual(['a.guard data/sub/new.json FAIL']);
    expect(counted.reads).toEqual([added]);
    unlinkSync(join(dir, 'data', 'one.yaml'));
    const removeRun = counted.session.fileChanged(join(dir, 'data', 'one.yaml'));
    expect(removeRun?.changes).toEqual([{ path: join(dir, 'data', 'one.yaml'), role: 'data', what: 'removed' }]);
    expect(removeRun?.pairs).toEqual([]);
    expect(removeRun?.overall).toMatchObject({ status: 'FAIL', counts: { PASS: 0, FAIL: 1, SKIP: 0 }, dataFiles: 1 });
  });

  it('ignores files it does not evaluate and saves that change nothing', () => {
    const rules = write('rules/a.guard', RULE_ACTIVE);
    write('data/one.yaml', DOC_ACTIVE);
    const counted = countedSession(['rules'], ['data']);
    started(counted);
    expect(counted.session.fileChanged(write('data/.one.yaml.swp', 'junk'))).toBeNull();
    expect(counted.session.fileChanged(write('rules/notes.txt', 'junk'))).toBeNull();
    writeFileSync(rules, readFileSync(rules));
    expect(counted.session.fileChanged(rules)).toBeNull();
    expect(counted.compiles).toEqual([]);
  });

  it('expands a template into its Config items with --as config-item (the seed example)', () => {
    write('r.guard', readFileSync(join(repoRoot, 'examples', 'seed', 'lambda_tracing_config_item.guard'), 'utf8'));
    const template = write('t.yaml', readFileSync(join(repoRoot, 'examples', 'seed', 'template-active.yaml'), 'utf8'));
    const counted = countedSession(['r.guard'], ['t.yaml'], true);
    expect(verdicts(started(counted))).toEqual(['r.guard t.yaml#LambdaExecutionRole SKIP', 'r.guard t.yaml#MyLambdaFunction PASS']);
    write('t.yaml', readFileSync(join(repoRoot, 'examples', 'seed', 'template-passthrough.yaml'), 'utf8'));
    const run = counted.session.fileChanged(template);
    expect(run === null ? [] : verdicts(run)).toEqual(['r.guard t.yaml#LambdaExecutionRole SKIP', 'r.guard t.yaml#MyLambdaFunction FAIL']);
  });

  it('refuses to start on a path that does not exist, as validate does', () => {
    write('r.guard', RULE_ACTIVE);
    expect(countedSession(['r.guard'], ['missing.yaml']).session.start()).toEqual({ ok: false, message: 'The path `missing.yaml` does not exist' });
  });
});
