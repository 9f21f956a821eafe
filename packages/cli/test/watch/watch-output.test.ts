// What `guardts watch` prints for a run, and which flags it takes.
import type { Value } from '@guardts/evaluator';
import { describe, expect, it } from 'vitest';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import { EXIT_USAGE } from '../../src/exit-codes.js';
import { captureIo } from '../../src/io.js';
import { styler } from '../../src/reporters/colour.js';
import { summarySelection } from '../../src/validate/validate-options.js';
import { clockTime, renderWatchRun, verdictLine } from '../../src/watch/render-watch-run.js';
import { parseWatchArgs } from '../../src/watch/watch-options.js';
import type { Overall, WatchRun } from '../../src/watch/watch-session.js';

const plain = styler(false);
const at = new Date(2026, 10, 26, 9, 5, 7, 42);

function emptyDocument(): Value {
  const loaded = evaluatorEngine().loadDocument('{}', '/d.json');
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value;
}

function overall(partial: Partial<Overall> = {}): Overall {
  return { status: 'PASS', counts: { PASS: 1, FAIL: 0, SKIP: 0 }, evaluationErrors: 0, rulesFiles: 1, dataFiles: 2, brokenFiles: [], ...partial };
}

describe('watch output', () => {
  const options = { format: 'single-line-summary' as const, selection: summarySelection(['fail']), style: plain, cwd: '/work/project' };

  it('opens the first run with what is watched and every run with a verdict line', () => {
    const run: WatchRun = { changes: [], pairs: [], overall: overall() };
    expect(renderWatchRun(run, options, at, true).stdout).toBe('=== [09:05:07.042] watching 1 rules file and 2 data files ===\nwatch: PASS (0 fail, 1 pass, 0 skip)\n');
  });

  it('names what changed, relative to the working directory, and sends diagnostics to stderr', () => {
    const run: WatchRun = {
      changes: [
        { path: '/work/project/rules/a.guard', role: 'rules', what: 'failed', message: 'a.guard:3:1: expected a value', keptLastGood: true },
        { path: '/elsewhere/t.yaml', role: 'data', what: 'removed' },
      ],
      pairs: [],
      overall: overall({ status: 'FAIL', counts: { PASS: 0, FAIL: 2, SKIP: 1 }, brokenFiles: ['/work/project/rules/a.guard'], evaluationErrors: 1 }),
    };
    const rendered = renderWatchRun(run, options, at, false);
    expect(rendered.stdout).toBe(
      '=== [09:05:07.042] rules/a.guard does not parse (last good version kept), /elsewhere/t.yaml removed ===\n' +
        'watch: FAIL (2 fail, 0 pass, 1 skip; 1 evaluation error; not parsing: rules/a.guard)\n',
    );
    expect(rendered.stderr).toBe('a.guard:3:1: expected a value\n');
  });

  it('ends each json report with a newline (the verdict on a line of its own), and adds no blank line after a silent pair', () => {
    const evaluation = { status: 'PASS' as const, rules: [{ name: 'enabled', status: 'PASS' as const }], notCompliant: [], notApplicable: [], compliant: ['enabled'], events: null };
    const pair = { rulesPath: '/r.guard', rulesName: 'r.guard', dataPath: '/d.json', dataFile: { name: '/d.json', content: '{}', document: emptyDocument() }, evaluation: { ok: true as const, value: evaluation } };
    const run: WatchRun = { changes: [{ path: '/d.json', role: 'data', what: 'changed' }], pairs: [pair], overall: overall() };
    const twice: WatchRun = { ...run, pairs: [pair, pair] };
    expect(renderWatchRun(twice, { ...options, format: 'json' }, at, false).stdout).toMatch(/\n\}\n\{\n[^]*\n\}\nwatch: PASS /);
    // -S fail over a PASS pair prints nothing for the pair.
    expect(renderWatchRun(run, options, at, false).stdout).toBe('=== [09:05:07.042] /d.json changed ===\nwatch: PASS (0 fail, 1 pass, 0 skip)\n');
  });

  it('colours the verdict as validate colours statuses', () => {
    expect(verdictLine(overall({ status: 'FAIL' }), styler(true), '/')).toContain('\u001b[1;31mFAIL\u001b[0m');
  });

  it('pads the clock', () => {
    expect(clockTime(new Date(2026, 0, 1, 1, 2, 3, 4))).toBe('01:02:03.004');
  });
});

describe('watch flags', () => {
  it('takes validate-like paths, output format, summary and order', () => {
    const parsed = parseWatchArgs(['-r', 'a.guard', 'b.guard', '-d', 'data', '-o', 'json', '-S', 'all', '-m', '--debounce', '5'], captureIo());
    expect(parsed).toEqual({
      ok: true,
      options: { rules: ['a.guard', 'b.guard'], data: ['data'], outputFormat: 'json', showSummary: ['all'], order: 'last-modified', debounceMs: 5 },
    });
  });

  it.each([
    [['-r', 'a.guard'], /--data/],
    [['-d', 'data'], /--rules/],
    [['-r', 'a.guard', '-d', 'x', '-o', 'sarif'], /invalid/],
    [['-r', 'a.guard', '-d', 'x', '-z'], /unknown option/],
    [['-r', 'a.guard', '-d', 'x', '--debounce', 'soon'], /--debounce/],
  ])('rejects %j as a usage error', (argv, message) => {
    const io = captureIo();
    expect(parseWatchArgs(argv, io)).toEqual({ ok: false, exitCode: EXIT_USAGE });
    expect(io.err()).toMatch(message);
  });
});
