/**
 * cfn-guard's structured report (`validate -z -o json`), field for field: tools that parse the
 * reference's JSON must be able to parse ours unchanged. The shapes are the evaluator's; this module
 * merges the per-rules-file reports of one data file as cfn-guard's `FileReport::combine` does.
 */
import type {
  Status,
  StructuredBinaryCheck,
  StructuredBlockReport,
  StructuredClauseReport,
  StructuredComparison,
  StructuredFileReport,
  StructuredGuardClauseReport,
  StructuredMessages,
  StructuredPathValue,
  StructuredRuleReport,
  StructuredUnaryCheck,
  StructuredUnResolved,
  StructuredValueUnResolved,
} from '@guardts/evaluator';

// The evaluator defines the shapes (it produces them); the CLI names them as cfn-guard does.
export type {
  Status,
  StructuredBinaryCheck as BinaryCheck,
  StructuredBlockReport as GuardBlockReport,
  StructuredClauseReport as ClauseReport,
  StructuredComparison as Comparison,
  StructuredFileReport as FileReport,
  StructuredGuardClauseReport as GuardClauseReport,
  StructuredMessages as Messages,
  StructuredPathValue as PathAndValue,
  StructuredRuleReport as RuleReport,
  StructuredUnaryCheck as UnaryCheck,
  StructuredUnResolved as UnResolved,
  StructuredValueUnResolved as ValueUnResolved,
};

type FileReport = StructuredFileReport;

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
