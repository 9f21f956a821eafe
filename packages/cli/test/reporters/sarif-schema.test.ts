// `validate -z -o sarif` over many real inputs (the project's test corpus; with ../shared the probe
// cases, the seed as Config items, a sample of registry/CT rules x templates): every log is valid
// against the official SARIF 2.1.0 schema, within GitHub code scanning's constraints, has one
// result per failing check of the `-z -o json` report of the same run, and each result's region
// covers the failing value in the data file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, describeShared } from '../../../../test-support/shared-corpus.js';
import { runValidateInProcess } from './run-validate.js';
import { artifactPath, githubProblems, regionText, validateSarifSchema, type SarifLog } from './sarif-log-checks.js';

interface Messages {
  custom_message: string | null;
  error_message: string | null;
}
interface JsonCheck {
  rule: string;
  messages: Messages;
  /** The failing value's path and value, when the check resolved one. */
  path: string | null;
  value: unknown;
}
type JsonClause = Record<string, Record<string, unknown>>;

/** The failing checks of a `-z -o json` report, in report order (written independently of the writer). */
function jsonChecks(reports: { not_compliant: JsonClause[] }[]): JsonCheck[] {
  const checks: JsonCheck[] = [];
  const walk = (clause: JsonClause, rule: string): void => {
    const [kind, body] = Object.entries(clause)[0]!;
    if (kind === 'Rule' || kind === 'Disjunctions') {
      for (const check of body['checks'] as JsonClause[]) walk(check, rule);
      return;
    }
    if (kind === 'Block') {
      checks.push({ rule, messages: body['messages'] as Messages, path: null, value: undefined });
      return;
    }
    const [, inner] = Object.entries(body)[0]! as [string, { messages: Messages; check: Record<string, Record<string, { path: string; value: unknown }>> }];
    const resolved = inner.check['Resolved'] ?? inner.check['InResolved'];
    const from = resolved === undefined ? undefined : (resolved['from'] ?? resolved['value']);
    checks.push({ rule, messages: inner.messages, path: from?.path ?? null, value: from?.value });
  };
  for (const report of reports) for (const failure of report.not_compliant) walk(failure, 'Rule' in failure ? (failure['Rule']!['name'] as string) : '');
  return checks;
}

