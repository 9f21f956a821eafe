/**
 * The compiled form of a rules file: the AST resolved into what the evaluator walks. It follows
 * the shape of cfn-guard's own expression tree (`rules/exprs.rs`) so that the evaluator can apply
 * the reference's algorithms step for step: literals are already values, digit keys are indexes,
 * `let`s are split into literal / query / function tables per scope, named rules are indexed, and
 * every clause carries the text the reference prints for it.
 */
import type { ComparisonOperator, SourceSpan } from '@guardts/guard-parser';
import type { Comparison } from '../report/types.js';
import type { Value } from '../values/value.js';

export type CompiledPart =
  | { readonly kind: 'this' }
  /** `variants`: the key through each case converter, in cfn-guard's order (§4.3). */
  | { readonly kind: 'key'; readonly name: string; readonly variants: readonly string[] }
  /** `%name`: the head of a query (its values) or, later in a query, key interpolation. */
  | { readonly kind: 'variable'; readonly name: string }
  /**
   * `[3]` and `.3`, or a quoted digit-only key (`."3"`, `fromKey`): both index lists, but cfn-guard
   * keeps them apart (the quoted form is a key for interpolation, and its failures print differently).
   */
  | { readonly kind: 'index'; readonly index: number; readonly fromKey: boolean }
  | { readonly kind: 'allValues'; readonly capture: string | null }
  | { readonly kind: 'allIndices'; readonly capture: string | null }
  | {
      readonly kind: 'filter';
      readonly capture: string | null;
      readonly clauses: CompiledConjunctions<CompiledGuardClause>;
      /** Set when the filter is exactly `[ Type == <string or %variable> ]` (indexable). */
      readonly typeEquals: TypeEquals | null;
    }
  | {
      readonly kind: 'keysFilter';
      readonly capture: string | null;
      readonly comparison: Comparison;
      readonly rhs: CompiledLetValue;
    };

export type TypeEquals = { readonly literal: string } | { readonly variable: string };

export interface CompiledQuery {
  readonly parts: readonly CompiledPart[];
  /** false with `some`. */
  readonly matchAll: boolean;
  readonly span: SourceSpan;
  /** cfn-guard's display of the query (`Resources.*.Properties`). */
  readonly text: string;
}

export interface CompiledCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly CompiledLetValue[];
  readonly span: SourceSpan;
}

export type CompiledLetValue =
  | { readonly kind: 'literal'; readonly value: Value }
  | { readonly kind: 'query'; readonly query: CompiledQuery }
  | CompiledCall;

/** The `let`s of one scope, split the way cfn-guard looks them up (literals win over queries). */
export interface CompiledAssignments {
  readonly literals: ReadonlyMap<string, Value>;
  readonly queries: ReadonlyMap<string, CompiledQuery>;
  readonly functions: ReadonlyMap<string, CompiledCall>;
}

export type CompiledConjunctions<T> = readonly (readonly T[])[];

export interface CompiledBlock<T> {
  readonly assignments: CompiledAssignments;
  readonly conjunctions: CompiledConjunctions<T>;
}

export interface CompiledAccessClause {
  readonly kind: 'access';
  /** The clause-level `not` (honoured for unary operators only). */
  readonly negation: boolean;
  readonly query: CompiledQuery;
  readonly comparison: Comparison;
  readonly unary: boolean;
  readonly rhs: CompiledLetValue | null;
  readonly customMessage: string | null;
  readonly span: SourceSpan;
  /** The reference's display of the clause, used as the record context. */
  readonly context: string;
}

export interface CompiledRuleReference {
  readonly kind: 'ruleReference';
  readonly negation: boolean;
  readonly name: string;
  readonly customMessage: string | null;
  readonly span: SourceSpan;
  readonly context: string;
}

export interface CompiledRuleCall {
  readonly kind: 'ruleCall';
  readonly name: string;
  readonly args: readonly CompiledLetValue[];
  readonly customMessage: string | null;
  readonly span: SourceSpan;
}

export interface CompiledBlockClause {
  readonly kind: 'block';
  readonly query: CompiledQuery;
  readonly notEmpty: boolean;
  readonly block: CompiledBlock<CompiledGuardClause>;
  readonly span: SourceSpan;
  /** `Location[file:…, line:…, column:…]` as the reference prints it. */
  readonly location: string;
}

export interface CompiledWhenBlock {
  readonly kind: 'when';
  readonly conditions: CompiledConjunctions<CompiledGuardClause>;
  readonly block: CompiledBlock<CompiledGuardClause>;
  readonly span: SourceSpan;
}

export interface CompiledTypeBlock {
  readonly kind: 'typeBlock';
  readonly typeName: string;
  readonly conditions: CompiledConjunctions<CompiledGuardClause> | null;
  readonly block: CompiledBlock<CompiledGuardClause>;
  /** `Resources.*[ Type == "<typeName>" ]`, as the reference builds it. */
  readonly query: CompiledQuery;
  readonly span: SourceSpan;
}

export type CompiledGuardClause =
  | CompiledAccessClause
  | CompiledRuleReference
  | CompiledRuleCall
  | CompiledBlockClause
  | CompiledWhenBlock
  | CompiledTypeBlock;

export interface CompiledRule {
  readonly name: string;
  readonly conditions: CompiledConjunctions<CompiledGuardClause> | null;
  readonly block: CompiledBlock<CompiledGuardClause>;
  readonly span: SourceSpan;
}

export interface CompiledParameterizedRule {
  readonly parameters: readonly string[];
  readonly rule: CompiledRule;
}

/** A rules file ready to evaluate against any number of documents (immutable, shareable). */
export interface CompiledRules {
  readonly fileName: string;
  readonly assignments: CompiledAssignments;
  /** `default` first (when present), then named rules in file order, duplicates kept. */
  readonly rules: readonly CompiledRule[];
  readonly rulesByName: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly parameterizedRules: ReadonlyMap<string, CompiledParameterizedRule>;
  /** True when the file holds no rule at all (comments only): cfn-guard then reports nothing. */
  readonly empty: boolean;
}

export type { ComparisonOperator };
