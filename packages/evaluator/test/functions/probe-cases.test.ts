import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import { loadDocument } from '../../src/document/load-document.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';

interface ProbeCase {
  readonly name: string;
  readonly rules: string;
  readonly data: string;
  readonly exit_code: number;
  readonly statuses: Readonly<Record<string, string>>;
}

describeShared('probe cases of functions and regexes, through compileRules and evaluate', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[]).filter((probe) =>
    /^(fn_|regex_)/.test(probe.name),
  );

  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  for (const probe of cases) {
    // A panic of the reference (exit 101) is a clean runtime error here (docs/divergences.md).
    const expectedExit = probe.exit_code === 101 ? 255 : probe.exit_code;
    it(`${probe.name}: exit ${expectedExit}`, () => {
      const compiled = compileRules(readFileSync(join(dir, probe.rules), 'utf8'), { fileName: probe.rules });
      if (!compiled.ok) {
        expect(expectedExit).toBe(5);
        return;
      }
      const loaded = loadDocument(readFileSync(join(dir, probe.data), 'utf8'), { fileName: probe.data });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      const result = evaluate(compiled.rules, loaded.document, { record: false });
      if (!result.ok) {
        expect(expectedExit).toBe(255);
        return;
      }
      const statuses = Object.fromEntries(result.report.rules.map((rule) => [rule.name, rule.status]));
      expect(statuses).toEqual(probe.statuses);
      expect(result.report.status === 'FAIL' ? 19 : 0).toBe(expectedExit);
    });
  }
});
