/**
 * The summary table of `single-line-summary` output (cfn-guard's `SummaryTable::report_eval`):
 * header, then SKIP / PASS / FAILED sections, then `---`. A name that is SKIP and also PASS or FAIL
 * (a rule defined twice) is listed only with the latter; a name both PASS and FAIL is in both.
 */
import type { RuleVerdict } from '../engine/guard-engine.js';
import type { Status } from '../report/structured-report.js';
import type { SummarySelection } from '../validate/validate-options.js';
import type { Styler } from './colour.js';

function firstByName(rules: readonly RuleVerdict[], status: Status): string[] {
  return [...new Set(rules.filter((rule) => rule.status === status).map((rule) => rule.name))];
}

export function renderSummaryTable(
  input: { readonly dataName: string; readonly rulesFile: string; readonly status: Status; readonly rules: readonly RuleVerdict[] },
  selection: SummarySelection,
  style: Styler,
): string {
  // Nothing selected to show (the default's FAIL-only table of a passing pair): skip the work.
  if (!input.rules.some((rule) => (rule.status === 'FAIL' ? selection.fail : rule.status === 'PASS' ? selection.pass : selection.skip))) return '';
  // The implicit rule is named `<rules file>/default`; the table shows it as `default`.
  const shown = (name: string): string => (name.startsWith(`${input.rulesFile}/`) ? name.slice(input.rulesFile.length + 1) : name);
  // Rust measures the longest name in bytes but pads in characters.
  const longest = Math.max(0, ...input.rules.map((rule) => Buffer.byteLength(shown(rule.name))));
  const passed = firstByName(input.rules, 'PASS');
  const failed = firstByName(input.rules, 'FAIL');
  const skipped = firstByName(input.rules, 'SKIP').filter((name) => !passed.includes(name) && !failed.includes(name));
  const sections: [boolean, string, string[], Status][] = [
    [selection.skip, 'SKIP rules', skipped, 'SKIP'],
    [selection.pass, 'PASS rules', passed, 'PASS'],
    [selection.fail, 'FAILED rules', failed, 'FAIL'],
  ];
  const lines: string[] = [];
  for (const [selected, title, names, status] of sections) {
    if (!selected || names.length === 0) continue;
    if (lines.length === 0) lines.push(`${input.dataName} Status = ${style.status(input.status)}`);
    lines.push(style.bold(title));
    for (const name of names) lines.push(`${input.rulesFile}/${padEnd(shown(name), longest + 4)}${style.status(status)}`);
  }
  if (lines.length > 0) lines.push('---');
  return lines.map((line) => `${line}\n`).join('');
}

/** Rust's `{:<width$}` pads by characters, not UTF-16 units. */
export function padEnd(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}
