/**
 * The sentences of the `--explain` text: a value with its path and position, where a query
 * stopped, a failed check as `<found> <operator> <expected>`. One instance per rendering, holding
 * what the phrases depend on (the directory positions are shown relative to, the rules' verdicts).
 */
import type { CheckedValue, ClauseCheck, Status, Value } from '@guardts/evaluator';
import type { SourceSpan } from '@guardts/guard-parser';
import { displayPath, operatorSymbol, previewValue, spanLocation, truncate } from './explain-values.js';

export type FailedCheck = Exclude<ClauseCheck, { kind: 'Success' }>;

export class ExplainPhrasing {
  constructor(
    private readonly cwd: string | null,
    private readonly ruleStatuses: ReadonlyMap<string, Status>,
    private readonly maxListed: number,
  ) {}

  /** `  (file:line:column)`, or nothing without a span. */
  at(span: SourceSpan | null): string {
    const location = spanLocation(span, this.cwd);
    return location === null ? '' : `  (${location})`;
  }

  /** `/Resources/Fn/Properties/Mode = "PassThrough" (template.yaml:30:9)`; a rule literal as itself. */
  valueAt(value: Value, withPreview = false): string {
    if (isLiteral(value)) return previewValue(value);
    const location = spanLocation(value.span, this.cwd);
    const preview = withPreview ? ` = ${previewValue(value)}` : '';
    return `${displayPath(value)}${preview}${location === null ? '' : ` (${location})`}`;
  }

  paths(values: readonly Value[]): string {
    const paths = values.slice(0, this.maxListed).map(displayPath);
    return `${paths.join(', ')}${values.length > this.maxListed ? `, … ${values.length - this.maxListed} more` : ''}`;
  }

  values(values: readonly Value[]): string {
    if (values.length === 0) return 'nothing';
    if (values.length === 1) return this.valueAt(values[0]!, true);
    return `${values.length} values: ${this.paths(values)}`;
  }

  /** Where a query stopped, said plainly: the missing key and the keys that were there. */
  stop(part: string, at: Value, reason: string): string {
    if (at.kind === 'map') {
      // A `%var` part looks up the variable's value as a key; cfn-guard's reason names it.
      const key = part.startsWith('%') ? /Could not locate key = (.*) inside struct/.exec(reason)?.[1] : part.startsWith('[') || part.startsWith('*') ? undefined : part;
      if (key !== undefined) {
        const keys = at.keys.map((each) => each.value);
        const there = keys.length === 0 ? 'it is empty' : `keys there: ${truncate(keys.join(', '), 120)}`;
        return `no key "${key}"${key === part ? '' : ` (the value of ${part})`} in ${this.valueAt(at)}; ${there}`;
      }
    }
    if ((at.kind === 'list' && at.items.length === 0) || (at.kind === 'map' && at.entries.size === 0)) return `${this.valueAt(at)} is empty`;
    if (at.kind !== 'map' && at.kind !== 'list') return `${this.valueAt(at)} is ${previewValue(at)}, not a map or list`;
    return truncate(reason, 160);
  }

  side(side: CheckedValue): string {
    if (side.kind === 'unresolved') return `${remainingText(side.remainingQuery)} not found in ${displayPath(side.traversedTo)}`;
    if (side.kind === 'literal') return previewValue(side.value);
    return this.valueAt(side.value, true);
  }

  /** One failed check: `<lhs> <op> <rhs>`, with the reason and the rule's own message. */
  check(check: FailedCheck): string {
    let text: string;
    switch (check.kind) {
      case 'Comparison':
        text =
          check.to === null
            ? `${this.side(check.from)}, so ${operatorSymbol(check.comparison)} fails`
            : `${this.side(check.from)} ${operatorSymbol(check.comparison)} ${this.side(check.to)}`;
        break;
      case 'InComparison':
        text = `${this.side(check.from)} ${operatorSymbol(check.comparison)} ${check.to.length === 1 ? this.side(check.to[0]!) : `[${check.to.map((to) => this.side(to)).join(', ')}]`}`;
        break;
      case 'Unary':
        text = `${this.side(check.from)}: ${operatorSymbol(check.comparison)} is false`;
        break;
      case 'NoValueForEmptyCheck':
        text = 'the query selected nothing, but a value was required (!empty)';
        break;
      case 'DependentRule':
        text = `rule ${check.rule} is ${this.ruleStatuses.get(check.rule) ?? 'not PASS'}, so the reference fails`;
        break;
      case 'MissingBlockValue':
        text = `block query did not resolve: ${this.side(check.from)}`;
        break;
    }
    // A missing block value's message only repeats the query and the reason in cfn-guard's words.
    const message = 'message' in check && check.message !== null && check.kind !== 'MissingBlockValue' ? ` (${truncate(check.message, 160)})` : '';
    const custom = check.customMessage !== null ? ` «${truncate(check.customMessage.trim(), 160)}»` : '';
    return `${text}${message}${custom}`;
  }
}

/** cfn-guard displays filters in a query as `(filter-clauses)`. */
function remainingText(query: string): string {
  return query.replace(/\s*\(filter-clauses\)/g, '[filter]').replace(/\s*\(map-key-filter-clauses\)/g, '[keys filter]').trim();
}

/** Rule literals (and literal arguments) have no data path; the document root has one, but it is a map. */
function isLiteral(value: Value): boolean {
  return value.path === '' && value.kind !== 'map';
}
