/**
 * Unit-test spec files of `guardts test`: a list of `{name?, input, expectations: {rules: {R: S}}}`
 * read with the test loader (YAML 1.2, then JSON). Structure errors are values carrying the message.
 */
import { resolve } from 'node:path';
import type { MapValue, Value } from '@guardts/evaluator';
import type { GuardEngine, Outcome } from '../engine/guard-engine.js';
import { readUtf8 } from '../validate/data-files.js';

export interface TestCaseSpec {
  /** `null` when the case has no name (reported as `""` in structured output). */
  readonly name: string | null;
  readonly input: Value;
  /** Expected status text per rule name, as written (checked against PASS/FAIL/SKIP when used). */
  readonly expectations: ReadonlyMap<string, string>;
}

function field(map: MapValue, key: string): Value | undefined {
  return map.entries.get(key);
}

function invalid(path: string, reason: string): Outcome<never> {
  return { ok: false, message: `Parser Error when parsing \`Unable to process data in file ${path}, Error ${reason}\`` };
}

export function interpretSpecs(document: Value, path: string): Outcome<TestCaseSpec[]> {
  if (document.kind !== 'list') return invalid(path, 'invalid type: expected a sequence of test cases');
  const cases: TestCaseSpec[] = [];
  for (const [index, item] of document.items.entries()) {
    if (item.kind !== 'map') return invalid(path, `[${index}]: invalid type: expected struct TestSpec`);
    const name = field(item, 'name');
    if (name !== undefined && name.kind !== 'string' && name.kind !== 'null') return invalid(path, `[${index}].name: invalid type: expected a string`);
    const input = field(item, 'input');
    if (input === undefined) return invalid(path, `[${index}]: missing field \`input\``);
    const expectations = field(item, 'expectations');
    if (expectations === undefined) return invalid(path, `[${index}]: missing field \`expectations\``);
    if (expectations.kind !== 'map') return invalid(path, `[${index}].expectations: invalid type: expected struct TestExpectations`);
    const rules = field(expectations, 'rules');
    if (rules === undefined) return invalid(path, `[${index}].expectations: missing field \`rules\``);
    if (rules.kind !== 'map') return invalid(path, `[${index}].expectations.rules: invalid type: expected a map`);
    const expected = new Map<string, string>();
    for (const [rule, status] of rules.entries) {
      if (status.kind !== 'string') return invalid(path, `[${index}].expectations.rules.${rule}: invalid type: expected a string`);
      expected.set(rule, status.value);
    }
    cases.push({ name: name?.kind === 'string' ? name.value : null, input, expectations: expected });
  }
  return { ok: true, value: cases };
}

/** Reads the spec file `path` (relative to `cwd`); messages name it as given. */
export function loadSpecFile(engine: GuardEngine, path: string, cwd: string): Outcome<TestCaseSpec[]> {
  const text = readUtf8(resolve(cwd, path));
  if (!text.ok) return text;
  const document = engine.loadTestSpecDocument(text.value, path);
  if (!document.ok) return invalid(path, document.message);
  return interpretSpecs(document.value, path);
}
