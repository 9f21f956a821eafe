/**
 * Matching a test case's expectations against the verdicts (cfn-guard's `get_status_result`).
 * With a rule name defined several times, PASS or FAIL is met if any copy has it, SKIP only if
 * every copy skipped; `evaluated` lists the statuses looked at, as the reference reports them.
 */
import type { RuleVerdict } from '../engine/guard-engine.js';
import type { Status } from '../report/structured-report.js';

export function isStatus(text: string): text is Status {
  return text === 'PASS' || text === 'FAIL' || text === 'SKIP';
}

export interface ExpectationResult {
  readonly met: boolean;
  readonly evaluated: readonly Status[];
}

export function matchExpectation(expected: Status, copies: readonly Status[]): ExpectationResult {
  const evaluated: Status[] = [];
  let skipped = 0;
  for (const status of copies) {
    if (expected === 'SKIP') {
      if (status === 'SKIP') skipped += 1;
    } else if (status === expected) {
      return { met: true, evaluated };
    }
    evaluated.push(status);
  }
  return { met: expected === 'SKIP' && skipped === copies.length, evaluated };
}

/** The verdicts grouped by rule name, names in order of first appearance. */
export function verdictsByRule(rules: readonly RuleVerdict[]): Map<string, Status[]> {
  const byRule = new Map<string, Status[]>();
  for (const rule of rules) {
    const statuses = byRule.get(rule.name);
    if (statuses === undefined) byRule.set(rule.name, [rule.status]);
    else statuses.push(rule.status);
  }
  return byRule;
}
