// Every JUnit report guardts writes (`validate -z -o junit`, `test -o junit`) is well-formed XML 1.0,
// checked by a real XML parser, with the reference's structure: <testsuites> with name, tests,
// failures, errors and time; <testsuite> per data file (validate) or rules file (test) with name,
// errors, failures and time; <testcase> with name and time, and a status or one <failure>/<error>.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { describeShared, repoRoot } from '../../../../test-support/shared-corpus.js';
import { renderJunit } from '../../src/reporters/junit-xml.js';
import { runInProcess } from '../support/in-process.js';

type Element = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name) });

/** Characters XML 1.0 forbids anywhere in a document (its `Char` production). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

interface JunitFigures {
  readonly suites: number;
  readonly cases: number;
  readonly failures: number;
}

/** Asserts `xml` is a well-formed JUnit report of the reference's shape and returns its counts. */
function checkJunit(xml: string, title: string): JunitFigures {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(NOT_XML_CHAR);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(xml.endsWith('</testsuites>\n')).toBe(true);
  const root = (parser.parse(xml) as { testsuites: Element }).testsuites;
  expect(root['@name']).toBe(title);
  const suites = (root['testsuite'] as Element[] | undefined) ?? [];
  let cases = 0;
  let failures = 0;
  let errors = 0;
  for (const suite of suites) {
    expect(Object.keys(suite).filter((key) => key.startsWith('@'))).toEqual(['@name', '@errors', '@failures', '@time']);
    const testCases = (suite['testcase'] as Element[] | undefined) ?? [];
    const failed = testCases.filter((testCase) => testCase['failure'] !== undefined).length;
    const errored = testCases.filter((testCase) => testCase['error'] !== undefined).length;
    expect(Number(suite['@failures'])).toBe(failed);
    expect(Number(suite['@errors'])).toBe(errored);
    for (const testCase of testCases) {
      expect(typeof testCase['@name']).toBe('string');
      expect(testCase['@time']).toMatch(/^\d+$/);
      const outcomes = ['failure', 'error'].filter((kind) => testCase[kind] !== undefined);
      // A passing or skipped case says so in `status`; a failure has no status; an error has `status="error"`.
      if (outcomes.length === 0) expect(['pass', 'skip']).toContain(testCase['@status']);
      else if (outcomes[0] === 'error') expect(testCase['@status']).toBe('error');
      else expect(testCase['@status']).toBeUndefined();
      expect(outcomes.length).toBeLessThanOrEqual(1);
    }
    cases += testCases.length;
    failures += failed;
    errors += errored;
  }
  expect(Number(root['@tests'])).toBe(cases);
  expect(Number(root['@failures'])).toBe(failures);
  expect(Number(root['@errors'])).toBe(errors);
  expect(root['@time']).toMatch(/^\d+$/);
  return { suites: suites.length, cases, failures };
}

describe('the JUnit writer', () => {
  it('escapes markup and quotes in names and messages', () => {
    const xml = renderJunit('t <&> "q" \'a\'', [{ name: 'a&b.yaml', timeMs: 0, cases: [{ id: null, name: '<r>', timeMs: 0, outcome: { kind: 'fail', failure: { message: 'm"&', texts: ['<x> & "y"', ']]>'] } } }] }], 0);
    checkJunit(xml, 't <&> "q" \'a\'');
    const failure = ((parser.parse(xml) as { testsuites: { testsuite: { testcase: Element[] }[] } }).testsuites.testsuite[0]!.testcase[0]!['failure'] as Element[])[0]!;
    expect(failure['#text']).toBe('<x> & "y"]]>');
    expect(failure['@message']).toBe('m"&');
  });
});

