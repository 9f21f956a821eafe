/**
 * What the commands need from the rule engine, in one narrow interface: the commands are written
 * against it, the evaluator package is adapted to it in one place (evaluator-engine.ts), and tests
 * can substitute it. Every failure is a value carrying the message cfn-guard would print.
 */
import type { EventRecord, TraceNode, Value } from '@guardts/evaluator';
import type { SourceSpan } from '@guardts/guard-parser';
import type { ClauseReport, Status } from '../report/structured-report.js';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A parsed rules file; opaque to the commands. `empty` is a file with no rule at all (comments only). */
export interface CompiledRules {
  readonly fileName: string;
  readonly empty: boolean;
}

export interface RuleVerdict {
  readonly name: string;
  readonly status: Status;
  /** Where the rule is written in its rules file. */
  readonly span?: SourceSpan;
}

/** One rules file evaluated against one data document. */
export interface RulesEvaluation {
  readonly status: Status;
  /** Top-level named rules (the implicit `default` included), in evaluation order, duplicates kept. */
  readonly rules: readonly RuleVerdict[];
  /** cfn-guard's `simplified_json_from_root` for this pair. */
  readonly notCompliant: readonly ClauseReport[];
  readonly notApplicable: readonly string[];
  readonly compliant: readonly string[];
  /** The evaluation event tree (the generic console report and `-v` / `-p` are rendered from it), when recorded. */
  readonly events: EventRecord | null;
  /** The `--explain` trace (root `FileCheck` node), when asked for. */
  readonly explanation?: TraceNode | null;
}

export interface GuardEngine {
  compileRules(text: string, fileName: string): Outcome<CompiledRules>;
  /** `validate`'s loader (§9.2): libyaml semantics, positions recorded. */
  loadDocument(text: string, name: string): Outcome<Value>;
  /** `test`'s loader (§9.5): YAML 1.2 core schema, then JSON. */
  loadTestSpecDocument(text: string, name: string): Outcome<Value>;
  /** cfn-guard's `PathAwareValue::merge`: two maps into one; a key on both sides is an error. */
  mergeDocuments(first: Value, second: Value): Outcome<Value>;
  evaluate(rules: CompiledRules, document: Value, dataName: string, options?: EngineEvaluateOptions): Outcome<RulesEvaluation>;
}

export interface EngineEvaluateOptions {
  /**
   * Record every event, those under passing rules included (`-v`, `-p` print them). Without it,
   * `events` of an evaluation in which nothing fails holds only the file and rule records.
   */
  readonly completeEvents?: boolean;
  /** Record the `--explain` trace (`RulesEvaluation.explanation`). */
  readonly explain?: boolean;
}
