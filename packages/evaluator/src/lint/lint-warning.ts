/**
 * What `lintRules` reports: rules that parse and run under cfn-guard 3.1.1 but do not mean what
 * they seem to. Warnings are values; `code` is stable (tools and `--disable` match on it) and
 * docs/lint.md explains each one with an example and a fix.
 */
import type { SourceSpan } from '@guardts/guard-parser';

export const LINT_CODES = [
  'ignored-not-before-comparison',
  'ignored-not-before-call',
  'unguarded-resource-selection',
  'not-exists-on-filter',
  'empty-on-variable',
  'when-never-holds',
  'contradictory-clauses',
  'never-comparable',
  'unused-let',
  'let-redefined',
  'unknown-variable',
  'duplicate-rule',
  'unknown-rule',
  'parameterized-rule-arity',
  'recursive-rule',
  'reference-to-skipping-rule',
  'rule-reference-in-block',
  'regex-never-matches',
  'in-string-is-substring',
  'range-in-list',
  'equals-list-not-membership',
  'keyword-case-literal',
  'query-not-equal-query',
  'filter-after-list-wildcard',
  'negative-index',
  'quoted-digit-key',
  'type-block-when-at-root',
  'unknown-function',
  'function-arity',
] as const;

export type LintCode = (typeof LINT_CODES)[number];

/** Another place that explains the warning (the first copy of a duplicate rule, a definition). */
export interface RelatedLocation {
  readonly message: string;
  readonly span: SourceSpan;
}

export interface LintWarning {
  readonly code: LintCode;
  readonly message: string;
  readonly span: SourceSpan;
  readonly related: readonly RelatedLocation[];
}

export interface LintOptions {
  /** The rules text; needed by the checks that look at how something was spelled (`."200"`). */
  readonly source?: string;
  /** Codes not to report. */
  readonly disabled?: Iterable<LintCode>;
}

export function isLintCode(text: string): text is LintCode {
  return (LINT_CODES as readonly string[]).includes(text);
}

export function warning(code: LintCode, message: string, span: SourceSpan, related: readonly RelatedLocation[] = []): LintWarning {
  return { code, message, span, related };
}
