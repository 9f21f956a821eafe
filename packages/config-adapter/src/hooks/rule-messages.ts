/**
 * What to tell a deployer about a failed rule: the rule author's `<< … >>` texts, or, when the
 * clause has none, which value failed (`/configuration/tracingConfig/mode is "PassThrough", expected EQUALS "Active"`).
 */
import { valueToJson, type CheckedValue, type ClauseCheck, type EventRecord } from '@guardts/evaluator';

export function failureMessages(events: EventRecord | null, ruleName: string): string[] {
  if (events === null) return [];
  const rule = events.children.find((child) => child.record.kind === 'RuleCheck' && child.record.name === ruleName);
  const messages = new Set<string>();
  const visit = (record: EventRecord) => {
    if (record.record.kind === 'ClauseValueCheck') {
      const text = describeFailure(record.record.check);
      if (text) messages.add(text);
    }
    record.children.forEach(visit);
  };
  if (rule) visit(rule);
  return [...messages];
}

function describeFailure(check: ClauseCheck): string | null {
  if (check.kind === 'Success') return null;
  if (check.customMessage) return check.customMessage.trim();
  switch (check.kind) {
    case 'Comparison': {
      const [operator, negated] = check.comparison;
      const expected = check.to === null ? '' : ` ${checkedText(check.to)}`;
      return `${checkedPath(check.from)} is ${checkedText(check.from)}, expected ${negated ? 'NOT ' : ''}${operator.toUpperCase()}${expected}`;
    }
    case 'Unary': {
      const [operator, negated] = check.comparison;
      return `${checkedPath(check.from)} failed ${negated ? 'NOT ' : ''}${operator.toUpperCase()}`;
    }
    case 'MissingBlockValue':
      return `${checkedPath(check.from)}: ${check.message ?? 'no value'}`;
    default:
      return 'message' in check && check.message ? check.message : null;
  }
}

function checkedPath(checked: CheckedValue): string {
  if (checked.kind === 'literal') return 'literal';
  return checked.kind === 'resolved' ? checked.value.path : `${checked.traversedTo.path}/${checked.remainingQuery.replace(/\./g, '/')}`;
}

function checkedText(checked: CheckedValue): string {
  if (checked.kind === 'unresolved') return 'missing';
  return JSON.stringify(valueToJson(checked.value));
}
