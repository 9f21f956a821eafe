import { describe, expect, it } from 'vitest';
import { describeResult, evaluateCall, loadData } from './call-evaluator.js';
import { FUNCTION_CASES_DATA, REFERENCE_FUNCTION_CASES } from './function-reference-cases.js';

const root = loadData(FUNCTION_CASES_DATA);

/** Texts that differ on purpose: messages of other libraries (YAML, regex parser) and panics. */
function comparableMessage(call: string, message: string): string | null {
  if (call.startsWith('json_parse') || message.includes('Regex expression parse error')) return null;
  const quoted = /`(.*)`/s.exec(message);
  return quoted === null ? null : (quoted[1] as string);
}

describe('built-in functions against outcomes recorded from cfn-guard 3.1.1', () => {
  for (const { call, outcome } of REFERENCE_FUNCTION_CASES) {
    if (outcome.kind === 'values') {
      it(`${call} yields ${JSON.stringify(outcome.values.map((v) => v.value))}`, () => {
        const result = evaluateCall(call, root);
        expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
        if (result.ok) expect(result.results.map(describeResult)).toEqual(outcome.values);
      });
    } else {
      const divergence = outcome.exitCode === 101 ? ' (cfn-guard panics: a clean error here, documented divergence)' : '';
      it(`${call} is a runtime error${divergence}`, () => {
        const result = evaluateCall(call, root);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.message.length).toBeGreaterThan(0);
        const expected = comparableMessage(call, outcome.message);
        if (expected !== null) expect(result.error.message).toBe(expected);
      });
    }
  }
});
