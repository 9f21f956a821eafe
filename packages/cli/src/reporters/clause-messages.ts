/** cfn-guard's `ClauseReport::get_message`: the messages of every failing check, depth first. */
import type { ClauseReport, Messages } from '../report/structured-report.js';

export function clauseMessages(report: ClauseReport): Messages[] {
  if ('Rule' in report) return report.Rule.checks.flatMap(clauseMessages);
  if ('Block' in report) return [report.Block.messages];
  if ('Disjunctions' in report) return report.Disjunctions.checks.flatMap(clauseMessages);
  const clause = report.Clause;
  return ['Unary' in clause ? clause.Unary.messages : clause.Binary.messages];
}
