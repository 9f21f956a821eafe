// The event tree (what `-v` / `-p` print) against cfn-guard 3.1.1's `validate -p` on the probe
// cases: same records, in the same order, with the same contexts, kinds and statuses.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runReference } from '../../../../test-support/reference-binary.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { EventRecord, RecordType } from '../../src/report/types.js';
import { recordStatus } from '../../src/report/record-status.js';
import { loadForValidate } from './document-for-tests.js';
import type { ProbeCase } from './probe-harness.js';

interface ReferenceRecord {
  readonly context: string;
  readonly container: Record<string, unknown> | null;
  readonly children: readonly ReferenceRecord[];
}

function referenceSkeleton(record: ReferenceRecord, depth = 0): string[] {
  const [kind, body] = Object.entries(record.container ?? {})[0] ?? ['none', null];
  let status: unknown = body;
  if (kind === 'ClauseValueCheck') status = typeof body === 'string' ? body : Object.keys(body as object)[0];
  else if (kind === 'TypeCheck') status = (body as { block: { status: string } }).block.status;
  else if (typeof body === 'object' && body !== null) status = (body as { status: string }).status;
  return [`${'  '.repeat(depth)}${kind}(${String(status)}) ${record.context}`, ...record.children.flatMap((c) => referenceSkeleton(c, depth + 1))];
}

function statusOf(record: RecordType): string {
  // The reference prints a clause check's variant name; every other record has a status.
  if (record.kind === 'ClauseValueCheck') return record.check.kind === 'Success' ? 'Success' : record.check.kind;
  return recordStatus(record);
}

function ourSkeleton(record: EventRecord, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${record.record.kind}(${statusOf(record.record)}) ${record.context}`, ...record.children.flatMap((c) => ourSkeleton(c, depth + 1))];
}

describeShared('event tree against cfn-guard 3.1.1 `validate -p`', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as ProbeCase[]).filter(
    (c) => c.args[0] === 'validate' && (c.exit_code === 0 || c.exit_code === 19) && !c.args.includes('-i'),
  );
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, probe) => {
    const reference = runReference(['validate', '-r', probe.rules, '-d', probe.data, '-p', '-S', 'none'], { cwd: dir });
    const compiledForPanic = compileRules(readFileSync(join(dir, probe.rules), 'utf8'), { fileName: probe.rules });
    if (reference.status === 101) {
      // The reference's console report panics before it prints the tree (docs/divergences.md,
      // "The CloudFormation console report…"); there is nothing to compare, but we must evaluate.
      expect(compiledForPanic.ok).toBe(true);
      return;
    }
    // With failures, the console report comes first; the event tree is the JSON object after it.
    const start = reference.stdout.search(/^\{\n  "context"/m);
    const expected = referenceSkeleton(JSON.parse(reference.stdout.slice(start)) as ReferenceRecord);
    const compiled = compileRules(readFileSync(join(dir, probe.rules), 'utf8'), { fileName: probe.rules });
    if (!compiled.ok) throw new Error('does not compile');
    const dataName = realpathSync(join(dir, probe.data));
    const data = await loadForValidate(readFileSync(join(dir, probe.data), 'utf8'), dataName);
    if (!data.ok) throw new Error(data.message);
    const result = evaluate(compiled.rules, data.value, { completeEvents: true, dataName });
    if (!result.ok) throw new Error(result.error.message);
    expect(ourSkeleton(result.report.events!).join('\n')).toBe(expected.join('\n'));
  });
});