describe('characters XML 1.0 forbids', () => {
  it('are written as Rust debug escapes so the report stays well-formed (cfn-guard writes them raw)', () => {
    const xml = renderJunit('t', [{ name: 'data.yaml', timeMs: 0, cases: [{ id: null, name: 'r', timeMs: 0, outcome: { kind: 'fail', failure: { message: 'a\u0001b', texts: ['x\u001fy\ud800z\u0085'] } } }] }], 0);
    checkJunit(xml, 't');
    expect(xml).toContain('<failure message="a\\u{1}b">x\\u{1f}y\\u{d800}z\u0085</failure>');
  });

  it('in a data value reach the report escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-junit-'));
    try {
      writeFileSync(join(dir, 'rules.guard'), 'rule t { Resources.*.Type == "x" }\n');
      writeFileSync(join(dir, 'data.yaml'), 'Resources:\n  Vol:\n    Type: "AWS::EC2::\\x01Volume"\n');
      const result = runInProcess(['validate', '-r', 'rules.guard', '-d', 'data.yaml', '-z', '-o', 'junit', '-S', 'none'], { cwd: dir });
      expect(result.status).toBe(19);
      checkJunit(result.stdout, 'cfn-guard validate report');
      expect(result.stdout).toContain('AWS::EC2::\\u{1}Volume');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a rules file that does not parse', () => {
  it('is one <testcase status="error"> with an <error> in test -o junit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-junit-'));
    try {
      writeFileSync(join(dir, 'b.guard'), 'rule broken {\n  Resources.*.Type ==\n');
      writeFileSync(join(dir, 'b_tests.yaml'), '---\n- input:\n    Resources: {}\n  expectations:\n    rules:\n      broken: SKIP\n');
      const result = runInProcess(['test', '-r', 'b.guard', '-t', 'b_tests.yaml', '-o', 'junit'], { cwd: dir });
      expect(checkJunit(result.stdout, 'cfn-guard test report')).toEqual({ suites: 1, cases: 1, failures: 0 });
      expect(result.stdout).toContain('<testcase name="b.guard" time="0" status="error">');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JUnit for the test corpus', () => {
  const corpus = join(repoRoot, 'test-corpus');
  const { invocations } = JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8')) as { invocations: { dir: string; args: string[]; stdin?: string }[] };

  it('validate -z -o junit is well-formed for every validate invocation', () => {
    let failures = 0;
    let runs = 0;
    for (const invocation of invocations.filter((entry) => entry.args[0] === 'validate')) {
      const dir = join(corpus, 'cases', invocation.dir);
      const stdin = invocation.stdin === undefined ? undefined : readFileSync(join(dir, invocation.stdin), 'utf8');
      const inputs = invocation.args.slice(1).filter((arg, index, args) => !['-o', '-S', '-z', '-v', '-p'].includes(arg) && !['-o', '-S'].includes(args[index - 1]!));
      const result = runInProcess(['validate', ...inputs, '-z', '-o', 'junit', '-S', 'none'], { cwd: dir, stdin });
      if (result.stdout === '') continue;
      failures += checkJunit(result.stdout, 'cfn-guard validate report').failures;
      runs++;
    }
    expect(runs).toBeGreaterThanOrEqual(50);
    expect(failures).toBeGreaterThanOrEqual(40);
  });

  it('test -o junit is well-formed for every test invocation', () => {
    let runs = 0;
    for (const invocation of invocations.filter((entry) => entry.args[0] === 'test')) {
      const dir = join(corpus, 'cases', invocation.dir);
      const inputs = invocation.args.slice(1).filter((arg, index, args) => !['-o', '-v', '--verbose'].includes(arg) && args[index - 1] !== '-o');
      const result = runInProcess(['test', ...inputs, '-o', 'junit'], { cwd: dir });
      if (result.stdout === '') continue;
      checkJunit(result.stdout, 'cfn-guard test report');
      runs++;
    }
    expect(runs).toBeGreaterThanOrEqual(3);
  });
});

describeShared('JUnit for the probe cases and the registry specs', (shared) => {
  it('validate -z -o junit is well-formed for every probe case', () => {
    const dir = join(shared, 'spec', 'probe-cases');
    const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { rules: string; data: string }[];
    let failures = 0;
    for (const probe of cases) {
      const result = runInProcess(['validate', '-r', probe.rules, '-d', probe.data, '-z', '-o', 'junit', '-S', 'none'], { cwd: dir });
      // A runtime error (exit 255) prints no report.
      if (result.status === 255) continue;
      const figures = checkJunit(result.stdout, 'cfn-guard validate report');
      expect(figures.suites).toBe(1);
      failures += figures.failures;
    }
    expect(failures).toBeGreaterThanOrEqual(30);
  });

  it('test -o junit is well-formed for every registry spec', () => {
    const registry = join(shared, 'corpus', 'registry');
    const entries = (JSON.parse(readFileSync(join(registry, 'expected.json'), 'utf8')) as { specs: { spec: string; rules: string }[] }).specs;
    expect(entries.length).toBe(readdirSync(join(registry, 'tests')).length);
    let cases = 0;
    for (const entry of entries) {
      const result = runInProcess(['test', '-r', entry.rules, '-t', entry.spec, '-o', 'junit'], { cwd: registry });
      cases += checkJunit(result.stdout, 'cfn-guard test report').cases;
    }
    expect(cases).toBeGreaterThanOrEqual(500);
  });
});
