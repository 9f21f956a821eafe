/** `guardts test --explain`: under a failed test case, why its mismatched rules failed or were skipped. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RulesEvaluation } from '../engine/guard-engine.js';
import type { CommandIo } from '../io.js';
import { colourEnabled, styler } from './colour.js';
import { renderExplainText } from './explain-text.js';

/** The rules file's text to quote clauses from, when its name is a readable path (with `-r`, not `-d`). */
function rulesText(io: CommandIo, rulesName: string): string | null {
  try {
    return readFileSync(resolve(io.cwd, rulesName), 'utf8');
  } catch {
    return null;
  }
}

export function explainTestCase(io: CommandIo, rulesName: string, caseName: string | null, evaluation: RulesEvaluation, rules: ReadonlySet<string>): string {
  const trace = evaluation.explanation ?? null;
  if (trace === null) return '';
  const style = styler(colourEnabled(io.env, io.stdout.isTTY === true));
  const text = renderExplainText(
    { dataName: caseName ?? 'test case', rulesName, rulesText: rulesText(io, rulesName), status: evaluation.status, rules: evaluation.rules, trace, only: rules, cwd: io.cwd },
    style,
  );
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
}
