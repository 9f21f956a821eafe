/**
 * The structured report of `validate -z -o json|yaml` for one data file: cfn-guard 3.1.1's
 * `simplified_json_from_root` and `report_all_failed_clauses_for_rules` (eval_context.rs) applied
 * to the event tree of each rules file's evaluation, then merged as its `FileReport::combine` does.
 * Message texts are the reference's, word for word (its typos included).
 */
import { valueText } from '../compile/display.js';
import type { UnresolvedResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';
import { valueToJson } from '../values/value-to-json.js';
import type {
  StructuredClauseReport,
  StructuredComparison,
  StructuredFileReport,
  StructuredPathValue,
  StructuredUnResolved,
} from './structured-types.js';
import type { CheckedValue, Comparison, EvaluationReport, EventRecord, Status } from './types.js';


/** Merges the reports of several rules files for one data file (`-r a.guard -r b.guard`). */
export function toStructuredReport(dataName: string, reports: readonly EvaluationReport[]): StructuredFileReport {
  let status: Status = 'SKIP';
  const notCompliant: StructuredClauseReport[] = [];
  const notApplicable = new Set<string>();
  const compliant = new Set<string>();
  for (const report of reports) {
    status = combineStatus(status, report.status);
    const root = report.events;
    if (root === null) throw new Error('toStructuredReport needs reports evaluated with record: true');
    const printer = new ValuePrinter(report.rulesFile);
    for (const child of root.children) {
      if (child.record.kind !== 'RuleCheck') continue;
      if (child.record.status === 'PASS') compliant.add(child.record.name);
      else if (child.record.status === 'SKIP') notApplicable.add(child.record.name);
    }
    notCompliant.push(...failedClauses(root.children, printer));
  }
  return {
    name: dataName,
    metadata: {},
    status,
    not_compliant: notCompliant,
    not_applicable: [...notApplicable].sort(compareBytes),
    compliant: [...compliant].sort(compareBytes),
  };
}

/** cfn-guard's `Status::and`: FAIL wins, then PASS; SKIP yields to anything. */
export function combineStatus(left: Status, right: Status): Status {
  if (left === 'FAIL') return 'FAIL';
  if (left === 'PASS') return right === 'FAIL' ? 'FAIL' : 'PASS';
  return right;
}

/** `BTreeSet<String>` order: UTF-8 bytes, i.e. code points. */
function compareBytes(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Prints values as the reference does: rules-file literals have no location (`[L:0,C:0]`). */
class ValuePrinter {
  constructor(private readonly rulesFile: string) {}

  location(value: Value): string {
    const span = value.span;
    if (span === null || span.file === this.rulesFile) return '[L:0,C:0]';
    return `[L:${span.start.line - 1},C:${span.start.column - 1}]`;
  }

  pathText(value: Value): string {
    return `${value.path}${this.location(value)}`;
  }

  /** `PathAwareValue`'s display: `Path=/a/b[L:1,C:2] Value="x"`. */
  display(value: Value): string {
    return `Path=${value.path}${this.location(value)} Value=${valueText(value)}`;
  }
}

function pathValue(value: Value): StructuredPathValue {
  return { path: value.path, value: reportJson(value) };
}

/** cfn-guard serialises ranges as their display (`[1,10)`, `[a,z]`), not as rules-file syntax. */
function reportJson(value: Value): unknown {
  if (!containsRange(value)) return valueToJson(value);
  if (value.kind === 'range') return valueText(value).replaceAll("'", '');
  if (value.kind === 'list') return value.items.map(reportJson);
  if (value.kind === 'map') return Object.fromEntries([...value.entries].map(([k, v]) => [k, reportJson(v)]));
  return valueToJson(value);
}

function containsRange(value: Value): boolean {
  if (value.kind === 'range') return true;
  if (value.kind === 'list') return value.items.some(containsRange);
  if (value.kind === 'map') {
    for (const item of value.entries.values()) if (containsRange(item)) return true;
  }
  return false;
}

function unresolvedJson(u: UnresolvedResult): StructuredUnResolved {
  return { traversed_to: pathValue(u.traversedTo), remaining_query: u.remainingQuery, reason: u.reason };
}

function comparisonJson([operator, negated]: Comparison): StructuredComparison {
  return [operator, negated];
}

const UNARY_FAILURE_TEXT: Readonly<Record<string, readonly [string, string]>> = {
  Exists: ['did not exist', 'existed'],
  Empty: ['was not empty', 'was empty'],
  IsList: ['was not list', 'was a list '],
  IsMap: ['was not struct', 'was a struct'],
  IsString: ['was not string', 'was a string '],
  IsInt: ['was not int', 'was int'],
  IsBool: ['was not bool', 'was bool'],
  IsNull: ['was not null', 'was null'],
  IsFloat: ['was not float', 'was float'],
};

const BINARY_FAILURE_TEXT: Readonly<Record<string, readonly [string, string]>> = {
  Eq: ['not equal to', 'equal to'],
  Le: ['not less than equal to', 'less than equal to'],
  Lt: ['not less than', 'less than'],
  Ge: ['not greater than equal', 'greater than equal to'],
  Gt: ['not greater than', 'greater than'],
  In: ['not in', 'in'],
};

function valueOf(result: CheckedValue): Value | null {
  return result.kind === 'unresolved' ? null : result.value;
}

function resultText(result: CheckedValue, printer: ValuePrinter): string {
  if (result.kind === 'unresolved') return `(unresolved, ${printer.display(result.traversedTo)})`;
  if (result.kind === 'literal') return `literal, ${printer.display(result.value)}`;
  return `(resolved, ${printer.display(result.value)})`;
}

function failedClauses(records: readonly EventRecord[], printer: ValuePrinter): StructuredClauseReport[] {
  const clauses: StructuredClauseReport[] = [];
  for (const current of records) {
    const record = current.record;
    switch (record.kind) {
      case 'RuleCheck':
        if (record.status === 'FAIL') {
          clauses.push({
            Rule: {
              name: record.name,
              metadata: {},
              messages: { custom_message: record.message, error_message: null },
              checks: failedClauses(current.children, printer),
            },
          });
        }
        break;
      case 'BlockGuardCheck':
        if (record.block.status !== 'FAIL') break;
        if (current.children.length === 0) {
          clauses.push({
            Block: {
              context: current.context,
              messages: { custom_message: null, error_message: 'query for block clause did not retrieve any value' },
              unresolved: null,
            },
          });
        } else clauses.push(...failedClauses(current.children, printer));
        break;
      case 'Disjunction':
        if (record.block.status === 'FAIL') clauses.push({ Disjunctions: { checks: failedClauses(current.children, printer) } });
        break;
      case 'GuardClauseBlockCheck':
      case 'WhenCheck':
      case 'TypeCheck':
        if (record.block.status === 'FAIL') clauses.push(...failedClauses(current.children, printer));
        break;
      case 'TypeBlock':
        if (record.status === 'FAIL') clauses.push(...failedClauses(current.children, printer));
        break;
      case 'ClauseValueCheck': {
        const clause = clauseReport(current, printer);
        if (clause !== null) clauses.push(clause);
        break;
      }
      default:
        break;
    }
  }
  return clauses;
}

function clauseReport(current: EventRecord, printer: ValuePrinter): StructuredClauseReport | null {
  if (current.record.kind !== 'ClauseValueCheck') return null;
  const check = current.record.check;
  const context = current.context;
  switch (check.kind) {
    case 'Success':
      return null;
    case 'NoValueForEmptyCheck':
      return {
        Clause: {
          Unary: {
            check: { UnResolvedContext: context },
            context,
            messages: {
              custom_message: (check.customMessage ?? '').replaceAll('\n', ';'),
              error_message: `Check was not compliant as variable in context [${context}] was not empty`,
            },
          },
        },
      };
    case 'DependentRule':
      return {
        Clause: {
          Unary: {
            check: { UnResolvedContext: check.rule },
            context,
            messages: {
              custom_message: check.customMessage ?? '',
              error_message: `Check was not compliant as dependent rule [${check.rule}] did not PASS. Context [${context}]`,
            },
          },
        },
      };
    case 'MissingBlockValue': {
      if (check.from.kind !== 'unresolved') return null;
      return {
        Block: {
          context,
          messages: {
            custom_message: check.customMessage ?? '',
            error_message: `Check was not compliant as property [${check.from.remainingQuery}] is missing. Value traversed to [${printer.display(check.from.traversedTo)}]`,
          },
          unresolved: unresolvedJson(check.from),
        },
      };
    }
    case 'Unary': {
      const [operator, negated] = check.comparison;
      const text = UNARY_FAILURE_TEXT[operator]![negated ? 1 : 0];
      const error = check.message === null ? '' : `Error = [${check.message}]`;
      const custom = check.customMessage ?? '';
      if (check.from.kind === 'unresolved') {
        return {
          Clause: {
            Unary: {
              check: { UnResolved: { value: unresolvedJson(check.from), comparison: comparisonJson(check.comparison) } },
              context,
              messages: {
                custom_message: custom,
                error_message: `Check was not compliant as property [${check.from.remainingQuery}] is missing. Value traversed to [${printer.display(check.from.traversedTo)}].${error}`,
              },
            },
          },
        };
      }
      return {
        Clause: {
          Unary: {
            check: { Resolved: { value: pathValue(check.from.value), comparison: comparisonJson(check.comparison) } },
            context,
            messages: { custom_message: custom, error_message: `Check was not compliant as property [${printer.pathText(check.from.value)}] ${text}.${error}` },
          },
        },
      };
    }
    case 'Comparison': {
      const [operator, negated] = check.comparison;
      const custom = check.customMessage ?? '';
      const error = check.message === null ? '' : ` Error = [${check.message}]`;
      if (check.from.kind === 'unresolved') {
        return {
          Clause: {
            Binary: {
              context,
              messages: {
                custom_message: custom,
                error_message: `Check was not compliant as property [${check.from.remainingQuery}] to compare from is missing. Value traversed to [${printer.display(check.from.traversedTo)}].${error}`,
              },
              check: { UnResolved: { value: unresolvedJson(check.from), comparison: comparisonJson(check.comparison) } },
            },
          },
        };
      }
      const from = check.from.value;
      const to = check.to;
      if (to === null) return null;
      if (to.kind === 'unresolved') {
        return {
          Clause: {
            Binary: {
              context,
              messages: {
                custom_message: custom,
                error_message: `Check was not compliant as property [${to.remainingQuery}] to compare to is missing. Value traversed to [${printer.display(to.traversedTo)}].${error}`,
              },
              check: { UnResolved: { value: unresolvedJson(to), comparison: comparisonJson(check.comparison) } },
            },
          },
        };
      }
      const text = BINARY_FAILURE_TEXT[operator]![negated ? 1 : 0];
      return {
        Clause: {
          Binary: {
            context,
            messages: {
              custom_message: custom,
              error_message: `Check was not compliant as property value [${printer.display(from)}] ${text} value [${printer.display(to.value)}].${error}`,
            },
            check: { Resolved: { from: pathValue(from), to: pathValue(to.value), comparison: comparisonJson(check.comparison) } },
          },
        },
      };
    }
    case 'InComparison': {
      const from = valueOf(check.from) ?? (check.from.kind === 'unresolved' ? check.from.traversedTo : null);
      if (from === null) return null;
      const toText = check.to.map((t) => resultText(t, printer)).join('.').replaceAll('.[', '[');
      return {
        Clause: {
          Binary: {
            context,
            messages: {
              custom_message: check.customMessage,
              error_message: `Check was not compliant as property [${printer.pathText(from)}] was not present in [${toText}]`,
            },
            check: {
              InResolved: {
                from: pathValue(from),
                to: check.to.filter((t) => t.kind === 'resolved').map((t) => pathValue((t as { value: Value }).value)),
                comparison: comparisonJson(check.comparison),
              },
            },
          },
        },
      };
    }
  }
}
