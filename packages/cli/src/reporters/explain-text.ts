/**
 * `--explain` as text: for each failing or skipped rule of one rules file on one data file, a short
 * tree of why — the `when` that was not met, the clauses that failed or selected nothing, each
 * query step by step (where it stopped and which keys were there, which filter kept or dropped
 * which value) and the comparison that failed. Only the children that decided a node's status are
 * shown: a FAIL shows its failing clauses, a SKIP its skipped ones.
 */
import type { QueryTrace, Status, TraceNode, Value } from '@guardts/evaluator';
import type { RuleVerdict } from '../engine/guard-engine.js';
import type { Styler } from './colour.js';
import { candidateOf, decidingChildren, failedChecks, filterCandidatesByStep, isCondition, nodeStatus, queryChildren, queryNotes } from './explain-nodes.js';
import { ExplainPhrasing } from './explain-phrasing.js';
import { displayPath, sourceText } from './explain-values.js';

export interface ExplainInput {
  readonly dataName: string;
  readonly rulesName: string;
  /** The rules file's text, to quote clauses as written (null: cfn-guard's display of them instead). */
  readonly rulesText: string | null;
  readonly status: Status;
  readonly rules: readonly RuleVerdict[];
  /** The root `FileCheck` node of the trace. */
  readonly trace: TraceNode;
  /** Data and rules files below this directory are shown relative to it. */
  readonly cwd?: string;
  /** Explain only these rules (by name); all failing or skipped ones when absent. */
  readonly only?: ReadonlySet<string>;
}

const MAX_LISTED = 5;
const MAX_CHILDREN = 20;

class Lines {
  readonly lines: string[] = [];
  add(depth: number, text: string): void {
    this.lines.push(`${'  '.repeat(depth)}${text}`);
  }
}

interface Context {
  readonly input: ExplainInput;
  readonly style: Styler;
  readonly out: Lines;
  readonly phrase: ExplainPhrasing;
}

/** Pairs each top-level rule verdict with its trace node (the root's children, in order). */
export function explainedRules(input: ExplainInput): { verdict: RuleVerdict; node: TraceNode }[] {
  const nodes = input.trace.children;
  return input.rules.flatMap((verdict, i) => {
    const node = nodes[i];
    if (node === undefined || verdict.status === 'PASS' || (input.only !== undefined && !input.only.has(verdict.name))) return [];
    return [{ verdict, node }];
  });
}

export function renderExplainText(input: ExplainInput, style: Styler): string {
  const out = new Lines();
  const phrase = new ExplainPhrasing(input.cwd ?? null, new Map(input.rules.map((rule) => [rule.name, rule.status])), MAX_LISTED);
  const context: Context = { input, style, out, phrase };
  const explained = explainedRules(input);
  const header = `${style.bold('Explain')} ${input.rulesName} on ${input.dataName}: ${style.status(input.status)}`;
  if (explained.length === 0) {
    const about = input.only === undefined ? `${input.rules.length} rule${input.rules.length === 1 ? '' : 's'}` : [...input.only].join(', ');
    out.add(0, `${header} (${about}: none failed or skipped)`);
    return `${out.lines.join('\n')}\n`;
  }
  out.add(0, header);
  for (const { verdict, node } of explained) {
    out.add(1, `rule ${style.bold(verdict.name)} ${style.status(verdict.status)}${phrase.at(verdict.span ?? null)}`);
    renderChildren(node, 2, context);
  }
  return `${out.lines.join('\n')}\n`;
}

function renderChildren(node: TraceNode, depth: number, context: Context, exclude: ReadonlySet<TraceNode> = new Set()): void {
  const children = decidingChildren(node, exclude);
  for (const child of children.slice(0, MAX_CHILDREN)) renderNode(child, depth, context);
  // A rule over hundreds of resources fails the same way many times; the first ones say why.
  if (children.length > MAX_CHILDREN) context.out.add(depth, `… and ${children.length - MAX_CHILDREN} more like these`);
}

function renderNode(node: TraceNode, depth: number, context: Context): void {
  const { out, style } = context;
  const record = node.record;
  const status = nodeStatus(node);
  switch (record.kind) {
    case 'RuleCondition':
    case 'WhenCondition':
    case 'TypeCondition':
      return renderCondition(node, depth, context);
    case 'WhenCheck': {
      const [condition, ...body] = decidingChildren(node);
      if (condition !== undefined && isCondition(condition)) {
        renderCondition(condition, depth, context);
        for (const child of body) renderNode(child, depth + 1, context);
      } else {
        for (const child of decidingChildren(node)) renderNode(child, depth, context);
      }
      return;
    }
    case 'RuleCheck':
      out.add(depth, `rule ${style.bold(record.name)} ${style.status(status)}`);
      return renderChildren(node, depth + 1, context);
    case 'Disjunction':
      out.add(depth, `one of (or) ${style.status(status)}`);
      return renderChildren(node, depth + 1, context);
    case 'TypeCheck':
      return renderTypeBlock(node, record.typeName, depth, context);
    case 'BlockGuardCheck':
    case 'GuardClauseBlockCheck':
      return renderClause(node, depth, context);
    case 'Filter': {
      const candidate = candidateOf(node);
      out.add(depth, `filter on ${candidate === null ? '?' : context.phrase.valueAt(candidate)} ${style.status(status)}`);
      return renderChildren(node, depth + 1, context);
    }
    case 'ClauseValueCheck':
      if (record.check.kind !== 'Success') out.add(depth, `${style.bold('✗')} ${context.phrase.check(record.check)}`);
      return renderChildren(node, depth + 1, context);
    case 'TypeBlock':
    case 'FileCheck':
      return renderChildren(node, depth, context);
  }
}

