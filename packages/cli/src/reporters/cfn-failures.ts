/**
 * Failure details for CloudFormation templates: cfn-guard's `CfnAware` single-line summary
 * (reporters/validate/cfn.rs and common.rs). Failing checks are grouped by resource, then by rule,
 * with the property path, operator, values and a code excerpt. Where the reference's order comes
 * from a hash map (resources), guardts uses the order of the failing paths.
 */
import type { Value } from '@guardts/evaluator';
import { findValueByPath } from '../report/locate-value.js';
import type { ClauseReport, Messages, UnResolved } from '../report/structured-report.js';
import type { Styler } from './colour.js';
import { operatorWords } from './operator-words.js';
import type { PairReportInput } from './pair-report.js';
import { ReadCursor } from './read-cursor.js';
import { referencePosition, selfPath, valueOnlyDisplay } from './value-display.js';

/** A clause of the report with its hierarchy key (`/rule/B[3]/C[7]`, identity by counter). */
interface ClauseNode {
  readonly key: string;
  readonly clause: ClauseReport;
}

interface ResourceFailures {
  readonly name: string;
  readonly type: string | null;
  readonly cdkPath: string | null;
  readonly clauses: Set<ClauseReport>;
  readonly keys: Set<string>;
  /** Indices of this resource's failing clauses among their parent's checks, per parent. */
  readonly leafIndices: Map<ClauseReport, number[]>;
}

/** Where each leaf clause sits (its parent `Rule` or `Disjunctions`, its index there), and where each parent's nested rules and disjunctions sit. */
interface TreeShape {
  readonly leafPositions: Map<ClauseReport, { parent: ClauseReport; index: number }[]>;
  readonly compositeIndices: Map<ClauseReport, number[]>;
}

const isComposite = (clause: ClauseReport): boolean => 'Rule' in clause || 'Disjunctions' in clause;
const checksOf = (clause: ClauseReport): readonly ClauseReport[] => ('Rule' in clause ? clause.Rule.checks : 'Disjunctions' in clause ? clause.Disjunctions.checks : []);

function treeShape(report: readonly ClauseReport[]): TreeShape {
  const leafPositions: TreeShape['leafPositions'] = new Map();
  const compositeIndices: TreeShape['compositeIndices'] = new Map();
  const visit = (parent: ClauseReport): void => {
    const composites: number[] = [];
    checksOf(parent).forEach((child, index) => {
      if (isComposite(child)) {
        composites.push(index);
        visit(child);
        return;
      }
      const positions = leafPositions.get(child) ?? [];
      positions.push({ parent, index });
      leafPositions.set(child, positions);
    });
    compositeIndices.set(parent, composites);
  };
  for (const clause of report) if (isComposite(clause)) visit(clause);
  return { leafPositions, compositeIndices };
}

/**
 * The checks of `parent` that print for `resource`: every nested rule or disjunction (printed even
 * when empty, as the reference does) and the resource's own failing clauses, in check order.
 * Looking only at these keeps the report linear in the number of failures; the reference visits
 * every check of every rule for every resource.
 */
function printedChecks(parent: ClauseReport, resource: ResourceFailures, shape: TreeShape): ClauseReport[] {
  const checks = checksOf(parent);
  const composites = shape.compositeIndices.get(parent) ?? [];
  const leaves = resource.leafIndices.get(parent) ?? [];
  if (leaves.length === 0) return composites.map((index) => checks[index]!);
  const indices = composites.length === 0 ? leaves : [...composites, ...leaves].sort((a, b) => a - b);
  return indices.map((index) => checks[index]!);
}

/** Paths a clause is about: its `value_from` and `value_to` in the reference. */
function clausePaths(clause: ClauseReport): string[] {
  if ('Block' in clause) return clause.Block.unresolved === null ? [] : [clause.Block.unresolved.traversed_to.path];
  if (!('Clause' in clause)) return [];
  const guard = clause.Clause;
  if ('Unary' in guard) {
    const check = guard.Unary.check;
    if ('Resolved' in check) return [check.Resolved.value.path];
    if ('UnResolved' in check) return [check.UnResolved.value.traversed_to.path];
    return [];
  }
  const check = guard.Binary.check;
  if ('Resolved' in check) return [check.Resolved.from.path, check.Resolved.to.path];
  if ('InResolved' in check) return [check.InResolved.from.path];
  return [check.UnResolved.value.traversed_to.path];
}

