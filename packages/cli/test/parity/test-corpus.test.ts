// The project's own corpus (test-corpus/, see its README): every invocation of cases.json run
// in-process and compared with what cfn-guard 3.1.1 did (recorded.json, written by
// scripts/record-test-corpus.mjs). Needs neither the binary nor ../shared.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../test-support/shared-corpus.js';
import { runInProcess, statusesFromStructuredJson } from '../support/in-process.js';

type Comparison = 'exit' | 'statuses' | 'stdout' | 'stdout-lines' | 'stdout-without-time' | 'stdout-lines-without-time' | 'test-json';

interface Invocation {
  readonly name: string;
  readonly dir: string;
  readonly args: readonly string[];
  readonly compare: readonly Comparison[];
  readonly stdin?: string;
  /** A deliberate divergence (docs/divergences.md): guardts' exit code instead of the reference's 101. */
  readonly divergence?: { readonly exit: number; readonly reason: string };
}

interface Recording {
  readonly exit_code: number;
  readonly statuses: Record<string, string> | null;
  readonly stdout: string;
}

const corpus = join(repoRoot, 'test-corpus');
const casesDir = realpathSync(join(corpus, 'cases'));
const { invocations } = JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8')) as { invocations: Invocation[] };
const { recorded } = JSON.parse(readFileSync(join(corpus, 'recorded.json'), 'utf8')) as { recorded: Record<string, Recording> };

const sortedLines = (text: string): string[] => text.split('\n').sort();
const withoutTime = (text: string): string => text.replace(/ time="\d+"/g, '');

/** `test -o json` lists rules in hash order in the reference: compare with rule lists sorted. */
function sortedTestJson(text: string): unknown {
  try {
    const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const sortCase = (testCase: Record<string, { name: string }[]>): unknown =>
      Object.fromEntries(Object.entries(testCase).map(([key, value]) => [key, Array.isArray(value) ? [...value].sort(byName) : value]));
    const sortResult = (result: { test_cases?: Record<string, { name: string }[]>[] }): unknown =>
      result.test_cases === undefined ? result : { ...result, test_cases: result.test_cases.map(sortCase) };
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.map(sortResult) : sortResult(parsed as { test_cases?: Record<string, { name: string }[]>[] });
  } catch {
    return text;
  }
}

/**
 * Invocations that still differ, with their cause (in the evaluator's structured report, not in the
 * CLI). `it.fails` keeps them loud: once fixed, the case passes and this entry must go.
 */
const KNOWN_MISMATCHES: Readonly<Record<string, string>> = {
};

describe('test-corpus (recorded from cfn-guard 3.1.1)', () => {
  it('has a recording for every invocation', () => {
    expect(invocations.filter((invocation) => recorded[invocation.name] === undefined).map((invocation) => invocation.name)).toEqual([]);
  });

  for (const invocation of invocations) {
    const known = KNOWN_MISMATCHES[invocation.name];
    (known === undefined ? it : it.fails)(known === undefined ? invocation.name : `${invocation.name} [known mismatch: ${known}]`, () => {
      const cwd = join(casesDir, invocation.dir);
      const stdin = invocation.stdin === undefined ? '' : readFileSync(join(cwd, invocation.stdin), 'utf8');
      const result = runInProcess(invocation.args, { cwd, stdin });
      const stdout = result.stdout.split(casesDir).join('<CASES>');
      const want = recorded[invocation.name]!;
      const got: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      for (const comparison of invocation.compare) {
        if (comparison === 'exit') [got.exit, expected.exit] = [result.status, invocation.divergence?.exit ?? want.exit_code];
        if (comparison === 'statuses') [got.statuses, expected.statuses] = [statusesFromStructuredJson(stdout), want.statuses ?? {}];
        if (comparison === 'stdout') [got.stdout, expected.stdout] = [stdout, want.stdout];
        if (comparison === 'stdout-lines') [got.lines, expected.lines] = [sortedLines(stdout), sortedLines(want.stdout)];
        if (comparison === 'stdout-without-time') [got.stdout, expected.stdout] = [withoutTime(stdout), withoutTime(want.stdout)];
        if (comparison === 'stdout-lines-without-time') [got.lines, expected.lines] = [sortedLines(withoutTime(stdout)), sortedLines(withoutTime(want.stdout))];
        if (comparison === 'test-json') [got.json, expected.json] = [sortedTestJson(stdout), sortedTestJson(want.stdout)];
      }
      expect(got, result.stderr).toEqual(expected);
      // A divergence is only for what the reference plainly gets wrong: a panic.
      if (invocation.divergence !== undefined) expect(want.exit_code).toBe(101);
    });
  }
});