function unquoted(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

export interface SarifRunFigures {
  readonly results: number;
  readonly regionsChecked: number;
}

/**
 * Runs `validate <args> -z -o json|sarif -S none` and checks the SARIF log; null when the run does
 * not fail (exit other than 19).
 */
export function checkSarifRun(args: readonly string[], cwd: string, stdin?: string): SarifRunFigures | null {
  const json = runValidateInProcess([...args, '-z', '-o', 'json', '-S', 'none'], { cwd, stdin });
  const sarif = runValidateInProcess([...args, '-z', '-o', 'sarif', '-S', 'none'], { cwd, stdin });
  // JSON cannot hold a non-finite number, so that report is refused (255) where SARIF, without values, is not.
  if (json.status === 255 && json.stderr.includes('Could not convert float')) return null;
  expect(sarif.status, `${args.join(' ')}: ${json.stderr}`).toBe(json.status);
  if (sarif.status !== 19) return null;
  const log = JSON.parse(sarif.stdout) as SarifLog;
  const valid = validateSarifSchema(log);
  expect(valid ? [] : validateSarifSchema.errors, `schema errors for ${args.join(' ')}`).toEqual([]);
  expect(githubProblems(log, cwd), args.join(' ')).toEqual([]);

  const run = log.runs[0]!;
  const checks = jsonChecks(JSON.parse(json.stdout) as { not_compliant: JsonClause[] }[]);
  expect(run.results.length, `results for ${args.join(' ')}`).toBe(checks.length);
  let regionsChecked = 0;
  for (const [index, result] of run.results.entries()) {
    const check = checks[index]!;
    expect(result.message.text).toBe(`${check.messages.error_message ?? ''} ${check.messages.custom_message ?? ''}`);
    expect(result.ruleId).toBe(check.rule.split('.')[0]!.toUpperCase());
    const custom = check.messages.custom_message?.trim() ?? '';
    if (custom !== '') expect(run.tool.driver.rules[result.ruleIndex]!.fullDescription.text).toContain(custom);
    const related = result.relatedLocations![0]!.physicalLocation;
    expect(readFileSync(artifactPath(log, related.artifactLocation)!, 'utf8')).toContain('rule');

    const { artifactLocation, region } = result.locations[0]!.physicalLocation;
    const dataPath = artifactPath(log, artifactLocation);
    // A literal of the rules file (path '') has no place in the data file.
    if (dataPath === null || check.path === null || check.path === '' || (typeof check.value !== 'string' && typeof check.value !== 'boolean' && typeof check.value !== 'number')) continue;
    const covered = regionText(readFileSync(dataPath, 'utf8'), region);
    // A value computed by a function keeps no place of its own: the writer falls back to the first line.
    const firstLine = region.startLine === 1 && region.startColumn === 1 && region.endLine === 1;
    if (firstLine && unquoted(covered) !== String(check.value)) continue;
    // Escapes, quotes and line folding make the written text differ from the value: not compared.
    if (typeof check.value === 'string' && /[^\x20-\x7e]|["'\\]/.test(check.value + covered.slice(1, -1))) continue;
    if (typeof check.value === 'string') expect(unquoted(covered), `${dataPath}:${region.startLine}:${region.startColumn}`).toBe(check.value);
    else if (typeof check.value === 'boolean') expect(covered.toLowerCase()).toMatch(check.value ? /^["']?(true|yes|on)["']?$/ : /^["']?(false|no|off)["']?$/);
    else expect(Number(unquoted(covered))).toBe(check.value);
    regionsChecked++;
  }
  return { results: run.results.length, regionsChecked };
}

interface Invocation {
  readonly name: string;
  readonly dir: string;
  readonly args: readonly string[];
  readonly stdin?: string;
}

/** The invocation's inputs without its output flags. */
function inputArgs(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (['-o', '--output-format', '-S', '--show-summary'].includes(arg)) i++;
    else if (!['-z', '--structured', '-v', '--verbose', '-p', '--print-json'].includes(arg)) kept.push(arg);
  }
  return kept;
}

describe('the schema validator', () => {
  it('rejects logs the schema does not allow', () => {
    expect(validateSarifSchema({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const region = { startLine: 0, startColumn: 1 };
    const result = { message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b' }, region } }] };
    expect(validateSarifSchema({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [result] }] })).toBe(false);
    expect(JSON.stringify(validateSarifSchema.errors)).toContain('startLine');
  });
});

describe('SARIF for the test corpus', () => {
  const corpus = join(repoRoot, 'test-corpus');
  const { invocations } = JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8')) as { invocations: Invocation[] };
  const validations = invocations.filter((invocation) => invocation.args[0] === 'validate');

  it('is valid and complete for every failing validate invocation', () => {
    let failing = 0;
    let results = 0;
    let regions = 0;
    for (const invocation of validations) {
      const dir = join(corpus, 'cases', invocation.dir);
      const stdin = invocation.stdin === undefined ? undefined : readFileSync(join(dir, invocation.stdin), 'utf8');
      const figures = checkSarifRun(inputArgs(invocation.args.slice(1)), dir, stdin);
      if (figures === null) continue;
      failing++;
      results += figures.results;
      regions += figures.regionsChecked;
    }
    expect(failing).toBeGreaterThanOrEqual(40);
    expect(results).toBeGreaterThanOrEqual(100);
    expect(regions).toBeGreaterThanOrEqual(20);
  });
});

describeShared('SARIF for the probe cases', (shared) => {
  const dir = join(shared, 'spec', 'probe-cases');
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { name: string; rules: string; data: string; exit_code: number }[];
  const failing = cases.filter((probe) => probe.exit_code === 19);

  it('has failing cases to check', () => expect(failing.length).toBeGreaterThanOrEqual(30));
  it.each(failing.map((probe) => [probe.name, probe] as const))('%s', (_name, probe) => {
    // A FAIL can come with no failing check in the report (e.g. a `when` block over nothing): no result then.
    expect(checkSarifRun(['-r', probe.rules, '-d', probe.data], dir)).not.toBeNull();
  });
});

describeShared('SARIF for the seed as Config items', (shared) => {
  it('points the failing Config item check at the template property', () => {
    const dir = join(shared, 'seed');
    const figures = checkSarifRun(['-r', 'lambda_tracing_config_item.guard', '-d', 'template-passthrough.yaml', '--as', 'config-item'], dir);
    expect(figures?.results).toBe(1);
    const log = JSON.parse(runValidateInProcess(['-r', 'lambda_tracing_config_item.guard', '-d', 'template-passthrough.yaml', '--as', 'config-item', '-z', '-o', 'sarif', '-S', 'none'], { cwd: dir }).stdout) as SarifLog;
    const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'template-passthrough.yaml', uriBaseId: '%SRCROOT%' });
    expect(regionText(readFileSync(join(dir, 'template-passthrough.yaml'), 'utf8'), location.region)).toBe('PassThrough');
  });
});

describeShared('SARIF for registry and Control Tower rules x templates (sample)', (shared) => {
  const corpus = join(shared, 'corpus');
  const expected = JSON.parse(readFileSync(join(corpus, 'templates-dev', 'expected-dev.json'), 'utf8')) as { pairs: { rules: string; data: string; exit_code: number }[] };
  const failingPairs = expected.pairs.filter((pair) => pair.exit_code === 19);
  // Every k-th failing pair: a fixed sample of about 100 across rules and templates.
  const step = Math.max(1, Math.floor(failingPairs.length / 100));
  const sample = failingPairs.filter((_pair, index) => index % step === 0);

  it('samples about 100 failing pairs', () => expect(sample.length).toBeGreaterThanOrEqual(100));
  it('is valid and complete for each', () => {
    let regions = 0;
    for (const pair of sample) {
      const figures = checkSarifRun(['-r', join(corpus, pair.rules), '-d', join('templates', pair.data)], join(corpus, 'templates-dev'));
      expect(figures, `${pair.rules} x ${pair.data}`).not.toBeNull();
      regions += figures!.regionsChecked;
    }
    expect(regions).toBeGreaterThanOrEqual(100);
  });
});