/** `populate_hierarchy_path_trees`: every failing clause under its value's path. */
function pathTree(report: readonly ClauseReport[]): Map<string, ClauseNode[]> {
  const tree = new Map<string, ClauseNode[]>();
  let counter = 0;
  const visit = (clause: ClauseReport, parent: string): void => {
    counter += 1;
    if ('Rule' in clause) {
      const key = `${parent}/${clause.Rule.name}`;
      for (const child of clause.Rule.checks) visit(child, key);
      return;
    }
    if ('Disjunctions' in clause) {
      const key = `${parent}/Or[${counter}]`;
      for (const child of clause.Disjunctions.checks) visit(child, key);
      return;
    }
    const key = `${parent}/${'Block' in clause ? 'B' : 'C'}[${counter}]`;
    for (const path of clausePaths(clause)) {
      const nodes = tree.get(path) ?? [];
      nodes.push({ key, clause });
      tree.set(path, nodes);
    }
  };
  for (const clause of report) visit(clause, '');
  return tree;
}

function stringAt(value: Value | null, key: string): string | null | 'not-a-string' {
  if (value === null || value.kind !== 'map') return null;
  const entry = value.entries.get(key);
  if (entry === undefined) return null;
  return entry.kind === 'string' ? entry.value : 'not-a-string';
}

/**
 * The resource a failing path belongs to: the longest `/Resources/<name>` prefix whose value has a
 * string `Type` (resource names may contain '/'). cfn-guard panics when none has one; guardts
 * then falls back to the first segment and prints no `Type` (docs/divergences.md).
 */
function resourceOf(document: Value, path: string): { name: string; type: string | null; cdkPath: string | null } | null {
  const match = /^\/Resources\/(.+)$/.exec(path);
  if (match === null) return null;
  const segments = match[1]!.split('/');
  // `/Resources/X` names X itself; deeper paths try the longest proper prefix first.
  for (let take = segments.length === 1 ? 1 : segments.length - 1; take >= 1; take--) {
    const name = segments.slice(0, take).join('/');
    const resource = findValueByPath(document, `/Resources/${name}`);
    if (resource === null || resource.path !== `/Resources/${name}`) continue;
    const type = stringAt(resource, 'Type');
    if (type === null || type === 'not-a-string') continue;
    const metadata = resource.kind === 'map' ? (resource.entries.get('Metadata') ?? null) : null;
    const cdkPath = stringAt(metadata, 'aws:cdk:path');
    return { name, type, cdkPath: cdkPath === 'not-a-string' ? null : cdkPath };
  }
  return { name: segments[0]!, type: null, cdkPath: null };
}

class ConsoleWriter {
  readonly lines: string[] = [];
  constructor(
    private readonly cursor: ReadCursor,
    private readonly document: Value,
    private readonly style: Styler,
  ) {}

  line(text: string): void {
    this.lines.push(text);
  }

