#!/usr/bin/env node
// A large random campaign outside vitest against the built packages (run `pnpm build` first):
// `node scripts/fuzz.mjs 1000000` splits the inputs over the targets, one process, and prints
// inputs run, crashes found (with a reproducer for each) and the time. Exit 1 when anything threw.
import fc from 'fast-check';
import { parseRules } from '../packages/guard-parser/dist/index.js';
import { compileRules, decodeDocumentBytes, evaluate, loadDocument, loadTestSpecDocument } from '../packages/evaluator/dist/index.js';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);

const ruleToken = fc.constantFrom('rule', 'let', 'when', 'Resources', '.*', '[*]', '{', '}', '(', ')', '==', '!=', 'exists', 'empty', 'IN', 'not', 'or', 'some', '%x', 'x', '"s"', '/a+/', '1', '[1,2]', '{a: 1}', 'this', 'Type', 'keys', '|OR|', '<<', '>>', 'r', '\n', ' ', '#c', 'count(', 'is_string');
const ruleText = fc.oneof(fc.string(), fc.array(ruleToken, { maxLength: 30 }).map((t) => t.join(' ')));
const docToken = fc.constantFrom('a:', ' b', '- ', '[', ']', '{', '}', '&x', '*x', '!Ref', '!!int', '"', "'", '\n', '  ', ':', ',', '1', 'true', '~', '#', '---', '<<:', '|', '>');
const docText = fc.oneof(fc.string(), fc.array(docToken, { maxLength: 40 }).map((t) => t.join('')));
const validRules = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'a.*', 'a[*]'), fc.constantFrom('exists', 'empty', '== 1', '!= "x"', 'is_list', '< 3', 'IN [1, "a"]', '== /a/')), { minLength: 1, maxLength: 3 })
  .map((rules) => rules.map(([q, c], i) => `rule r${i} { ${q} ${c} }`).join('\n'));

const targets = {
  parseRules: [ruleText, (text) => parseRules(text, { fileName: 'f.guard' })],
  compileRules: [ruleText, (text) => compileRules(text, { fileName: 'f.guard' })],
  loadDocument: [docText, (text) => loadDocument(text, { fileName: 'd.yaml' })],
  loadTestSpecDocument: [docText, (text) => loadTestSpecDocument(text, { fileName: 't.yaml' })],
  bytes: [fc.uint8Array({ maxLength: 200 }), (bytes) => { const d = decodeDocumentBytes(bytes, 'd.yaml'); if (d.ok) loadDocument(d.text, { fileName: 'd.yaml' }); }],
  evaluate: [fc.tuple(validRules, fc.jsonValue({ maxDepth: 4 })), ([rules, json]) => {
    const compiled = compileRules(rules, { fileName: 'r.guard' });
    const doc = loadDocument(JSON.stringify(json) ?? 'null', { fileName: 'd.json' });
    if (compiled.ok && doc.ok) evaluate(compiled.rules, doc.document, { deadlineMs: 5_000 });
  }],
};

const perTarget = Math.ceil(total / Object.keys(targets).length);
const started = Date.now();
let ran = 0;
const crashes = [];
for (const [name, [arbitrary, action]] of Object.entries(targets)) {
  // fc.check with a property that records instead of failing, so one crash does not end the run.
  fc.check(fc.property(arbitrary, (input) => {
    ran++;
    try { action(input); } catch (error) {
      if (crashes.length < 20) crashes.push({ target: name, input, error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') });
      else crashes.length++;
    }
  }), { numRuns: perTarget, seed });
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`## guardts fuzz\n\n| inputs run | crashes | seconds | seed |\n|---:|---:|---:|---:|\n| ${ran} | ${crashes.length} | ${seconds} | ${seed} |`);
for (const crash of crashes.filter(Boolean)) console.log(`\n- ${crash.target}: ${crash.error}\n  input: ${JSON.stringify(crash.input).slice(0, 500)}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
