#!/usr/bin/env node
// Turns the answers of ask-reference.mjs into function-reference-cases.ts:
//   python3 make-cases.py | node ask-reference.mjs | node record-cases.mjs > ../function-reference-cases.ts
import { readFileSync } from 'node:fs';

const answers = JSON.parse(readFileSync(0, 'utf8'));
const data = answers[0].data;
if (answers.some((answer) => answer.data !== data)) throw new Error('all cases must share one data document');
const rows = answers.map(({ call, outcome }) => {
  const recorded = outcome.kind === 'error' ? { kind: 'error', exitCode: outcome.exitCode, message: outcome.stderr } : outcome;
  return `  { call: ${JSON.stringify(call)}, outcome: ${JSON.stringify(recorded)} },`;
});
process.stdout.write(`// Recorded from cfn-guard 3.1.1 by reference/make-cases.py, ask-reference.mjs and record-cases.mjs:
// each call ran as \`let x = CALL\` followed by a failing \`%x == "…"\` whose JSON report lists
// every value produced (path, type, value). Do not edit by hand.
export type RecordedOutcome =
  | { readonly kind: 'values'; readonly values: readonly { readonly path: string; readonly type: string; readonly value: unknown }[] }
  | { readonly kind: 'error'; readonly exitCode: number; readonly message: string };

export interface ReferenceFunctionCase {
  readonly call: string;
  readonly outcome: RecordedOutcome;
}

export const FUNCTION_CASES_DATA = ${JSON.stringify(data)};

export const REFERENCE_FUNCTION_CASES: readonly ReferenceFunctionCase[] = [
${rows.join('\n')}
];
`);