function renderCondition(node: TraceNode, depth: number, context: Context): void {
  const status = nodeStatus(node);
  const span = node.notes.find((note) => note.kind === 'condition')?.span ?? null;
  const text = sourceText(context.input.rulesText, span) ?? 'condition';
  const consequence = status === 'PASS' ? 'met' : status === 'FAIL' ? 'not met, so skipped' : 'selected nothing, so skipped';
  context.out.add(depth, `when ${text} ${context.style.status(status)}: ${consequence}${context.phrase.at(span)}`);
  if (status !== 'PASS') renderChildren(node, depth + 1, context);
}

function renderTypeBlock(node: TraceNode, typeName: string, depth: number, context: Context): void {
  const { out, style } = context;
  const status = nodeStatus(node);
  const query = queryNotes(node)[0];
  out.add(depth, `${typeName} ${style.status(status)}${context.phrase.at(query?.clauseSpan ?? null)}`);
  for (const child of node.children) {
    if (isCondition(child)) renderCondition(child, depth + 1, context);
  }
  if (query === undefined) return;
  const resolved = query.results.filter((result) => result.kind === 'resolved');
  if (resolved.length === 0) {
    out.add(depth + 1, `no resource of type ${typeName} in the data`);
    return;
  }
  const blocks = node.children.filter((child) => child.record.kind === 'TypeBlock');
  blocks.forEach((block, i) => {
    if (status === 'PASS' || nodeStatus(block) !== status) return;
    const result = resolved[i];
    out.add(depth + 1, `${result === undefined ? 'resource' : context.phrase.valueAt(result.value)} ${style.status(nodeStatus(block))}`);
    renderChildren(block, depth + 2, context);
  });
}

function renderClause(node: TraceNode, depth: number, context: Context): void {
  const { out, style, input } = context;
  const queries = queryNotes(node);
  const clauseSpan = queries[0]?.clauseSpan ?? null;
  // A block is named by its query: the clauses inside it follow as children.
  const written = node.record.kind === 'BlockGuardCheck' && queries[0] !== undefined ? sourceText(input.rulesText, queries[0].span) : sourceText(input.rulesText, clauseSpan);
  const text = node.record.kind === 'BlockGuardCheck' && written !== null ? `${written} { … }` : (written ?? node.context.replace(/^(GuardAccessClause#block|BlockGuardClause#)/, '').trim());
  const start = queries[0]?.start;
  const on = start !== undefined && start.path !== '' ? ` on ${displayPath(start)}` : '';
  out.add(depth, `${text} ${style.status(nodeStatus(node))}${on}${context.phrase.at(clauseSpan)}`);
  for (const query of queries) renderQuery(node, query, depth + 1, context);
  const owned = queryChildren(node);
  if (nodeStatus(node) === 'SKIP' && queries.some((query) => query.results.length === 0)) {
    out.add(depth + 1, `the query selected nothing, so the ${node.record.kind === 'BlockGuardCheck' ? 'block' : 'clause'} is skipped`);
  }
  renderChildren(node, depth + 1, context, owned);
}

function renderQuery(node: TraceNode, query: QueryTrace, depth: number, context: Context): void {
  const { out, phrase } = context;
  const label = query.role === 'rhs' ? 'right-hand query' : 'query';
  const written = sourceText(context.input.rulesText, query.span) ?? query.text;
  out.add(depth, `${label} ${written}`);
  const candidates = filterCandidatesByStep(node, query);
  const width = Math.min(24, Math.max(...query.steps.map((step) => step.part.length)));
  query.steps.forEach((step, i) => {
    const part = step.part.padEnd(width);
    const filtered = candidates.get(i);
    if (filtered !== undefined) {
      out.add(depth + 1, `${part} ${filterSummary(filtered, context)}`);
      const droppedAll = filtered.filter((candidate) => nodeStatus(candidate) !== 'PASS');
      for (const dropped of droppedAll.slice(0, MAX_LISTED)) {
        const why = failedChecks(dropped, 1).map((check) => phrase.check(check))[0];
        const value = candidateOf(dropped);
        out.add(depth + 2, `dropped ${value === null ? '?' : phrase.valueAt(value)}${why === undefined ? '' : `: ${why}`}`);
      }
      if (droppedAll.length > MAX_LISTED) out.add(depth + 2, `… and ${droppedAll.length - MAX_LISTED} more dropped`);
    } else if (step.values.length > 0 || (step.stopped.length === 0 && (i === 0 || query.steps[i - 1]!.values.length > 0))) {
      out.add(depth + 1, `${part} -> ${phrase.values(step.values)}`);
    }
    for (const stop of step.stopped.slice(0, MAX_LISTED)) out.add(depth + 1, `${part} ${context.style.bold('stopped')}: ${phrase.stop(step.part, stop.traversedTo, stop.reason)}`);
    if (step.stopped.length > MAX_LISTED) out.add(depth + 1, `${part} … and ${step.stopped.length - MAX_LISTED} more stops`);
  });
}

function filterSummary(candidates: readonly TraceNode[], context: Context): string {
  const kept = candidates.filter((candidate) => nodeStatus(candidate) === 'PASS');
  const keptValues = kept.flatMap((candidate) => {
    const value = candidateOf(candidate);
    return value === null ? [] : [value];
  });
  const listed = keptValues.length === 0 ? '' : `: ${context.phrase.paths(keptValues)}`;
  return `-> kept ${context.style.bold(String(kept.length))} of ${candidates.length}${listed}`;
}
