/**
 * The status of one event-tree record. Block records carry it on their block, a clause check
 * only says whether it succeeded; readers of the tree (explain, tests) need one answer for all.
 */
import type { RecordType, Status } from './types.js';

export function recordStatus(record: RecordType): Status {
  switch (record.kind) {
    case 'FileCheck':
    case 'RuleCheck':
    case 'RuleCondition':
    case 'TypeCondition':
    case 'TypeBlock':
    case 'Filter':
    case 'WhenCondition':
      return record.status;
    case 'TypeCheck':
    case 'WhenCheck':
    case 'Disjunction':
    case 'BlockGuardCheck':
    case 'GuardClauseBlockCheck':
      return record.block.status;
    case 'ClauseValueCheck':
      return record.check.kind === 'Success' ? 'PASS' : 'FAIL';
  }
}
