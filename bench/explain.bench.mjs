#!/usr/bin/env node
// What `--explain` costs: every Control Tower rules file against every template of templates-dev,
// evaluated with the complete event tree (what `-v` records) and with the explain trace
// (`trace: true`), side by side; plus a check that both give the same verdicts. Without
// `--explain` the trace costs nothing (it is never constructed). Needs `pnpm build` and ../shared.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusDir, importBuiltEvaluator, isTemplateFile, requireCorpusPaths, walkFiles } from './lib/corpus-bench.mjs';

const ROUNDS = 3;

console.log('## explain: cost of the --explain trace (Control Tower rules x templates-dev)');
console.log('');
const rulesDir = join(corpusDir, 'ct-rules', 'cfn-guard');
const templatesDir = join(corpusDir, 'templates-dev', 'templates');
requireCorpusPaths(rulesDir, templatesDir);
const { compileRules, evaluate, loadDocument } = await importBuiltEvaluator();


const compiled = walkFiles(rulesDir, (n) => n.endsWith('.guard')).map((file) => {
  const result = compileRules(readFileSync(file, 'utf8'), { fileName: relative(rulesDir, file) });
  if (!result.ok) throw new Error(`${file}: ${result.diagnostics[0]?.message}`);
  return result.rules;
});
const documents = walkFiles(templatesDir, isTemplateFile).flatMap((file) => {
  const result = loadDocument(readFileSync(file, 'utf8'), { fileName: file });
  return result.ok ? [result.document] : [];
});

function runMatrix(options) {
  const verdicts = [];
  const begin = performance.now();
  for (const rules of compiled) {
    for (const document of documents) {
      const result = evaluate(rules, document, options);
      verdicts.push(result.ok ? result.report.status : 'error');
    }
  }
  return { ms: performance.now() - begin, verdicts };
}

function median(options) {
  runMatrix(options); // warm-up
  const runs = Array.from({ length: ROUNDS }, () => runMatrix(options));
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], verdicts: runs[0].verdicts };
}

const events = median({ completeEvents: true });
const traced = median({ trace: true });
const pairs = compiled.length * documents.length;
const disagreements = events.verdicts.filter((status, i) => traced.verdicts[i] !== status).length;
console.log(`${compiled.length} rules files x ${documents.length} templates = ${pairs} pairs.`);
console.log('');
console.log('| mode | evaluation, median of 3 | per pair | vs complete event tree | verdicts differing |');
console.log('|---|---|---|---|---|');
console.log(`| complete event tree (-v) | ${events.ms.toFixed(0)} ms | ${((events.ms * 1000) / pairs).toFixed(1)} µs | 1.00x | - |`);
console.log(`| explain trace (--explain) | ${traced.ms.toFixed(0)} ms | ${((traced.ms * 1000) / pairs).toFixed(1)} µs | ${(traced.ms / events.ms).toFixed(2)}x | ${disagreements} |`);
if (disagreements > 0) process.exit(1);
