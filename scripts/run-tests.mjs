#!/usr/bin/env node
// Runs the whole vitest suite and ends with the plain summary line `N passed, N failed[, N skipped]`
// computed from vitest's JSON result (CI reads that line, not vitest's own summary).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultFile = join(root, '.vitest-results.json');
rmSync(resultFile, { force: true });

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

if (!existsSync(resultFile)) {
  console.error('run-tests: vitest wrote no JSON result');
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
const result = JSON.parse(readFileSync(resultFile, 'utf8'));
const passed = result.numPassedTests ?? 0;
// A suite that fails to load has no tests; count it as a failure so it cannot go unnoticed.
const failedSuites = (result.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
const failed = (result.numFailedTests ?? 0) + failedSuites;
const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : (run.status ?? 1));
