/**
 * cfn-guard's structured report (`validate -z -o json`), field for field: tools that parse the
 * reference's JSON must be able to parse ours unchanged. Field names are cfn-guard's (snake_case,
 * enum variants as single-key objects), which is why they break the house naming style here.
 */
export type Status = 'PASS' | 'FAIL' | 'SKIP';

/** A data value as cfn-guard serialises it: its path and its plain JSON value. */
export interface PathAndValue {
  readonly path: string;
  readonly value: unknown;
}

export interface Messages {
  readonly custom_message: string | null;
  readonly error_message: string | null;
}

/** `[operator, negated]`, e.g. `["Eq", true]` for `!=`. */
export type Comparison = readonly [string, boolean];

export interface UnResolved {
  readonly traversed_to: PathAndValue;
  readonly remaining_query: string;
  readonly reason: string | null;
}

export interface ValueUnResolved {
  readonly value: UnResolved;
  readonly comparison: Comparison;
}

export type UnaryCheck =
  | { readonly UnResolved: ValueUnResolved }
  | { readonly Resolved: { readonly value: PathAndValue; readonly comparison: Comparison } }
  | { readonly UnResolvedContext: string };

export type BinaryCheck =
  | { readonly UnResolved: ValueUnResolved }
  | { readonly Resolved: { readonly from: PathAndValue; readonly to: PathAndValue; readonly comparison: Comparison } }
  | { readonly InResolved: { readonly from: PathAndValue; readonly to: readonly PathAndValue[]; readonly comparison: Comparison } };

export interface UnaryReport {
  readonly check: UnaryCheck;
  readonly context: string;
  readonly messages: Messages;
}

export interface BinaryReport {
  readonly context: string;
  readonly messages: Messages;
  readonly check: BinaryCheck;
}

export type GuardClauseReport = { readonly Unary: UnaryReport } | { readonly Binary: BinaryReport };

export interface RuleReport {
  readonly name: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly messages: Messages;
  readonly checks: readonly ClauseReport[];
}

export interface GuardBlockReport {
  readonly context: string;
  readonly messages: Messages;
  readonly unresolved: UnResolved | null;
}

export type ClauseReport =
  | { readonly Rule: RuleReport }
  | { readonly Block: GuardBlockReport }
  | { readonly Disjunctions: { readonly checks: readonly ClauseReport[] } }
  | { readonly Clause: GuardClauseReport };

/** One data file's record: every rules file's results merged (cfn-guard's `FileReport`). */
export interface FileReport {
  readonly name: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly status: Status;
  readonly not_compliant: readonly ClauseReport[];
  /** Sorted, without duplicates (a `BTreeSet` in cfn-guard). */
  readonly not_applicable: readonly string[];
  readonly compliant: readonly string[];
}

/** cfn-guard's `Status::and`: FAIL wins, then PASS, and SKIP yields to anything. */
export function combineStatus(left: Status, right: Status): Status {
  if (left === 'FAIL') return 'FAIL';
  if (left === 'PASS') return right === 'FAIL' ? 'FAIL' : 'PASS';
  return right;
}

function sortedUnion(left: readonly string[], right: readonly string[]): string[] {
  return [...new Set([...left, ...right])].sort(compareCodePoints);
}

/** Rust's `String` ordering (byte-wise, which for UTF-8 is code-point order). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** The empty record a data file starts with before any rules file is merged in (status SKIP). */
export function emptyFileReport(name: string): FileReport {
  return { name, metadata: {}, status: 'SKIP', not_compliant: [], not_applicable: [], compliant: [] };
}

/** `FileReport::combine`: merges one rules file's report for a data file into the record. */
export function combineFileReports(into: FileReport, next: Omit<FileReport, 'name' | 'metadata'>): FileReport {
  return {
    name: into.name,
    metadata: into.metadata,
    status: combineStatus(into.status, next.status),
    not_compliant: [...into.not_compliant, ...next.not_compliant],
    not_applicable: sortedUnion(into.not_applicable, next.not_applicable),
    compliant: sortedUnion(into.compliant, next.compliant),
  };
}
