/**
 * One status per rule name, as cfn-guard's summary table and `test` combine the copies of a name
 * defined several times: FAIL over PASS over SKIP.
 */
import type { RuleVerdict } from '../engine/guard-engine.js';
import type { Status } from './structured-report.js';

const RANK: Readonly<Record<Status, number>> = { SKIP: 0, PASS: 1, FAIL: 2 };

export function combinedRuleStatuses(rules: readonly RuleVerdict[]): Record<string, Status> {
  const statuses: Record<string, Status> = {};
  for (const rule of rules) {
    const previous = statuses[rule.name];
    if (previous === undefined || RANK[rule.status] > RANK[previous]) statuses[rule.name] = rule.status;
  }
  return statuses;
}
