/** The parsed command line of `guardts validate` (cfn-guard 3.1.1's flags). */
import type { EngineLimits } from '../engine/evaluator-engine.js';
import type { FileOrder } from '../files/walk.js';

export type OutputFormat = 'single-line-summary' | 'json' | 'yaml' | 'junit' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['single-line-summary', 'json', 'yaml', 'junit', 'sarif'];

export type SummaryKeyword = 'all' | 'pass' | 'fail' | 'skip' | 'none';
export const SUMMARY_KEYWORDS: readonly SummaryKeyword[] = ['all', 'pass', 'fail', 'skip', 'none'];

/** Which sections of the summary table are printed; empty means no table. */
export interface SummarySelection {
  readonly pass: boolean;
  readonly fail: boolean;
  readonly skip: boolean;
}

export interface ValidateOptions {
  /** `-r` paths in order; empty with `--payload`. */
  readonly rules: readonly string[];
  /** `-d` paths in order; empty means "read the data from stdin" (as `-d` with no value does). */
  readonly data: readonly string[];
  readonly inputParams: readonly string[];
  readonly outputFormat: OutputFormat;
  /** The `-S` keywords in the order given (default `['fail']`). */
  readonly showSummary: readonly SummaryKeyword[];
  readonly structured: boolean;
  readonly verbose: boolean;
  readonly printJson: boolean;
  readonly order: FileOrder;
  readonly payload: boolean;
  /** `--jobs`: worker threads for many data files (validate/parallel/); absent means `'auto'`. */
  readonly jobs?: number | 'auto';
  /** `--no-progress` clears it: never print the progress line. Absent means true. */
  readonly progress?: boolean;
  /** `--max-data-size`, `--deadline`, `--max-depth`, `--max-checks`; absent ones keep the library defaults. */
  readonly limits?: EngineLimits;
  /** `--explain`: after each report, why each rule failed or was skipped (docs/explain.md). */
  readonly explain?: boolean;
  /** `--expand-messages`: placeholders in custom messages are expanded in `-z` reports too (docs/custom-messages.md). */
  readonly expandMessages?: boolean;
}

/**
 * cfn-guard folds the keywords left to right and `none` clears everything selected *before* it:
 * `-S fail,none` selects nothing, `-S none,fail` selects failures.
 */
export function summarySelection(keywords: readonly SummaryKeyword[]): SummarySelection {
  let selection = { pass: false, fail: false, skip: false };
  for (const keyword of keywords) {
    if (keyword === 'none') selection = { pass: false, fail: false, skip: false };
    else if (keyword === 'all') selection = { pass: true, fail: true, skip: true };
    else selection = { ...selection, [keyword]: true };
  }
  return selection;
}

export function isEmptySelection(selection: SummarySelection): boolean {
  return !selection.pass && !selection.fail && !selection.skip;
}
