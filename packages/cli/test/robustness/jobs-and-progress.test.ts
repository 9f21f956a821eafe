// The decisions of `validate --jobs` and of the progress line, as units.
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_DATA_BYTES, MAX_AUTO_THREADS, MIN_DATA_FILES_PER_THREAD, parseJobs, threadCount } from '../../src/validate/parallel/jobs.js';
import { PROGRESS_DELAY_MS, ProgressLine, progressText, progressWanted, type ProgressSettings } from '../../src/validate/parallel/progress.js';
import { parseValidateArgs } from '../../src/validate/parse-validate-args.js';
import { captureIo } from '../../src/io.js';

describe('--jobs', () => {
  it('parses auto and whole numbers, rejects the rest', () => {
    expect(parseJobs('auto')).toBe('auto');
    expect(parseJobs('1')).toBe(1);
    expect(parseJobs('16')).toBe(16);
    for (const bad of ['0', '-2', '1.5', 'all', '', '257']) expect(() => parseJobs(bad)).toThrow(/auto/);
  });

  it('is auto unless given, and reaches the options', () => {
    const io = captureIo();
    const parsed = parseValidateArgs(['-r', 'r.guard', '-d', 'd', '--jobs', '3', '--no-progress'], io);
    expect(parsed.ok && parsed.options.jobs).toBe(3);
    expect(parsed.ok && parsed.options.progress).toBe(false);
    const defaults = parseValidateArgs(['-r', 'r.guard'], io);
    expect(defaults.ok && defaults.options.jobs).toBe('auto');
    expect(defaults.ok && defaults.options.progress).toBe(true);
    expect(parseValidateArgs(['-r', 'r.guard', '--jobs', 'many'], captureIo())).toEqual({ ok: false, exitCode: 2 });
  });

  const big = AUTO_MIN_DATA_BYTES;

  it('--jobs 1 and a single data file never start a worker', () => {
    expect(threadCount(1, 1000, big, 8)).toBe(0);
    expect(threadCount(4, 1, big, 8)).toBe(0);
    expect(threadCount('auto', 1000, big, 1)).toBe(0);
  });

  it('an explicit number is honoured, whatever the size, but never more threads than data files', () => {
    expect(threadCount(3, 40, 100, 2)).toBe(3);
    expect(threadCount(8, 5, 100, 2)).toBe(5);
  });

  it('auto waits for enough data, enough data files per thread and idle cores, and caps the threads', () => {
    expect(threadCount('auto', 1000, big - 1, 8)).toBe(0);
    expect(threadCount('auto', 2 * MIN_DATA_FILES_PER_THREAD - 1, big, 8)).toBe(0);
    expect(threadCount('auto', 2 * MIN_DATA_FILES_PER_THREAD, big, 8)).toBe(2);
    expect(threadCount('auto', 1000 * MIN_DATA_FILES_PER_THREAD, big, 64)).toBe(MAX_AUTO_THREADS);
    expect(threadCount('auto', 1000, big, 2)).toBe(2);
  });
});

describe('the progress line', () => {
  const human: ProgressSettings = { progressFlag: true, stderrIsTTY: true, outputFormat: 'single-line-summary', printJson: false, structured: false, dataFiles: 151 };

  it('is wanted for a person at a terminal running a batch', () => {
    expect(progressWanted(human)).toBe(true);
  });

  it.each([
    ['stderr is not a terminal', { stderrIsTTY: false }],
    ['--no-progress', { progressFlag: false }],
    ['-o json', { outputFormat: 'json' }],
    ['-o yaml', { outputFormat: 'yaml' }],
    ['-z -o junit', { outputFormat: 'junit', structured: true }],
    ['-z -o sarif', { outputFormat: 'sarif', structured: true }],
    ['-p (a JSON tree on stdout)', { printJson: true }],
    ['a single data file', { dataFiles: 1 }],
  ] as [string, Partial<ProgressSettings>][])('is never drawn when %s', (_name, change) => {
    expect(progressWanted({ ...human, ...change })).toBe(false);
  });

  it('says how many data files are done and for how long', () => {
    expect(progressText(57, 151, 12_400)).toBe('validated 57/151 data files (12 s)');
  });

  it('stays silent for the first second, then redraws one line in place and clears it', () => {
    let now = 0;
    const written: string[] = [];
    const line = new ProgressLine((text) => written.push(text), 10, 4, 0, () => now);
    now = PROGRESS_DELAY_MS;
    line.update(8);
    line.clear();
    expect(written).toEqual([]);
    now = PROGRESS_DELAY_MS + 1;
    line.update(8);
    now += 10;
    line.update(12);
    now += 500;
    line.update(1000);
    line.clear();
    expect(written).toEqual(['\rvalidated 2/10 data files (1 s)\u001b[K', '\rvalidated 10/10 data files (1 s)\u001b[K', '\r\u001b[K']);
  });
});
