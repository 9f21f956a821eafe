// All 3615 (rules file, template) pairs of ../shared/corpus/templates-dev/expected-dev.json:
// identical per-rule statuses (a name defined twice combines as FAIL > PASS > SKIP) and exit code.
// Each rules file is compiled once and each template loaded once, through the same engine and
// data loading the `validate` command uses.
import { readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import type { CompiledRules, Outcome } from '../../src/engine/guard-engine.js';
import { combinedRuleStatuses } from '../../src/report/combined-statuses.js';
import { buildDataFile, readUtf8, type DataFile } from '../../src/validate/data-files.js';

interface Pair {
  readonly rules: string;
  readonly data: string;
  readonly exit_code: number;
  readonly statuses: Readonly<Record<string, string>>;
}

describeShared('template pairs (corpus/templates-dev/expected-dev.json)', (shared) => {
  const corpus = join(shared, 'corpus');
  const templates = join(corpus, 'templates-dev', 'templates');
  const expected = JSON.parse(readFileSync(join(corpus, 'templates-dev', 'expected-dev.json'), 'utf8')) as { pairs: Pair[] };
  const engine = evaluatorEngine();
  const compiled = new Map<string, Outcome<CompiledRules>>();
  const loaded = new Map<string, Outcome<DataFile>>();

  const rulesFor = (path: string): Outcome<CompiledRules> => {
    let rules = compiled.get(path);
    if (rules === undefined) {
      const text = readUtf8(join(corpus, path));
      rules = text.ok ? engine.compileRules(text.value, basename(path)) : text;
      compiled.set(path, rules);
    }
    return rules;
  };
  const dataFor = (path: string): Outcome<DataFile> => {
    let data = loaded.get(path);
    if (data === undefined) {
      const file = join(templates, path);
      const text = readUtf8(file);
      data = text.ok ? buildDataFile(engine, text.value, realpathSync(file)) : text;
      loaded.set(path, data);
    }
    return data;
  };

  it('has the 3615 recorded pairs', () => {
    expect(expected.pairs).toHaveLength(3615);
  });

  const byRules = new Map<string, Pair[]>();
  for (const pair of expected.pairs) byRules.set(pair.rules, [...(byRules.get(pair.rules) ?? []), pair]);

  for (const [rulesPath, pairs] of byRules) {
    it(`${rulesPath} (${pairs.length} templates)`, () => {
      const mismatches: unknown[] = [];
      for (const pair of pairs) {
        const rules = rulesFor(rulesPath);
        const data = dataFor(pair.data);
        if (!rules.ok || !data.ok) {
          mismatches.push({ data: pair.data, error: rules.ok ? (data.ok ? '' : data.message) : rules.message });
          continue;
        }
        const evaluation = engine.evaluate(rules.value, data.value.document, data.value.name);
        if (!evaluation.ok) {
          mismatches.push({ data: pair.data, error: evaluation.message });
          continue;
        }
        const statuses = combinedRuleStatuses(evaluation.value.rules);
        const exit = evaluation.value.status === 'FAIL' ? 19 : 0;
        if (exit !== pair.exit_code || JSON.stringify(sortKeys(statuses)) !== JSON.stringify(sortKeys(pair.statuses))) {
          mismatches.push({ data: pair.data, exit, expectedExit: pair.exit_code, statuses, expected: pair.statuses });
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

function sortKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
