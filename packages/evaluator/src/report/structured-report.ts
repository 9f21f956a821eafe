/**
 * The structured report of `validate -z -o json|yaml` for one data file: cfn-guard 3.1.1's
 * `simplified_json_from_root` and `report_all_failed_clauses_for_rules` (eval_context.rs) applied
 * to the event tree of each rules file's evaluation, then merged as its `FileReport::combine` does.
 * Message texts are the reference's, word for word (its typos included).
 */
import { valueText } from '../compile/display.js';
import { HeapWatch } from '../eval/heap-guard.js';
import type { UnresolvedResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';
import { serdeJson } from './serde-json.js';
import type {
  StructuredBinaryCheck,
  StructuredClauseReport,
  StructuredComparison,
  StructuredFileReport,
  StructuredPathValue,
  StructuredUnaryCheck,
  StructuredUnResolved,
  StructuredValueUnResolved,
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
    failedClauses(root.children, printer, notCompliant);
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
  /** A cross product's report can outgrow the heap (n^2 messages of n values each): it stops first. */
  readonly watch = new HeapWatch();

  constructor(private readonly rulesFile: string) {}

  location(value: Value): string {
    const span = value.span;
    if (span === null || span.file === this.rulesFile) return '[L:0,C:0]';
    return `[L:${span.start.line - 1},C:${span.start.column - 1}]`;
  }

  pathText(value: Value): string {
    return `${value.path}${this.location(value)}`;
  }

  /**
   * The text and values of an `in` check's right-hand side. The checks of one clause share one
   * right-hand side (binary-clause.ts), and so share this: a cross product's n^2 checks of n values
   * each would otherwise build n^3 strings and objects.
   */
  inTarget(to: readonly CheckedValue[]): { readonly text: string; readonly values: readonly StructuredPathValue[] } {
    let target = this.inTargets.get(to);
    if (target === undefined) {
      target = {
        text: to.map((t) => resultText(t, this)).join('.').replaceAll('.[', '['),
        values: to.filter((t) => t.kind === 'resolved').map((t) => pathValue((t as { value: Value }).value)),
      };
      this.inTargets.set(to, target);
    }
    return target;
  }

  private readonly inTargets = new WeakMap<readonly CheckedValue[], { readonly text: string; readonly values: readonly StructuredPathValue[] }>();

  /** `PathAwareValue`'s display: `Path=/a/b[L:1,C:2] Value="x"`. */
  display(value: Value): string {
    return `Path=${value.path}${this.location(value)} Value=${valueText(value)}`;
  }
}

function pathValue(value: Value): StructuredPathValue {
  return { path: value.path, value: serdeJson(value) };
}

function unresolvedJson(u: UnresolvedResult): StructuredUnResolved {
  return { traversed_to: pathValue(u.traversedTo), remaining_query: u.remainingQuery, reason: u.reason };
}

function comparisonJson([operator, negated]: Comparison): StructuredComparison {
  return [operator, negated];
}

/** How a failed check's message words its operator: `[when not negated, when negated]`. */
const FAILURE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  // Unary operators (the reference's spacing and articles, word for word).
  Exists: ['did not exist', 'existed'],
  Empty: ['was not empty', 'was empty'],
  IsList: ['was not list', 'was a list '],
  IsMap: ['was not struct', 'was a struct'],
  IsString: ['was not string', 'was a string '],
  IsInt: ['was not int', 'was int'],
  IsBool: ['was not bool', 'was bool'],
  IsNull: ['was not null', 'was null'],
  IsFloat: ['was not float', 'was float'],
  // Binary operators.
  Eq: ['not equal to', 'equal to'],
  Le: ['not less than equal to', 'less than equal to'],
  Lt: ['not less than', 'less than'],
  Ge: ['not greater than equal', 'greater than equal to'],
  Gt: ['not greater than', 'greater than'],
  In: ['not in', 'in'],
};

function failureWords([operator, negated]: Comparison): string {
  return FAILURE_WORDS[operator]![negated ? 1 : 0];
}

function valueOf(result: CheckedValue): Value | null {
  return result.kind === 'unresolved' ? null : result.value;
}

function resultText(result: CheckedValue, printer: ValuePrinter): string {
  if (result.kind === 'unresolved') return `(unresolved, ${printer.display(result.traversedTo)})`;
  if (result.kind === 'literal') return `literal, ${printer.display(result.value)}`;
  return `(resolved, ${printer.display(result.value)})`;
}

