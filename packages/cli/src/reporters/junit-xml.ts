/**
 * The JUnit XML that cfn-guard writes with quick-xml (4-space indentation, escaped text and
 * attributes, a final newline); shared by `validate -z -o junit` and `test -o junit`.
 */
export interface JunitFailure {
  /** The `message` attribute, when there is one. */
  readonly message: string | null;
  /** Text pieces written one after the other, without separators. */
  readonly texts: readonly string[];
}

export interface JunitTestCase {
  readonly id: string | null;
  readonly name: string;
  readonly timeMs: number;
  readonly outcome: { readonly kind: 'pass' | 'skip' } | { readonly kind: 'fail'; readonly failure: JunitFailure } | { readonly kind: 'error'; readonly error: string };
}

export interface JunitSuite {
  readonly name: string;
  readonly timeMs: number;
  readonly cases: readonly JunitTestCase[];
}

/** Characters XML 1.0 cannot hold at all, not even as a character reference (outside its `Char` production). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * quick-xml's escaping, plus one thing cfn-guard does not do: a character XML 1.0 forbids (a control
 * character or a lone surrogate from the data) is written as `\u{1}`, as Rust's debug format shows
 * it, since writing it raw (as cfn-guard does) makes the whole report unreadable by XML parsers.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)
    .replace(NOT_XML_CHAR, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

function attributes(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');
}

function renderCase(testCase: JunitTestCase): string[] {
  const indent = ' '.repeat(8);
  const base: [string, string][] = [];
  if (testCase.id !== null) base.push(['id', testCase.id]);
  base.push(['name', testCase.name], ['time', String(testCase.timeMs)]);
  const { outcome } = testCase;
  if (outcome.kind !== 'fail' && outcome.kind !== 'error') return [`${indent}<testcase${attributes([...base, ['status', outcome.kind]])}/>`];
  if (outcome.kind === 'error') {
    return [`${indent}<testcase${attributes([...base, ['status', 'error']])}>`, `${indent}    <error>${escapeXml(outcome.error)}</error>`, `${indent}</testcase>`];
  }
  const failureAttributes = outcome.failure.message === null ? '' : attributes([['message', outcome.failure.message]]);
  const failure =
    outcome.failure.texts.length === 0
      ? `${indent}    <failure${failureAttributes}/>`
      : `${indent}    <failure${failureAttributes}>${outcome.failure.texts.map(escapeXml).join('')}</failure>`;
  return [`${indent}<testcase${attributes(base)}>`, failure, `${indent}</testcase>`];
}

export function renderJunit(title: string, suites: readonly JunitSuite[], totalTimeMs: number): string {
  const count = (suite: JunitSuite, kind: string): number => suite.cases.filter((testCase) => testCase.outcome.kind === kind).length;
  const tests = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  const failures = suites.reduce((sum, suite) => sum + count(suite, 'fail'), 0);
  const errors = suites.reduce((sum, suite) => sum + count(suite, 'error'), 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites${attributes([['name', title], ['tests', String(tests)], ['failures', String(failures)], ['errors', String(errors)], ['time', String(totalTimeMs)]])}>`);
  for (const suite of suites) {
    lines.push(`    <testsuite${attributes([['name', suite.name], ['errors', String(count(suite, 'error'))], ['failures', String(count(suite, 'fail'))], ['time', String(suite.timeMs)]])}>`);
    for (const testCase of suite.cases) lines.push(...renderCase(testCase));
    lines.push('    </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
