#!/usr/bin/env node
// Turns the answers of ask-reference.mjs into the TypeScript table the tests read:
//   node ask-reference.mjs < cases.json | node record-cases.mjs cases.json > ../regex-reference-cases.ts
import { readFileSync } from 'node:fs';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const answers = JSON.parse(readFileSync(0, 'utf8'));
const rows = answers.map((answer, i) => {
  if (answer.error) throw new Error(`${answer.pattern}: ${answer.error}`);
  const inputs = cases[i].inputs;
  const matches = answer.compiles ? inputs.map((input, j) => [input, answer.matches[j]]) : [];
  return `  { pattern: ${JSON.stringify(answer.pattern)}, compiles: ${answer.compiles}, matches: ${JSON.stringify(matches)} },`;
});
process.stdout.write(`// Recorded from cfn-guard 3.1.1 by reference/ask-reference.mjs and reference/record-cases.mjs:
// each pattern was used as \`D.cN == /pattern/\` against each input; do not edit by hand.
export interface ReferenceRegexCase {
  readonly pattern: string;
  /** false: the rules file did not parse (exit 5). */
  readonly compiles: boolean;
  /** [input, whether \`input == /pattern/\` passed]. */
  readonly matches: readonly (readonly [string, boolean])[];
}

export const REFERENCE_REGEX_CASES: readonly ReferenceRegexCase[] = [
${rows.join('\n')}
];
`);
