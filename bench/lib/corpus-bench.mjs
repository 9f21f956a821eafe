// What the in-process corpus benchmarks share: where the repository and ../shared are, the built
// evaluator (a benchmark measures what ships, so it never imports sources), and a sorted file walk.
// A missing build is a failure; a missing ../shared is a skip, said on the report's first line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const sharedDir = process.env.GUARDTS_SHARED_DIR ?? join(repoRoot, '..', 'shared');
export const corpusDir = join(sharedDir, 'corpus');

/** The built `@guardts/evaluator`; exits with a FAILED line when `pnpm build` has not run. */
export async function importBuiltEvaluator() {
  const distEntry = join(repoRoot, 'packages', 'evaluator', 'dist', 'index.js');
  if (!existsSync(distEntry)) {
    console.log(`FAILED: ${distEntry} is missing; run \`pnpm build\` first.`);
    process.exit(1);
  }
  return import(distEntry);
}

/** Exits with a SKIPPED line unless every path exists. */
export function requireCorpusPaths(...paths) {
  if (paths.every((path) => existsSync(path))) return;
  console.log('SKIPPED: ../shared corpus not found (set GUARDTS_SHARED_DIR)');
  process.exit(0);
}

/** Files below `dir` whose name `accept`s, depth first, in name order (stable across machines). */
export function walkFiles(dir, accept) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...walkFiles(path, accept));
    else if (accept(name)) found.push(path);
  }
  return found;
}

export const isTemplateFile = (name) => /\.(json|ya?ml|template)$/.test(name);
