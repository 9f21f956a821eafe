/**
 * The `--explain` trace: the event tree (see types.ts) again, each node annotated with what the
 * reference's records leave out — what every query resolved to step by step, which data value a
 * filter record was about, where a `when` is written. Values stay values (with their path and
 * span in the data file); renderers decide how to preview them.
 *
 * Recorded only when `EvaluateOptions.trace` is set, in the same single pass that records the
 * event tree, so the two trees have the same shape and statuses.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { QueryResult, UnresolvedResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';
import type { RecordType } from './types.js';

/** One node of the trace: an event record plus the notes taken while it was open. */
export interface TraceNode {
  /** The reference's label for the record (rule name, clause text, `Filter/List#1`, …). */
  readonly context: string;
  readonly record: RecordType;
  readonly notes: readonly TraceNote[];
  readonly children: readonly TraceNode[];
}

export type TraceNote = QueryTrace | CandidateNote | ConditionNote;

/** Which query of a construct was resolved. */
export type QueryRole = 'lhs' | 'rhs' | 'block' | 'typeBlock';

/** One query resolved while a node was open. */
export interface QueryTrace {
  readonly kind: 'query';
  readonly role: QueryRole;
  /** cfn-guard's display of the query (filters print as `(filter-clauses)`). */
  readonly text: string;
  /** The query in the rules file (renderers can show its source text). */
  readonly span: SourceSpan;
  /** The clause the query belongs to (the whole `lhs op rhs`), when it is a clause. */
  readonly clauseSpan: SourceSpan | null;
  /** The value the query started from (the document root, a block's value, a filter candidate). */
  readonly start: Value;
  /** One entry per part of the query, in order. */
  readonly steps: readonly QueryStep[];
  readonly results: readonly QueryResult[];
  /**
   * The children of the annotated node that this query produced (its filters' records, rules it
   * referenced): indexes `[from, to)` into `TraceNode.children`.
   */
  readonly childRange: readonly [number, number];
}

/** One part of a query (`Properties`, `*`, `[ … ]`, `%var`) and what it yielded. */
export interface QueryStep {
  /** A short label: the key, `*`, `[*]`, `[3]`, `%var`, `[filter]`, `[keys filter]` (a capture: `[name | filter]`). */
  readonly part: string;
  /** For a filter: the span covering its clauses in the rules file. */
  readonly span: SourceSpan | null;
  /** The values this step passed on (after a filter: the kept candidates). */
  readonly values: readonly Value[];
  /** Where traversal stopped at this step (the missing key, a non-map value, an empty list). */
  readonly stopped: readonly UnresolvedResult[];
}

/** On a `Filter` node: the data value the filter clauses were evaluated against. */
export interface CandidateNote {
  readonly kind: 'candidate';
  readonly value: Value;
}

/** On a condition node (`RuleCondition`, `WhenCondition`, `TypeCondition`): where the condition is written. */
export interface ConditionNote {
  readonly kind: 'condition';
  readonly span: SourceSpan;
}
