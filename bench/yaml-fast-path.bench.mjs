#!/usr/bin/env node
// The YAML fast path of `loadDocument` (packages/evaluator/src/document/yaml-fast-path.ts) against
// the slow path it steps aside to (the `yaml` package, then the validate converter): how many of
// the templates-dev YAML files it takes, and the time to load each of those files both ways (same
// text, same process, runs interleaved). Needs `pnpm build` and ../shared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDir, importBuiltEvaluator, repoRoot, requireCorpusPaths, walkFiles } from './lib/corpus-bench.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

console.log('## YAML fast path vs the yaml package (loading templates-dev YAML)');
console.log('');
const templatesDir = join(corpusDir, 'templates-dev', 'templates');
requireCorpusPaths(templatesDir);
await importBuiltEvaluator();
const dist = (name) => import(pathToFileURL(join(repoRoot, 'packages', 'evaluator', 'dist', 'document', name)).href);
const { SourceLocator } = await dist('source-locator.js');
const { loadYamlFastPath } = await dist('yaml-fast-path.js');
const { readFirstYamlDocument } = await dist('yaml-first-document.js');
const { convertForValidate } = await dist('validate-yaml-converter.js');
const { DEFAULT_MAX_DOCUMENT_DEPTH } = await dist('load-result.js');

const files = walkFiles(templatesDir, (name) => /\.(ya?ml|template)$/.test(name))
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
  .filter(({ text }) => !/^\s*[[{]/.test(text));

const fast = (text) => loadYamlFastPath(new SourceLocator(text, 'f.yaml'), DEFAULT_MAX_DOCUMENT_DEPTH);
function slow(text) {
  const locator = new SourceLocator(text, 'f.yaml');
  const first = readFirstYamlDocument(locator, DEFAULT_MAX_DOCUMENT_DEPTH);
  return first.ok ? convertForValidate(locator, first.document) : first;
}

const taken = files.filter(({ text }) => fast(text) !== undefined);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

for (let i = 0; i < 3; i++) for (const { text } of taken) fast(text), slow(text);
const perFile = taken.map(({ text }) => {
  const f = [];
  const s = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) f.push(time(() => fast(text))), s.push(time(() => slow(text)));
    else s.push(time(() => slow(text))), f.push(time(() => fast(text)));
  }
  return { bytes: text.length, fast: median(f), slow: median(s) };
});
const sum = (key) => perFile.reduce((total, file) => total + file[key], 0);
const ratios = perFile.map((file) => file.slow / file.fast);
const ms = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1));

console.log(`Taken by the fast path: ${taken.length} of ${files.length} YAML files (the rest step aside to the yaml package).`);
console.log('');
console.log('| over the files taken | fast path | yaml package + converter | ratio |');
console.log('|---|---|---|---|');
console.log(`| median per file | ${ms(median(perFile.map((f) => f.fast)))} ms | ${ms(median(perFile.map((f) => f.slow)))} ms | ${median(ratios).toFixed(1)}x (median of per-file ratios) |`);
console.log(`| sum over all ${taken.length} files (${(sum('bytes') / 1024).toFixed(0)} KB) | ${ms(sum('fast'))} ms | ${ms(sum('slow'))} ms | ${(sum('slow') / sum('fast')).toFixed(1)}x |`);
console.log('');
console.log(`Median of ${ROUNDS} interleaved runs per file, after 3 warm-up rounds.`);
