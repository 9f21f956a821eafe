/** `--explain` output for one rules file on one data file: JSON with `-o json`, text otherwise. */
import type { RulesEvaluation } from '../engine/guard-engine.js';
import type { CommandIo } from '../io.js';
import type { OutputFormat } from '../validate/validate-options.js';
import { colourEnabled, styler, type Styler } from './colour.js';
import { explainJson } from './explain-json.js';
import { renderExplainText, type ExplainInput } from './explain-text.js';

export interface ExplainPair {
  readonly dataName: string;
  readonly rulesName: string;
  readonly rulesText: string | null;
  readonly evaluation: RulesEvaluation;
  readonly cwd?: string;
}

function explainInput(pair: ExplainPair): ExplainInput | null {
  const trace = pair.evaluation.explanation ?? null;
  if (trace === null) return null;
  return {
    dataName: pair.dataName,
    rulesName: pair.rulesName,
    rulesText: pair.rulesText,
    status: pair.evaluation.status,
    rules: pair.evaluation.rules,
    trace,
    ...(pair.cwd === undefined ? {} : { cwd: pair.cwd }),
  };
}

export function renderExplanation(pair: ExplainPair, format: OutputFormat, style: Styler): string {
  const input = explainInput(pair);
  if (input === null) return '';
  // The JSON report before it ends without a newline (as cfn-guard's does): start on a line of our own.
  if (format === 'json') return `\n${JSON.stringify({ explain: explainJson(input) }, null, 2)}\n`;
  return renderExplainText(input, style);
}

/**
 * After a `--structured` document: with JSON, one more JSON document holding every pair's
 * explanation; with YAML, JUnit or SARIF (whose stdout must stay one valid document), the text on stderr.
 */
export function renderStructuredExplanations(pairs: readonly ExplainPair[], format: OutputFormat, io: CommandIo): void {
  const inputs = pairs.flatMap((pair) => {
    const input = explainInput(pair);
    return input === null ? [] : [input];
  });
  if (format === 'json') io.stdout.write(`\n${JSON.stringify({ explain: inputs.map(explainJson) }, null, 2)}\n`);
  else io.stderr.write(inputs.map((input) => renderExplainText(input, styler(colourEnabled(io.env, io.stderr.isTTY === true)))).join(''));
}
