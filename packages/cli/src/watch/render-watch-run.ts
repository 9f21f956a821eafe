/**
 * What a watch run prints: a separator line (time and what changed), each re-evaluated pair in
 * validate's own format, then one verdict line over every cached pair, so that a save which turns
 * a FAIL into a PASS (silent under the default `-S fail`) still shows its effect. Diagnostics go to
 * stderr, as validate's do.
 */
import { relative, isAbsolute } from 'node:path';
import type { Styler } from '../reporters/colour.js';
import { renderPairReport } from '../reporters/pair-report.js';
import type { SummarySelection } from '../validate/validate-options.js';
import type { WatchOutputFormat } from './watch-options.js';
import type { FileChange, Overall, WatchRun } from './watch-session.js';

export interface WatchRenderOptions {
  readonly format: WatchOutputFormat;
  readonly selection: SummarySelection;
  readonly style: Styler;
  /** Paths are shown relative to this directory when they are inside it. */
  readonly cwd: string;
}

export interface RenderedRun {
  readonly stdout: string;
  readonly stderr: string;
}

export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `HH:MM:SS.mmm` in local time: enough to tell successive runs apart. */
export function clockTime(now: Date): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}`;
}

function describeChange(change: FileChange, cwd: string): string {
  const shown = displayPath(change.path, cwd);
  if (change.what !== 'failed') return `${shown} ${change.what}`;
  return `${shown} does not parse (${change.keptLastGood === true ? 'last good version kept' : 'left out until it does'})`;
}

export function separatorLine(run: WatchRun, now: Date, initial: boolean, cwd: string): string {
  const what = initial
    ? `watching ${plural(run.overall.rulesFiles, 'rules file')} and ${plural(run.overall.dataFiles, 'data file')}`
    : run.changes.map((change) => describeChange(change, cwd)).join(', ');
  return `=== [${clockTime(now)}] ${what} ===\n`;
}

export function verdictLine(overall: Overall, style: Styler, cwd: string): string {
  const { counts } = overall;
  const details = [`${counts.FAIL} fail, ${counts.PASS} pass, ${counts.SKIP} skip`];
  if (overall.evaluationErrors > 0) details.push(plural(overall.evaluationErrors, 'evaluation error'));
  if (overall.brokenFiles.length > 0) details.push(`not parsing: ${overall.brokenFiles.map((path) => displayPath(path, cwd)).join(', ')}`);
  return `watch: ${style.status(overall.status)} (${details.join('; ')})\n`;
}

export function renderWatchRun(run: WatchRun, options: WatchRenderOptions, now: Date, initial: boolean): RenderedRun {
  const out: string[] = [separatorLine(run, now, initial, options.cwd)];
  const err: string[] = [];
  for (const change of run.changes) {
    if (change.what === 'failed') err.push(`${change.message ?? 'the file cannot be used'}\n`);
  }
  for (const pair of run.pairs) {
    if (!pair.evaluation.ok) {
      err.push(`Error occurred evaluating ${pair.rulesName} against ${pair.dataFile.name}: ${pair.evaluation.message}\n`);
      continue;
    }
    const report = renderPairReport({ dataFile: pair.dataFile, rulesFile: pair.rulesName, evaluation: pair.evaluation.value }, options.format, options.selection, options.style);
    // validate runs `-o json|yaml` objects together (`}{`, as the reference does); here each ends its line.
    out.push(report.text === '' || report.text.endsWith('\n') ? report.text : `${report.text}\n`);
    if (report.error !== null) err.push(`Error occurred ${report.error}\n`);
  }
  out.push(verdictLine(run.overall, options.style, options.cwd));
  return { stdout: out.join(''), stderr: err.join('') };
}