/** Appends the reports of the failed clauses among `records` to `clauses` (a spread of a cross product's would overflow the stack). */
function failedClauses(records: readonly EventRecord[], printer: ValuePrinter, clauses: StructuredClauseReport[] = []): StructuredClauseReport[] {
  for (const current of records) {
    printer.watch.step();
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
        } else failedClauses(current.children, printer, clauses);
        break;
      case 'Disjunction':
        if (record.block.status === 'FAIL') clauses.push({ Disjunctions: { checks: failedClauses(current.children, printer) } });
        break;
      case 'GuardClauseBlockCheck':
      case 'WhenCheck':
      case 'TypeCheck':
        if (record.block.status === 'FAIL') failedClauses(current.children, printer, clauses);
        break;
      case 'TypeBlock':
        if (record.status === 'FAIL') failedClauses(current.children, printer, clauses);
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

/** `Clause(Binary)`, its fields in cfn-guard's serialisation order. */
function binaryClause(context: string, custom: string | null, error: string, check: StructuredBinaryCheck): StructuredClauseReport {
  return { Clause: { Binary: { context, messages: { custom_message: custom, error_message: error }, check } } };
}

/** `Clause(Unary)`, its fields in cfn-guard's serialisation order. */
function unaryClause(context: string, custom: string, error: string, check: StructuredUnaryCheck): StructuredClauseReport {
  return { Clause: { Unary: { check, context, messages: { custom_message: custom, error_message: error } } } };
}

function unresolvedCheck(unresolved: UnresolvedResult, comparison: Comparison): { UnResolved: StructuredValueUnResolved } {
  return { UnResolved: { value: unresolvedJson(unresolved), comparison: comparisonJson(comparison) } };
}

/** `Check was not compliant as property [Q] is missing. Value traversed to [Path=… Value=…]`. */
function missingText(unresolved: UnresolvedResult, what: string, printer: ValuePrinter): string {
  return `Check was not compliant as property [${unresolved.remainingQuery}]${what} is missing. Value traversed to [${printer.display(unresolved.traversedTo)}]`;
}

function clauseReport(current: EventRecord, printer: ValuePrinter): StructuredClauseReport | null {
  if (current.record.kind !== 'ClauseValueCheck') return null;
  const check = current.record.check;
  const context = current.context;
  switch (check.kind) {
    case 'Success':
      return null;
    case 'NoValueForEmptyCheck':
      return unaryClause(
        context,
        (check.customMessage ?? '').replaceAll('\n', ';'),
        `Check was not compliant as variable in context [${context}] was not empty`,
        { UnResolvedContext: context },
      );
    case 'DependentRule':
      return unaryClause(
        context,
        check.customMessage ?? '',
        `Check was not compliant as dependent rule [${check.rule}] did not PASS. Context [${context}]`,
        { UnResolvedContext: check.rule },
      );
    case 'MissingBlockValue': {
      if (check.from.kind !== 'unresolved') return null;
      return {
        Block: {
          context,
          messages: { custom_message: check.customMessage ?? '', error_message: missingText(check.from, '', printer) },
          unresolved: unresolvedJson(check.from),
        },
      };
    }
    case 'Unary': {
      const error = check.message === null ? '' : `Error = [${check.message}]`;
      const custom = check.customMessage ?? '';
      if (check.from.kind === 'unresolved') {
        return unaryClause(context, custom, `${missingText(check.from, '', printer)}.${error}`, unresolvedCheck(check.from, check.comparison));
      }
      const from = check.from.value;
      return unaryClause(
        context,
        custom,
        `Check was not compliant as property [${printer.pathText(from)}] ${failureWords(check.comparison)}.${error}`,
        { Resolved: { value: pathValue(from), comparison: comparisonJson(check.comparison) } },
      );
    }
    case 'Comparison': {
      const custom = check.customMessage ?? '';
      const error = check.message === null ? '' : ` Error = [${check.message}]`;
      if (check.from.kind === 'unresolved') {
        return binaryClause(context, custom, `${missingText(check.from, ' to compare from', printer)}.${error}`, unresolvedCheck(check.from, check.comparison));
      }
      const from = check.from.value;
      const to = check.to;
      if (to === null) return null;
      if (to.kind === 'unresolved') {
        return binaryClause(context, custom, `${missingText(to, ' to compare to', printer)}.${error}`, unresolvedCheck(to, check.comparison));
      }
      return binaryClause(
        context,
        custom,
        `Check was not compliant as property value [${printer.display(from)}] ${failureWords(check.comparison)} value [${printer.display(to.value)}].${error}`,
        { Resolved: { from: pathValue(from), to: pathValue(to.value), comparison: comparisonJson(check.comparison) } },
      );
    }
    case 'InComparison': {
      const from = valueOf(check.from) ?? (check.from.kind === 'unresolved' ? check.from.traversedTo : null);
      if (from === null) return null;
      const target = printer.inTarget(check.to);
      return binaryClause(context, check.customMessage, `Check was not compliant as property [${printer.pathText(from)}] was not present in [${target.text}]`, {
        InResolved: {
          from: pathValue(from),
          to: target.values,
          comparison: comparisonJson(check.comparison),
        },
      });
    }
  }
}