  /** `emit_code`: up to six lines of the data file starting two lines above the value. */
  code(into: string[], zeroBasedLine: number, prefix: string): void {
    into.push(`${prefix}Code:`);
    const inner = `${prefix}  `;
    // Rust's usize subtraction wraps below zero, which seeks past the end of the file.
    const start = zeroBasedLine >= 2 ? Math.max(1, zeroBasedLine - 2) : Number.MAX_SAFE_INTEGER;
    const first = this.cursor.seekLine(start);
    const show = ([number, text]: [number, string]): string => `${inner}${this.style.enabled ? `\u001b[92m${formatCodeLine(number, text)}\u001b[0m` : formatCodeLine(number, text)}`;
    if (first !== undefined) into.push(show(first));
    for (let context = 5; context > 0; context--) {
      const next = this.cursor.next();
      if (next === undefined) break;
      into.push(show(next));
    }
  }

  position(path: string): { line: number; column: number } {
    return referencePosition(this.document, path);
  }

  selfPath(path: string): string {
    return selfPath(this.document, path);
  }
}

function formatCodeLine(number: number, text: string): string {
  return `${String(number).padStart(5)}.${text}`;
}

function padEnd(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `emit_messages`: the custom message (split on ';' or newlines) and the error. */
function emitMessages(out: string[], prefix: string, message: string, error: string, width: number): void {
  if (message !== '') {
    const parts = (message.includes(';') ? message.split(';') : message.includes('\n') ? message.split('\n') : [message]).map((part) => part.trim()).filter((part) => part !== '');
    if (parts.length > 1) {
      out.push(`${prefix}${padEnd('Message', width)} {`);
      for (const part of parts) out.push(`${prefix}  ${part}`);
      out.push(`${prefix}}`);
    } else {
      out.push(`${prefix}${padEnd('Message', width)} = ${parts[0] ?? ''}`);
    }
  }
  if (error !== '') out.push(`${prefix}${padEnd('Error', width)} = ${error}`);
}

const custom = (messages: Messages): string => messages.custom_message ?? '';
const error = (messages: Messages): string => messages.error_message ?? '';

function retrievalError(writer: ConsoleWriter, prefix: string, unresolved: UnResolved, context: string, message: string): void {
  writer.line(`${prefix}Check = ${context} {`);
  const inner = `${prefix}  `;
  emitMessages(writer.lines, inner, message, '', 0);
  writer.line(`${inner}RequiredPropertyError {`);
  const deeper = `${inner}  `;
  writer.line(`${deeper}PropertyPath = ${writer.selfPath(unresolved.traversed_to.path)}`);
  writer.line(`${deeper}MissingProperty = ${unresolved.remaining_query}`);
  if (unresolved.reason !== null && unresolved.reason !== '') writer.line(`${deeper}Reason = ${unresolved.reason}`);
  writer.code(writer.lines, writer.position(unresolved.traversed_to.path).line, deeper);
  writer.line(`${inner}}`);
  writer.line(`${prefix}}`);
}

/** `pprint_clauses` for one clause of a rule, restricted to the resource's clauses. */
function printClause(writer: ConsoleWriter, clause: ClauseReport, resource: ResourceFailures, shape: TreeShape, prefix: string, style: Styler): void {
  const width = 'PropertyPath'.length + 4;
  if ('Rule' in clause) {
    writer.line(`${prefix}Rule = ${style.enabled ? `\u001b[95m${clause.Rule.name}\u001b[0m` : clause.Rule.name} {`);
    const inner = `${prefix}  `;
    emitMessages(writer.lines, inner, custom(clause.Rule.messages), error(clause.Rule.messages), 0);
    writer.line(`${inner}ALL {`);
    for (const child of printedChecks(clause, resource, shape)) printClause(writer, child, resource, shape, `${inner}  `, style);
    writer.line(`${inner}}`);
    writer.line(`${prefix}}`);
    return;
  }
  if ('Disjunctions' in clause) {
    writer.line(`${prefix}ANY {`);
    for (const child of printedChecks(clause, resource, shape)) printClause(writer, child, resource, shape, `${prefix}  `, style);
    writer.line(`${prefix}}`);
    return;
  }
  if (!resource.clauses.has(clause)) return;
  if ('Block' in clause) {
    const block = clause.Block;
    writer.line(`${prefix}Check = ${block.context} {`);
    const inner = `${prefix}  `;
    writer.line(`${inner}RequiredPropertyError {`);
    const deeper = `${inner}  `;
    const traversedTo = block.unresolved?.traversed_to.path ?? '';
    let blockWidth = 'Message'.length + 4;
    if (traversedTo !== '') {
      blockWidth = 'MissingProperty'.length + 4;
      writer.line(`${deeper}${padEnd('PropertyPath', blockWidth)}= ${traversedTo}`);
      writer.line(`${deeper}${padEnd('MissingProperty', blockWidth)}= ${block.unresolved?.remaining_query ?? ''}`);
    }
    const post: string[] = [];
    if (block.unresolved !== null) writer.code(post, writer.position(block.unresolved.traversed_to.path).line, deeper);
    emitMessages(writer.lines, deeper, custom(block.messages), error(block.messages), blockWidth);
    writer.line(post.map((line) => `${line}\n`).join(''));
    writer.line(`${inner}}`);
    writer.line(`${prefix}}`);
    return;
  }
  const guard = clause.Clause;
  const report = 'Unary' in guard ? guard.Unary : guard.Binary;
  const check = report.check;
  if ('UnResolved' in check) {
    retrievalError(writer, prefix, check.UnResolved.value, report.context, custom(report.messages));
    return;
  }
  if ('UnResolvedContext' in check) return;
  writer.line(`${prefix}Check = ${report.context} {`);
  const inner = `${prefix}  `;
  writer.line(`${inner}ComparisonError {`);
  const deeper = `${inner}  `;
  const post: string[] = [];
  const field = (name: string, value: string): string => `${deeper}${padEnd(name, width)}= ${value}`;
  if ('Resolved' in check && 'value' in check.Resolved) {
    const resolved = check.Resolved;
    post.push(field('PropertyPath', writer.selfPath(resolved.value.path)), field('Operator', operatorWords(resolved.comparison)));
    writer.code(post, writer.position(resolved.value.path).line, deeper);
  } else if ('Resolved' in check && 'from' in check.Resolved) {
    const resolved = check.Resolved;
    post.push(
      field('PropertyPath', writer.selfPath(resolved.from.path)),
      field('Operator', operatorWords(resolved.comparison)),
      field('Value', valueOnlyDisplay(resolved.from.value)),
      field('ComparedWith', valueOnlyDisplay(resolved.to.value)),
    );
    writer.code(post, writer.position(resolved.from.path).line, deeper);
  } else if ('InResolved' in check) {
    const resolved = check.InResolved;
    // The reference shows at most max(n, 5) + 1 of the compared values, as a Rust debug list.
    const shown = resolved.to.slice(0, Math.max(resolved.to.length, 5) + 1).map((value) => valueOnlyDisplay(value.value));
    post.push(
      field('PropertyPath', writer.selfPath(resolved.from.path)),
      field('Operator', operatorWords(resolved.comparison)),
      field('Value', valueOnlyDisplay(resolved.from.value)),
      field('ComparedWith', `[${shown.join(', ')}]`),
    );
    writer.code(post, writer.position(resolved.from.path).line, deeper);
  }
  emitMessages(writer.lines, deeper, custom(report.messages), error(report.messages), width);
  const postText = post.map((line) => `${line}\n`).join('');
  if ('InResolved' in check) {
    writer.line(`${inner}}`);
    writer.line(postText);
  } else {
    writer.line(postText);
    writer.line(`${inner}}`);
  }
  writer.line(`${prefix}}`);
}

/** The CloudFormation report, or null when a failing path is not under a resource (the reference then falls back to the generic report). */
export function renderCfnFailures(input: PairReportInput, style: Styler): string | null {
  const failures = input.evaluation.notCompliant;
  if (failures.length === 0) return '';
  const document = input.dataFile.document;
  const tree = pathTree(failures);
  const resources = new Map<string, ResourceFailures>();
  // The reference walks its path tree from "/Resources" on, in key order.
  const paths = [...tree.keys()].filter((path) => path >= '/Resources').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const resource = resourceOf(document, path);
    if (resource === null) return null;
    let entry = resources.get(resource.name);
    if (entry === undefined) {
      entry = { ...resource, clauses: new Set(), keys: new Set(), leafIndices: new Map() };
      resources.set(resource.name, entry);
    }
    for (const node of tree.get(path)!) {
      entry.clauses.add(node.clause);
      entry.keys.add(node.key);
    }
  }
  const shape = treeShape(failures);
  for (const resource of resources.values()) {
    for (const clause of resource.clauses) {
      for (const { parent, index } of shape.leafPositions.get(clause) ?? []) {
        const indices = resource.leafIndices.get(parent) ?? [];
        indices.push(index);
        resource.leafIndices.set(parent, indices);
      }
    }
    for (const indices of resource.leafIndices.values()) indices.sort((a, b) => a - b);
  }
  const writer = new ConsoleWriter(new ReadCursor(input.dataFile.content), document, style);
  writer.line(`Evaluating data ${input.dataFile.name} against rules ${input.rulesFile}`);
  writer.line(`Number of non-compliant resources ${style.bold(String(resources.size))}`);
  for (const resource of resources.values()) {
    writer.line(`Resource = ${style.enabled ? `\u001b[1;33m${resource.name}\u001b[0m` : resource.name} {`);
    if (resource.type !== null) writer.line(`  ${padEnd('Type', 10)}= ${resource.type}`);
    if (resource.cdkPath !== null && resource.cdkPath !== '') writer.line(`  ${padEnd('CDK-Path', 10)}= ${resource.cdkPath}`);
    for (const failure of failures) {
      if (!('Rule' in failure)) continue;
      const ruleKey = `/${failure.Rule.name}`;
      // A prefix test, as the reference's BTreeSet range: `/rule` also matches `/rule_two/...`.
      if (![...resource.keys].some((key) => key >= ruleKey && key.startsWith(ruleKey))) continue;
      printClause(writer, failure, resource, shape, '  ', style);
    }
    writer.line('}');
  }
  return writer.lines.map((line) => `${line}\n`).join('');
}
