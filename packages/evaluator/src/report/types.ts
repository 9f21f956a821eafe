/**
 * The report model: what one evaluation of a rules file against one data document produced.
 *
 * It mirrors cfn-guard 3.1.1's event tree (`EventRecord` / `RecordType` in its `rules/mod.rs`):
 * every rule, block, condition and per-value check opens a record and closes it with its outcome.
 * The structured report (`-z -o json`) and the console reports are projections of that tree, so
 * keeping the tree is what lets every output format be rendered exactly as the reference does.
 */
import type { ComparisonOperator, SourceSpan } from '@guardts/guard-parser';
import type { QueryResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';
import type { TraceNode } from './explain-model.js';

export type Status = 'PASS' | 'FAIL' | 'SKIP';

/** `[operator, negated]`: `!=` is `['Eq', true]`, `not exists` is `['Exists', true]`. */
export type Comparison = readonly [ComparisonOperator, boolean];

/**
 * One side of a check. `literal` is a value written in the rules file (or a literal variable):
 * cfn-guard pairs literals with query results differently from two query results.
 */
export type CheckedValue = QueryResult | LiteralResult;

export interface LiteralResult {
  readonly kind: 'literal';
  readonly value: Value;
}

/** How a block (query block, `when`, type block, disjunction) ended. */
export interface BlockCheck {
  readonly status: Status;
  /** `some` semantics (at least one value must pass) rather than all. */
  readonly atLeastOneMatches: boolean;
  /** Set when the block ended in a runtime error. */
  readonly message: string | null;
}

interface FailedCheckBase {
  readonly status: 'FAIL';
  /** The reference's internal explanation (not-comparable reason, error text), when it has one. */
  readonly message: string | null;
  /** The `<< … >>` text of the clause, verbatim. */
  readonly customMessage: string | null;
  /** The clause in the rules file. */
  readonly span: SourceSpan | null;
}

/** A failed binary comparison (`==`, `<`, …); `to` is null when the LHS did not resolve. */
export interface ComparisonCheck extends FailedCheckBase {
  readonly kind: 'Comparison';
  readonly comparison: Comparison;
  readonly from: CheckedValue;
  readonly to: CheckedValue | null;
}

/** A failed `in` whose LHS value was compared with several RHS values. */
export interface InComparisonCheck extends FailedCheckBase {
  readonly kind: 'InComparison';
  readonly comparison: Comparison;
  readonly from: CheckedValue;
  readonly to: readonly CheckedValue[];
}

/** A failed unary check (`exists`, `empty`, `is_string`, …) on one value. */
export interface UnaryCheck extends FailedCheckBase {
  readonly kind: 'Unary';
  readonly comparison: Comparison;
  readonly from: CheckedValue;
}

/** `!empty` on a filter or a lone variable that produced no result at all. */
export interface NoValueForEmptyCheck {
  readonly kind: 'NoValueForEmptyCheck';
  readonly customMessage: string | null;
  readonly span: SourceSpan | null;
}

/** A rule reference that did not PASS (or, with `not`, did not FAIL/SKIP). */
export interface DependentRuleCheck extends FailedCheckBase {
  readonly kind: 'DependentRule';
  readonly rule: string;
}

/** A query block `Q { … }` whose query did not resolve for one value. */
export interface MissingBlockValueCheck extends FailedCheckBase {
  readonly kind: 'MissingBlockValue';
  readonly from: CheckedValue;
}

export type ClauseCheck =
  | { readonly kind: 'Success' }
  | ComparisonCheck
  | InComparisonCheck
  | UnaryCheck
  | NoValueForEmptyCheck
  | DependentRuleCheck
  | MissingBlockValueCheck;

export interface NamedStatus {
  readonly name: string;
  readonly status: Status;
  /** For a parameterized-rule call: the custom message written at the call site. */
  readonly message: string | null;
}

/** What a record is about; the names are cfn-guard's `RecordType` variants. */
export type RecordType =
  | ({ readonly kind: 'FileCheck' } & NamedStatus)
  | ({ readonly kind: 'RuleCheck' } & NamedStatus)
  | { readonly kind: 'RuleCondition'; readonly status: Status }
  | { readonly kind: 'TypeCheck'; readonly typeName: string; readonly block: BlockCheck }
  | { readonly kind: 'TypeCondition'; readonly status: Status }
  | { readonly kind: 'TypeBlock'; readonly status: Status }
  | { readonly kind: 'Filter'; readonly status: Status }
  | { readonly kind: 'WhenCheck'; readonly block: BlockCheck }
  | { readonly kind: 'WhenCondition'; readonly status: Status }
  | { readonly kind: 'Disjunction'; readonly block: BlockCheck }
  | { readonly kind: 'BlockGuardCheck'; readonly block: BlockCheck }
  | { readonly kind: 'GuardClauseBlockCheck'; readonly block: BlockCheck }
  | { readonly kind: 'ClauseValueCheck'; readonly check: ClauseCheck };

/**
 * One node of the event tree. `context` is the reference's label for it (a rule name,
 * `BlockGuardClause#…`, the clause text ` Properties.X EQUALS  "Enabled"` for a clause, …).
 */
export interface EventRecord {
  readonly context: string;
  readonly record: RecordType;
  readonly children: readonly EventRecord[];
}

/** The verdict of one top-level rule (the implicit `default` first, then named rules in file order). */
export interface RuleVerdict {
  readonly name: string;
  readonly status: Status;
  readonly span: SourceSpan;
}

export interface EvaluationReport {
  /** The rules file's name as given to `compileRules`. */
  readonly rulesFile: string;
  /** FAIL if any rule failed, else PASS if any passed, else SKIP. */
  readonly status: Status;
  readonly rules: readonly RuleVerdict[];
  /**
   * The root `FileCheck` record with one `RuleCheck` child per top-level rule; `null` when the
   * evaluation was asked not to record events (`record: false`), e.g. to compute verdicts only.
   */
  readonly events: EventRecord | null;
  /** The `--explain` trace (explain-model.ts): the root `FileCheck` node, when `trace: true` was passed. */
  readonly trace: TraceNode | null;
}

export interface EvaluateOptions {
  /**
   * Extra data merged into the document root as cfn-guard's `--input-params` does; a key on both
   * sides is an error. Prefer merging before calling; accepted here for convenience.
   */
  readonly parameters?: Value;
  /** Wall-clock budget for this evaluation, in milliseconds (default: none). */
  readonly deadlineMs?: number;
  /** Bound on nested rule references / parameterized calls / filters (default 256). */
  readonly maxDepth?: number;
  /**
   * Bound on the records of the event tree (or trace) held at once while recording (default
   * 1,000,000, `DEFAULT_MAX_CHECKS`); one more ends the evaluation with a `checks-exceeded` error.
   * A rule checking a cross product (every resource against every resource) is what reaches it.
   */
  readonly maxChecks?: number;
  /**
   * While recording, end the evaluation with a `memory-exceeded` error when the used JavaScript
   * heap passes this fraction of V8's limit (default 0.85, `DEFAULT_HEAP_FRACTION`; `null`: never),
   * rather than let V8 kill the process when the heap runs out.
   */
  readonly heapFraction?: number | null;
  /**
   * Record the event tree needed for reports (default true). `false` computes verdicts only and
   * leaves `events` null. With `true`, the tree is recorded when some rule FAILs — with every
   * failing record and the records above it, but not the records without any failure below them
   * (reports never read those; a record whose children all went keeps the first one), and a
   * `Resources.*[ Type == X ]` filter answered from the type index leaves each candidate's
   * `Filter` record without the records of its check (reports skip filter records); when none
   * FAILs, `events` holds just the file and rule records (all a report needs then). `completeEvents`
   * asks for every record (for a verbose event dump).
   */
  readonly record?: boolean;
  /** Record every event even when nothing FAILs (default false). */
  readonly completeEvents?: boolean;
  /** Record the `--explain` trace (default false). */
  readonly trace?: boolean;
  /** Data name recorded in the root `FileCheck` record (default `''`). */
  readonly dataName?: string;
}
