// The `--explain` trace must not change anything the evaluation reports: over every validate probe
// case, tracing gives the same verdicts, the same runtime errors and the same complete event tree,
// and its trace tree has exactly the event tree's shape and records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { TraceNode } from '../../src/report/explain-model.js';
import type { EventRecord } from '../../src/report/types.js';
import { loadDocument } from '../../src/document/load-document.js';
import type { ProbeCase } from './probe-harness.js';

/** The event tree a trace node mirrors (notes dropped). */
function asEvents(node: TraceNode): EventRecord {
  return { context: node.context, record: node.record, children: node.children.map(asEvents) };
}

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

describeShared('explain trace on the probe cases', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[]).filter((probe) => probe.args[0] === 'validate');

  it('covers the validate cases', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  for (const probe of cases) {
    it(probe.name, () => {
      const compiled = compileRules(readFileSync(join(dir, probe.rules), 'utf8'), { fileName: probe.rules });
      if (!compiled.ok) return expect(probe.exit_code).toBe(5);
      const loaded = loadDocument(readFileSync(join(dir, probe.data), 'utf8'), { fileName: probe.data });
      if (!loaded.ok) return expect(probe.exit_code).toBe(255);
      const plain = evaluate(compiled.rules, loaded.document, { completeEvents: true });
      const traced = evaluate(compiled.rules, loaded.document, { trace: true });
      expect(traced.ok).toBe(plain.ok);
      if (!plain.ok || !traced.ok) {
        if (!plain.ok && !traced.ok) expect(traced.error).toEqual(plain.error);
        return;
      }
      expect(traced.report.rules).toEqual(plain.report.rules);
      expect(traced.report.status).toBe(plain.report.status);
      // As JSON: unresolved results carry closures that differ between two evaluations.
      expect(json(traced.report.events)).toEqual(json(plain.report.events));
      expect(plain.report.trace).toBeNull();
      expect(json(asEvents(traced.report.trace!))).toEqual(json(traced.report.events));
    });
  }
});
