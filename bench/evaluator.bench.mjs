#!/usr/bin/env node
// Evaluation speed of the evaluator core: every Control Tower rules file (237) against every
// template of templates-dev (151), each rules file compiled once and each template loaded once,
// as `validate -r <dir> -d <dir>` would. Reports verdict-only evaluation (`record: false`) and
// evaluation with the event tree needed for reports. cfn-guard 3.1.1 needs about 77 s for this
// matrix (figure from the project brief); the target is 30x faster. Needs `pnpm build` and ../shared.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusDir, importBuiltEvaluator, isTemplateFile, requireCorpusPaths, walkFiles } from './lib/corpus-bench.mjs';

const REFERENCE_SECONDS = 77;
const ROUNDS = 3;

console.log('## evaluator: Control Tower rules x templates-dev');
console.log('');
const rulesDir = join(corpusDir, 'ct-rules', 'cfn-guard');
const templatesDir = join(corpusDir, 'templates-dev', 'templates');
requireCorpusPaths(rulesDir, templatesDir);
const { compileRules, evaluate, loadDocument } = await importBuiltEvaluator();


const ruleFiles = walkFiles(rulesDir, (n) => n.endsWith('.guard'));
const templateFiles = walkFiles(templatesDir, isTemplateFile);

let start = performance.now();
const compiled = ruleFiles.map((file) => {
  const result = compileRules(readFileSync(file, 'utf8'), { fileName: relative(rulesDir, file) });
  if (!result.ok) throw new Error(`${file}: ${result.diagnostics[0]?.message}`);
  return result.rules;
});
const compileMs = performance.now() - start;

start = performance.now();
const documents = [];
for (const file of templateFiles) {
  const result = loadDocument(readFileSync(file, 'utf8'), { fileName: file });
  if (result.ok) documents.push(result.document);
}
const loadMs = performance.now() - start;

function runMatrix(record) {
  let errors = 0;
  let failures = 0;
  const begin = performance.now();
  for (const rules of compiled) {
    for (const document of documents) {
      const result = evaluate(rules, document, { record });
      if (!result.ok) errors++;
      else if (result.report.status === 'FAIL') failures++;
    }
  }
  return { ms: performance.now() - begin, errors, failures };
}

runMatrix(false); // warm-up
const rows = [];
for (const record of process.env.BENCH_VERDICTS_ONLY ? [false] : [false, true]) {
  const times = [];
  let last;
  for (let i = 0; i < ROUNDS; i++) {
    last = runMatrix(record);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  rows.push({ record, median: times[Math.floor(times.length / 2)], ...last });
}

const pairs = compiled.length * documents.length;
console.log(`${compiled.length} rules files compiled in ${compileMs.toFixed(0)} ms; ${documents.length} templates loaded in ${loadMs.toFixed(0)} ms; ${pairs} pairs.`);
console.log('');
console.log('| mode | evaluation, median of 3 | per pair | evaluation alone vs cfn-guard (77 s) | with compile + load | FAIL pairs | runtime errors |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) {
  const total = row.median + compileMs + loadMs;
  console.log(
    `| ${row.record ? 'with event tree' : 'verdicts only'} | ${row.median.toFixed(0)} ms | ${((row.median * 1000) / pairs).toFixed(1)} µs | ${((REFERENCE_SECONDS * 1000) / row.median).toFixed(0)}x | ${total.toFixed(0)} ms, ${((REFERENCE_SECONDS * 1000) / total).toFixed(1)}x | ${row.failures} | ${row.errors} |`,
  );
}

// ---- per call: the fixed cost of `evaluate` -----------------------------------------------------
// The library case (issue 7): many rules files, one template, most files SKIP because the template
// has none of their resource types. Registry files (209) on a template with one resource of a type
// no file names: most are answered from the type index without evaluating (eval/skip-gate.ts);
// `Resources: {}` (not indexed) makes every file evaluate the whole way to the same SKIPs.
const registryDir = join(corpusDir, 'registry', 'rules');
const registry = walkFiles(registryDir, (n) => n.endsWith('.guard')).map((file) => compileRules(readFileSync(file, 'utf8'), { fileName: file }).rules);
const perCallDocuments = [
  ['one resource of an unrelated type', '{"Resources": {"Thing": {"Type": "AWS::Nothing::Here", "Properties": {"A": 1}}}}'],
  ['`Resources: {}` (evaluated)', '{"Resources": {}}'],
].map(([label, text]) => ({ label, document: loadDocument(text, { fileName: 'per-call.json' }).document }));
const CALL_ROUNDS = 200;
function perCall(document, record) {
  for (let i = 0; i < 20; i++) for (const rules of registry) evaluate(rules, document, { record });
  const times = [];
  for (let i = 0; i < CALL_ROUNDS; i++) {
    const begin = performance.now();
    for (const rules of registry) evaluate(rules, document, { record });
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  return (times[times.length >> 1] * 1000) / registry.length;
}
function perCallTemplates(record) {
  const begin = performance.now();
  for (const document of documents) for (const rules of registry) evaluate(rules, document, { record });
  return ((performance.now() - begin) * 1000) / (documents.length * registry.length);
}
perCallTemplates(false);
console.log('');
console.log(`Per \`evaluate\` call, the ${registry.length} registry files (median of ${CALL_ROUNDS} rounds over all files):`);
console.log('');
console.log('| document | verdicts only | with report events (default) |');
console.log('|---|---|---|');
for (const { label, document } of perCallDocuments) console.log(`| ${label} | ${perCall(document, false).toFixed(2)} µs | ${perCall(document, true).toFixed(2)} µs |`);
console.log(`| every template of templates-dev (mean, one round) | ${perCallTemplates(false).toFixed(2)} µs | ${perCallTemplates(true).toFixed(2)} µs |`);
