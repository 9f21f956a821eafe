// `lintRules` over the AWS rule corpora of ../shared (parse excluded): files per second, and the
// rule text linted per second. Usage: node bench/lint.bench.mjs  (after `pnpm build`)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const { parseRules } = await import(new URL('../packages/guard-parser/dist/index.js', import.meta.url).href);
const { lintRules } = await import(new URL('../packages/evaluator/dist/index.js', import.meta.url).href);

function guardFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? guardFiles(path) : name.endsWith('.guard') ? [path] : [];
  });
}

const corpora = [
  ['Control Tower rules', join(shared, 'corpus', 'ct-rules', 'cfn-guard')],
  ['registry rules', join(shared, 'corpus', 'registry', 'rules')],
];
console.log('`lintRules` on already parsed files (best of 5 passes over each corpus).\n');
console.log('| corpus | files | KiB | warnings | best pass ms | files/s | MiB/s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, dir] of corpora) {
  if (!existsSync(dir)) {
    console.log(`| ${name} | (../shared absent) | | | | | |`);
    continue;
  }
  const files = guardFiles(dir).map((path) => {
    const source = readFileSync(path, 'utf8');
    return { source, ast: parseRules(source, { fileName: path }).ast };
  }).filter((file) => file.ast !== null);
  const bytes = files.reduce((sum, file) => sum + file.source.length, 0);
  let best = Infinity;
  let warnings = 0;
  for (let pass = 0; pass < 5; pass += 1) {
    const started = performance.now();
    warnings = 0;
    for (const file of files) warnings += lintRules(file.ast, { source: file.source }).length;
    best = Math.min(best, performance.now() - started);
  }
  console.log(`| ${name} | ${files.length} | ${(bytes / 1024).toFixed(0)} | ${warnings} | ${best.toFixed(1)} | ${((files.length / best) * 1000).toFixed(0)} | ${((bytes / 2 ** 20 / best) * 1000).toFixed(1)} |`);
}
