/**
 * The recorder used when an `--explain` trace is asked for: it records the event tree as the plain
 * Recorder does and, in step with it, the trace tree (report/explain-model.ts) whose nodes carry
 * notes — the queries resolved while a node was open, step by step, the candidate of a filter, the
 * span of a `when`. Only ever constructed with `trace: true`, so ordinary evaluations never see it.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { CompiledConjunctions, CompiledGuardClause, CompiledPart, CompiledQuery } from '../compile/ir.js';
import type { QueryRole, QueryStep, TraceNode, TraceNote } from '../report/explain-model.js';
import type { CheckedValue, RecordType } from '../report/types.js';
import type { QueryResult, UnresolvedResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';
import { Recorder, type RecorderLimits } from './recorder.js';

interface OpenNode {
  readonly context: string;
  readonly notes: TraceNote[];
  readonly children: TraceNode[];
}

export class TracingRecorder extends Recorder {
  private readonly nodes: OpenNode[] = [];
  private readonly queryChildFrom: number[] = [];
  private root: TraceNode | null = null;
  private pauses = 0;

  /** The trace is complete: no pruning; the record budget and the heap guard still apply. */
  constructor(limits: RecorderLimits = {}) {
    super(true, { ...limits, pruneClean: false });
  }

  /**
   * While paused (`quietly`), nothing is recorded: neither events, nor trace notes, nor captures
   * (scopes.ts). The trace resolves query prefixes that way, to show what each step reached.
   */
  get paused(): boolean {
    return this.pauses > 0;
  }

  quietly<T>(body: () => T): T {
    this.pauses++;
    try {
      return body();
    } finally {
      this.pauses--;
    }
  }

  override start(context: string): void {
    if (this.pauses > 0) return;
    super.start(context);
    this.nodes.push({ context, notes: [], children: [] });
  }

  override end(record: RecordType): void {
    if (this.pauses > 0) return;
    super.end(record);
    const closing = this.nodes.pop();
    if (closing === undefined) return;
    const node: TraceNode = { context: closing.context, record, notes: closing.notes, children: closing.children };
    const parent = this.nodes[this.nodes.length - 1];
    if (parent === undefined) this.root = node;
    else parent.children.push(node);
  }

  /** The root trace node, once everything is closed. */
  trace(): TraceNode | null {
    return this.root;
  }

  note(note: TraceNote): void {
    if (this.pauses > 0) return;
    this.nodes[this.nodes.length - 1]?.notes.push(note);
  }

  /** Marks where the children a query produces (its filters' records) begin. */
  beginQuery(): void {
    this.queryChildFrom.push(this.nodes[this.nodes.length - 1]?.children.length ?? 0);
  }

  /** A query that threw: forget it (the evaluation is ending with an error anyway). */
  abandonQuery(): void {
    this.queryChildFrom.pop();
  }

  /**
   * Notes a resolved query. `reached[i]` holds the values that reached part `i` (`reached[0]`: the
   * start), as resolving the first `i` parts gives them.
   */
  endQuery(role: QueryRole, query: CompiledQuery, clauseSpan: SourceSpan | null, start: Value, checked: readonly CheckedValue[], reached: readonly (readonly Value[])[]): void {
    const firstChild = this.queryChildFrom.pop() ?? 0;
    const results: QueryResult[] = checked.map((each) => (each.kind === 'literal' ? { kind: 'resolved', value: each.value } : each));
    const lastChild = this.nodes[this.nodes.length - 1]?.children.length ?? 0;
    this.note({
      kind: 'query',
      role,
      text: query.text,
      span: query.span,
      clauseSpan,
      start,
      steps: querySteps(query.parts, reached, results),
      results,
      childRange: [firstChild, lastChild],
    });
  }
}

function querySteps(parts: readonly CompiledPart[], reached: readonly (readonly Value[])[], results: readonly QueryResult[]): QueryStep[] {
  const inputs = reached.map((values) => new Set(values));
  const stoppedAt: UnresolvedResult[][] = parts.map(() => []);
  for (const result of results) {
    if (result.kind !== 'unresolved') continue;
    // The step that stopped is the last one the value it stopped at reached.
    let step = 0;
    for (let i = parts.length - 1; i >= 0; i--) {
      if (inputs[i]?.has(result.traversedTo) === true) {
        step = i;
        break;
      }
    }
    stoppedAt[step]!.push(result);
  }
  const finalValues = results.flatMap((result) => (result.kind === 'resolved' ? [result.value] : []));
  return parts.map((part, i) => ({
    part: partLabel(part),
    span: part.kind === 'filter' ? coveringSpan(part.clauses) : null,
    values: i === parts.length - 1 ? finalValues : [...(reached[i + 1] ?? [])],
    stopped: stoppedAt[i]!,
  }));
}

function partLabel(part: CompiledPart): string {
  switch (part.kind) {
    case 'key':
      return part.name;
    case 'variable':
      return `%${part.name}`;
    case 'index':
      return `[${part.index}]`;
    case 'allValues':
      return part.capture === null ? '*' : `*${part.capture}`;
    case 'allIndices':
      return part.capture === null ? '[*]' : `[${part.capture}]`;
    case 'filter':
      return part.capture === null ? '[filter]' : `[${part.capture} | filter]`;
    case 'keysFilter':
      return part.capture === null ? '[keys filter]' : `[${part.capture} | keys filter]`;
    case 'this':
      return 'this';
  }
}

/** From the first clause's start to the last clause's end (where a filter or a `when` condition is written). */
export function coveringSpan(conjunctions: CompiledConjunctions<CompiledGuardClause>): SourceSpan | null {
  const clauses = conjunctions.flat();
  const first = clauses[0];
  const last = clauses[clauses.length - 1];
  if (first === undefined || last === undefined) return null;
  return { file: first.span.file, start: first.span.start, end: last.span.end };
}
