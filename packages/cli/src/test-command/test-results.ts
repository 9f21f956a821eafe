/** The outcome of testing one rules file, shaped as cfn-guard's structured `test` output. */
import type { Status } from '../report/structured-report.js';

export interface TestCaseResult {
  readonly name: string;
  readonly passed_rules: { readonly name: string; readonly evaluated: Status }[];
  readonly failed_rules: { readonly name: string; readonly expected: Status; readonly evaluated: readonly Status[] }[];
  readonly skipped_rules: { readonly name: string }[];
}

export type RulesFileTestResult =
  | { readonly rule_file: string; readonly test_cases: TestCaseResult[] }
  | { readonly rule_file: string; readonly error: string };

export function hasFailures(result: RulesFileTestResult): boolean {
  return 'test_cases' in result && result.test_cases.some((testCase) => testCase.failed_rules.length > 0);
}
