// What GitHub code scanning relies on in a SARIF log: stable fingerprints, rule descriptors, URIs
// relative to %SRCROOT%, and regions counted the way SARIF counts lines.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import { combineFileReports, emptyFileReport } from '../../src/report/structured-report.js';
import { FINGERPRINT_KEY, renderSarif } from '../../src/reporters/sarif.js';
import { TextLines } from '../../src/reporters/text-lines.js';
import { runValidateInProcess } from './run-validate.js';
import { validateSarifSchema, type SarifLog } from './sarif-log-checks.js';

const root = mkdtempSync(join(tmpdir(), 'guardts-sarif-github-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const repo = join(root, 'repo');
mkdirSync(join(repo, 'templates'), { recursive: true });
writeFileSync(join(repo, 'rules.guard'), ['rule encrypted {', '  Resources.*.Properties.Encrypted == true <<Volumes must be encrypted>>', '}', 'rule named { Resources.*.Properties.Name exists }', ''].join('\n'));
const template = ['Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Encrypted: false', ''];
writeFileSync(join(repo, 'templates', 'a.yaml'), template.join('\n'));
writeFileSync(join(repo, 'templates', 'moved.yaml'), ['# a comment that moves every line down', '', ...template].join('\n'));
writeFileSync(join(root, 'outside.yaml'), template.join('\n'));

function sarif(args: readonly string[], cwd = repo, stdin?: string): SarifLog {
  const result = runValidateInProcess([...args, '-z', '-o', 'sarif', '-S', 'none'], { cwd, stdin });
  expect(result.status).toBe(19);
  return JSON.parse(result.stdout) as SarifLog;
}

describe('SARIF for GitHub code scanning', () => {
  const log = sarif(['-r', 'rules.guard', '-d', 'templates/a.yaml']);
  const run = log.runs[0]!;

  it('describes each failing rule once, with its custom message, and results point at it by index', () => {
    expect(run.tool.driver.rules.map((rule) => [rule.id, rule.name, rule.shortDescription.text])).toEqual([
      ['ENCRYPTED', 'encrypted', 'Volumes must be encrypted'],
      ['NAMED', 'named', 'Guard rule named'],
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('writes data and rules URIs relative to %SRCROOT%, the working directory', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(repo).href}/` } });
    expect(run.artifacts).toEqual([{ location: { uri: 'templates/a.yaml', uriBaseId: '%SRCROOT%' } }]);
    expect(run.results[0]!.relatedLocations![0]!.physicalLocation.artifactLocation).toEqual({ uri: 'rules.guard', uriBaseId: '%SRCROOT%' });
  });

  it('keeps a result fingerprint when lines move, and tells results apart', () => {
    const moved = sarif(['-r', 'rules.guard', '-d', 'templates/moved.yaml']).runs[0]!;
    const fingerprints = (results: typeof run.results) => results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    const movedAgain = sarif(['-r', 'rules.guard', '-d', 'templates/moved.yaml']).runs[0]!;
    expect(fingerprints(movedAgain.results)).toEqual(fingerprints(moved.results));
    expect(moved.results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(run.results[0]!.locations[0]!.physicalLocation.region.startLine + 2);
    expect(new Set(fingerprints(run.results)).size).toBe(run.results.length);
    // Same rule, same value path, different file: different fingerprints.
    expect(fingerprints(moved.results)).not.toEqual(fingerprints(run.results));
  });

  it('writes a file outside the working directory as a file: URI, and STDIN as the reference names it', () => {
    const outside = sarif(['-r', 'repo/rules.guard', '-d', 'outside.yaml'], root).runs[0]!;
    expect(outside.artifacts[0]!.location).toEqual({ uri: 'outside.yaml', uriBaseId: '%SRCROOT%' });
    const fromRepo = sarif(['-r', 'rules.guard', '-d', '../outside.yaml']).runs[0]!;
    expect(fromRepo.artifacts[0]!.location).toEqual({ uri: pathToFileURL(join(root, 'outside.yaml')).href });
    const stdin = sarif(['-r', 'rules.guard'], repo, template.join('\n')).runs[0]!;
    expect(stdin.artifacts[0]!.location).toEqual({ uri: 'STDIN' });
  });
});

describe('SARIF for a payload', () => {
  it('is valid, with the payload names as relative URIs', () => {
    const payload = JSON.stringify({ rules: ['rule t { Resources.*.Type == "x" }'], data: ['Resources:\n  A:\n    Type: y\n'] });
    const log = sarif(['-P'], repo, payload);
    expect(validateSarifSchema(log) ? [] : validateSarifSchema.errors).toEqual([]);
    const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'DATA_STDIN%5B1%5D' });
    expect(location.region).toEqual({ startLine: 3, startColumn: 11, endLine: 3, endColumn: 12 });
    expect(log.runs[0]!.results[0]!.relatedLocations![0]!.physicalLocation.artifactLocation).toEqual({ uri: 'RULES_STDIN%5B1%5D' });
  });
});

describe('a run with more results than code scanning takes', () => {
  it('continues in further runs of the same tool, each valid', () => {
    const engine = evaluatorEngine();
    const rules = engine.compileRules('rule many { Resources.*.Properties.Encrypted == true }\n', 'rules.guard');
    const resources = Array.from({ length: 5 }, (_, index) => `  V${index}:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: false\n`);
    const content = `Resources:\n${resources.join('')}`;
    const name = join(repo, 'templates', 'many.yaml');
    const document = engine.loadDocument(content, name);
    if (!rules.ok || !document.ok) throw new Error('fixture does not load');
    const evaluation = engine.evaluate(rules.value, document.value, name);
    if (!evaluation.ok) throw new Error(evaluation.message);
    const { status, notCompliant, notApplicable, compliant } = evaluation.value;
    const report = combineFileReports(emptyFileReport(name), { status, not_compliant: notCompliant, not_applicable: notApplicable, compliant });
    const input = { report, dataFile: { name, content, document: document.value }, ruleSpans: new Map() };
    const log = JSON.parse(renderSarif([input], { cwd: repo, maxResultsPerRun: 2 })) as SarifLog;
    expect(log.runs.map((run) => run.results.length)).toEqual([2, 2, 1]);
    expect(validateSarifSchema(log) ? [] : validateSarifSchema.errors).toEqual([]);
    for (const run of log.runs) expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['MANY']);
    expect(log.runs.flatMap((run) => run.results.map((result) => result.locations[0]!.physicalLocation.region.startLine))).toEqual([5, 9, 13, 17, 21]);
    expect(JSON.parse(renderSarif([input], { cwd: repo })).runs).toHaveLength(1);
  });
});

describe('TextLines', () => {
  it('ends lines at CR LF, LF and a lone CR only, and counts columns in code points', () => {
    const text = 'a\r\nb\rc\nd\u0085e \u{1F600}x';
    const lines = new TextLines(text);
    expect(lines.position(text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    expect(lines.position(text.indexOf('c'))).toEqual({ line: 3, column: 1 });
    expect(lines.position(text.indexOf('e'))).toEqual({ line: 4, column: 3 });
    expect(lines.position(text.indexOf('x'))).toEqual({ line: 4, column: 6 });
  });
});
