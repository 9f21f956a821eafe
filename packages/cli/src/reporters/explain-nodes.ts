/**
 * Reading the `--explain` trace tree (the evaluator's explain-model.ts): the status of any node,
 * which children decided it, and which filter candidates belong to which step of a query. Shared
 * by the text and the JSON explanation.
 */
import type { ClauseCheck, QueryTrace, Status, TraceNode, Value } from '@guardts/evaluator';
import { recordStatus } from '@guardts/evaluator';

export function nodeStatus(node: TraceNode): Status {
  return recordStatus(node.record);
}

export function isCondition(node: TraceNode): boolean {
  const kind = node.record.kind;
  return kind === 'RuleCondition' || kind === 'WhenCondition' || kind === 'TypeCondition';
}

/** The children that decided `node`'s status: conditions always, then those with the same status. */
export function decidingChildren(node: TraceNode, exclude: ReadonlySet<TraceNode> = new Set()): TraceNode[] {
  const status = nodeStatus(node);
  return node.children.filter((child) => !exclude.has(child) && (isCondition(child) || (status !== 'PASS' && nodeStatus(child) === status)));
}

export function queryNotes(node: TraceNode): QueryTrace[] {
  return node.notes.filter((note): note is QueryTrace => note.kind === 'query');
}

export function candidateOf(node: TraceNode): Value | null {
  for (const note of node.notes) if (note.kind === 'candidate') return note.value;
  return null;
}

/** The children that some query of `node` produced while it ran (filter records, referenced rules). */
export function queryChildren(node: TraceNode): Set<TraceNode> {
  const owned = new Set<TraceNode>();
  for (const query of queryNotes(node)) {
    for (let i = query.childRange[0]; i < query.childRange[1]; i++) {
      const child = node.children[i];
      if (child !== undefined && child.record.kind === 'Filter') owned.add(child);
    }
  }
  return owned;
}

/** The filter records a query produced, grouped by the step (index into `query.steps`) of the filter. */
export function filterCandidatesByStep(node: TraceNode, query: QueryTrace): Map<number, TraceNode[]> {
  const filters: TraceNode[] = [];
  for (let i = query.childRange[0]; i < query.childRange[1]; i++) {
    const child = node.children[i];
    if (child !== undefined && child.record.kind === 'Filter') filters.push(child);
  }
  const byStep = new Map<number, TraceNode[]>();
  const filterSteps = query.steps.flatMap((step, i) => (step.part.startsWith('[') && step.part.endsWith('filter]') && !step.part.endsWith('keys filter]') ? [i] : []));
  if (filterSteps.length === 0) return byStep;
  for (const filter of filters) {
    const candidate = candidateOf(filter);
    // A candidate belongs to the filter step whose input holds it or its parent.
    let step = filterSteps[0]!;
    for (const i of filterSteps) {
      const inputs = i === 0 ? [query.start] : query.steps[i - 1]!.values;
      if (candidate !== null && inputs.some((input) => candidate === input || candidate.path.startsWith(`${input.path}/`))) {
        step = i;
        break;
      }
    }
    byStep.set(step, [...(byStep.get(step) ?? []), filter]);
  }
  return byStep;
}

/** The failed checks under a node (first the node's own, then its descendants'), for "why" lines. */
export function failedChecks(node: TraceNode, limit = 3): Exclude<ClauseCheck, { kind: 'Success' }>[] {
  const found: Exclude<ClauseCheck, { kind: 'Success' }>[] = [];
  const walk = (each: TraceNode): void => {
    if (found.length >= limit) return;
    if (each.record.kind === 'ClauseValueCheck' && each.record.check.kind !== 'Success') found.push(each.record.check);
    each.children.forEach(walk);
  };
  walk(node);
  return found;
}
