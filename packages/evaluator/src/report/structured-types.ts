/**
 * cfn-guard's structured report (`validate -z -o json -S none`), field for field, so that tools
 * parsing the reference's JSON parse ours unchanged. Field names are cfn-guard's (snake_case, enum
 * variants as single-key objects), which is why they break the house naming style here.
 */
import type { Status } from './types.js';

/** A data value as cfn-guard serialises it: its path and its plain JSON value. */
export interface StructuredPathValue {
  readonly path: string;
  readonly value: unknown;
}

export interface StructuredMessages {
  readonly custom_message: string | null;
  readonly error_message: string | null;
}

/** `[operator, negated]`, e.g. `["Eq", true]` for `!=`. */
export type StructuredComparison = readonly [string, boolean];

export interface StructuredUnResolved {
  readonly traversed_to: StructuredPathValue;
  readonly remaining_query: string;
  readonly reason: string | null;
}

export interface StructuredValueUnResolved {
  readonly value: StructuredUnResolved;
  readonly comparison: StructuredComparison;
}

export type StructuredUnaryCheck =
  | { readonly UnResolved: StructuredValueUnResolved }
  | { readonly Resolved: { readonly value: StructuredPathValue; readonly comparison: StructuredComparison } }
  | { readonly UnResolvedContext: string };

export type StructuredBinaryCheck =
  | { readonly UnResolved: StructuredValueUnResolved }
  | {
      readonly Resolved: {
        readonly from: StructuredPathValue;
        readonly to: StructuredPathValue;
        readonly comparison: StructuredComparison;
      };
    }
  | {
      readonly InResolved: {
        readonly from: StructuredPathValue;
        readonly to: readonly StructuredPathValue[];
        readonly comparison: StructuredComparison;
      };
    };

export interface StructuredUnaryReport {
  readonly check: StructuredUnaryCheck;
  readonly context: string;
  readonly messages: StructuredMessages;
}

export interface StructuredBinaryReport {
  readonly context: string;
  readonly messages: StructuredMessages;
  readonly check: StructuredBinaryCheck;
}

export type StructuredGuardClauseReport =
  | { readonly Unary: StructuredUnaryReport }
  | { readonly Binary: StructuredBinaryReport };

export interface StructuredRuleReport {
  readonly name: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly messages: StructuredMessages;
  readonly checks: readonly StructuredClauseReport[];
}

export interface StructuredBlockReport {
  readonly context: string;
  readonly messages: StructuredMessages;
  readonly unresolved: StructuredUnResolved | null;
}

export type StructuredClauseReport =
  | { readonly Rule: StructuredRuleReport }
  | { readonly Block: StructuredBlockReport }
  | { readonly Disjunctions: { readonly checks: readonly StructuredClauseReport[] } }
  | { readonly Clause: StructuredGuardClauseReport };

/** One data file's record: every rules file's results merged (cfn-guard's `FileReport`). */
export interface StructuredFileReport {
  readonly name: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly status: Status;
  readonly not_compliant: readonly StructuredClauseReport[];
  /** Sorted, without duplicates (a `BTreeSet` in cfn-guard). */
  readonly not_applicable: readonly string[];
  readonly compliant: readonly string[];
}
