// Runs one probe case of shared/spec/probe-cases in-process and says what happened, in the terms
// cases.json records: per-rule statuses and exit code, or the kind of failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate } from '../../src/api/evaluate.js';
import type { Status } from '../../src/report/types.js';
import { loadForValidate } from './document-for-tests.js';
import { loadTestSpecDocument } from '../../src/document/load-test-spec-document.js';
import type { Value } from '../../src/values/value.js';

export interface ProbeCase {
  readonly name: string;
  readonly rules: string;
  readonly data: string;
  readonly exit_code: number;
  readonly statuses: Readonly<Record<string, Status>>;
  readonly args: readonly string[];
}

export type ProbeOutcome =
  | { readonly kind: 'report'; readonly exitCode: number; readonly statuses: Record<string, Status> }
  | { readonly kind: 'parse-error'; readonly exitCode: 5; readonly message: string }
  | { readonly kind: 'runtime-error'; readonly exitCode: 255; readonly message: string }
  | { readonly kind: 'test-command'; readonly exitCode: number };

const STATUS_PRECEDENCE: Readonly<Record<Status, number>> = { PASS: 0, SKIP: 1, FAIL: 2 };

export async function runProbeCase(dir: string, probe: ProbeCase): Promise<ProbeOutcome> {
  const rulesFile = probe.args[probe.args.indexOf('-r') + 1]!;
  const compiled = compileRules(readFileSync(join(dir, rulesFile), 'utf8'), { fileName: rulesFile });
  if (probe.args[0] === 'test') {
    if (!compiled.ok) return { kind: 'test-command', exitCode: 1 };
    const specFile = probe.args[probe.args.indexOf('-t') + 1]!;
    const loaded = loadTestSpecDocument(readFileSync(join(dir, specFile), 'utf8'), { fileName: specFile });
    if (!loaded.ok || loaded.document.kind !== 'list') return { kind: 'test-command', exitCode: 1 };
    let allMet = true;
    for (const spec of loaded.document.items) {
      const input = field(spec, 'input') ?? { kind: 'null', path: '', span: null };
      const result = evaluate(compiled.rules, input);
      if (!result.ok) return { kind: 'runtime-error', exitCode: 255, message: result.error.message };
      const statuses = combined(result.report.rules);
      const rules = field(field(spec, 'expectations'), 'rules');
      for (const key of rules?.kind === 'map' ? rules.keys : []) {
        const expected = rules?.kind === 'map' ? rules.entries.get(key.value) : undefined;
        if (expected?.kind !== 'string' || statuses[key.value] !== expected.value) allMet = false;
      }
    }
    return { kind: 'test-command', exitCode: allMet ? 0 : 7 };
  }
  if (!compiled.ok) return { kind: 'parse-error', exitCode: 5, message: compiled.diagnostics.map((d) => d.message).join('; ') };
  const dataFile = probe.args[probe.args.indexOf('-d') + 1]!;
  const data = await loadForValidate(readFileSync(join(dir, dataFile), 'utf8'), dataFile);
  if (!data.ok) return { kind: 'runtime-error', exitCode: 255, message: data.message };
  const paramsIndex = probe.args.indexOf('-i');
  let parameters;
  if (paramsIndex >= 0) {
    const params = await loadForValidate(readFileSync(join(dir, probe.args[paramsIndex + 1]!), 'utf8'), probe.args[paramsIndex + 1]!);
    if (!params.ok) return { kind: 'runtime-error', exitCode: 255, message: params.message };
    parameters = params.value;
  }
  const result = evaluate(compiled.rules, data.value, { parameters });
  if (!result.ok) return { kind: 'runtime-error', exitCode: 255, message: result.error.message };
  const statuses = combined(result.report.rules);
  return { kind: 'report', exitCode: result.report.status === 'FAIL' ? 19 : 0, statuses };
}

function field(map: Value | undefined, key: string): Value | undefined {
  return map?.kind === 'map' ? map.entries.get(key) : undefined;
}

/** One status per rule name, as the reference's JSON lists read back: FAIL over SKIP over PASS. */
function combined(rules: readonly { name: string; status: Status }[]): Record<string, Status> {
  const statuses: Record<string, Status> = {};
  for (const { name, status } of rules) {
    const previous = statuses[name];
    if (previous === undefined || STATUS_PRECEDENCE[status] > STATUS_PRECEDENCE[previous]) statuses[name] = status;
  }
  return statuses;
}

/** Whether our outcome agrees with the recorded one (a panic, 101, must be a clean runtime error). */
export function agrees(probe: ProbeCase, outcome: ProbeOutcome): boolean {
  if (probe.exit_code === 101) return outcome.kind === 'runtime-error';
  if (outcome.exitCode !== probe.exit_code) return false;
  if (outcome.kind === 'report') return JSON.stringify(sortKeys(outcome.statuses)) === JSON.stringify(sortKeys(probe.statuses));
  return true;
}

function sortKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
