/** `test -o junit`: one suite per rules file, one test case per checked rule of each spec case. */
import type { RulesFileTestResult } from '../test-command/test-results.js';
import { renderJunit, type JunitSuite, type JunitTestCase } from './junit-xml.js';

function suiteOf(result: RulesFileTestResult): JunitSuite {
  if ('error' in result) {
    return { name: result.rule_file, timeMs: 0, cases: [{ id: null, name: result.rule_file, timeMs: 0, outcome: { kind: 'error', error: result.error } }] };
  }
  const cases: JunitTestCase[] = result.test_cases.flatMap((testCase) => [
    ...testCase.passed_rules.map((rule): JunitTestCase => ({ id: testCase.name, name: rule.name, timeMs: 0, outcome: { kind: 'pass' } })),
    ...testCase.failed_rules.map(
      (rule): JunitTestCase => ({
        id: testCase.name,
        name: rule.name,
        timeMs: 0,
        outcome: { kind: 'fail', failure: { message: null, texts: [`Expected = ${rule.expected}, Evaluated = [${rule.evaluated.join(', ')}]`] } },
      }),
    ),
  ]);
  return { name: result.rule_file, timeMs: 0, cases };
}

export function renderTestJunit(results: readonly RulesFileTestResult[]): string {
  return renderJunit('cfn-guard test report', results.map(suiteOf), 0);
}
