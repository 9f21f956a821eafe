import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/commands/lint.js';
import { captureIo } from '../src/io.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-lint-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return name;
}

async function lint(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = captureIo({ cwd: dir });
  const status = await run(argv, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

const CLEAN = write('clean.guard', 'rule a_is_one {\n  A == 1\n}\n');
const TWO_WARNINGS = write('two.guard', 'rule count_is_not_five {\n  not Obj.Count == 5\n}\nrule flag {\n  Cfg.Flag == TRUE\n}\n');
const BROKEN = write('broken.guard', 'rule b {\n  X ==\n}\n');

describe('guardts lint', () => {
  it('exits 0 and says so when there is nothing to report', async () => {
    const result = await lint('-r', CLEAN);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('0 warnings, 0 errors in 1 file\n');
  });

  it('prints FILE:LINE:COL: warning[code]: message with a code frame, and exits 3', async () => {
    const result = await lint('-r', TWO_WARNINGS);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('two.guard:2:3: warning[ignored-not-before-comparison]: ');
    expect(result.stdout).toContain(' 2 |   not Obj.Count == 5\n   |   ^^^^^^^^^^^^^^^^^^\n');
    expect(result.stdout).toContain('two.guard:5:15: warning[keyword-case-literal]: ');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('2 warnings, 0 errors in 1 file');
  });

  it('--max-warnings N tolerates up to N warnings', async () => {
    expect((await lint('-r', TWO_WARNINGS, '--max-warnings', '2')).status).toBe(0);
    expect((await lint('-r', TWO_WARNINGS, '--max-warnings', '1')).status).toBe(3);
  });

  it('--disable drops the given codes', async () => {
    const result = await lint('-r', TWO_WARNINGS, '--disable', 'keyword-case-literal,ignored-not-before-comparison');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('warning[');
  });

  it('-o json gives every finding with its position', async () => {
    const result = await lint('-r', TWO_WARNINGS, '-r', BROKEN, '-o', 'json');
    expect(result.status).toBe(5);
    const report = JSON.parse(result.stdout) as { files: unknown[]; findings: { severity: string; code: string; file: string; line: number; column: number }[]; summary: unknown };
    expect(report.files).toEqual([
      { file: 'two.guard', parsed: true },
      { file: 'broken.guard', parsed: false },
    ]);
    expect(report.findings.map(({ severity, code, file, line, column }) => ({ severity, code, file, line, column }))).toEqual([
      { severity: 'warning', code: 'ignored-not-before-comparison', file: 'two.guard', line: 2, column: 3 },
      { severity: 'warning', code: 'keyword-case-literal', file: 'two.guard', line: 5, column: 15 },
      { severity: 'error', code: expect.any(String), file: 'broken.guard', line: 3, column: 1 },
    ]);
    expect(report.summary).toEqual({ files: 2, warnings: 2, errors: 1 });
  });

  it('-o sarif gives a SARIF 2.1.0 log with one result per finding', async () => {
    const result = await lint('-r', TWO_WARNINGS, '-o', 'sarif');
    expect(result.status).toBe(3);
    const log = JSON.parse(result.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toContain('keyword-case-literal');
    expect(run?.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine, r.locations[0]?.physicalLocation.region.startColumn])).toEqual([
      ['ignored-not-before-comparison', 'warning', 'two.guard', 2, 3],
      ['keyword-case-literal', 'warning', 'two.guard', 5, 15],
    ]);
  });

  it('reports a parse error as an error with the parser diagnostic and exits 5', async () => {
    const result = await lint('-r', BROKEN);
    expect(result.status).toBe(5);
    expect(result.stdout).toMatch(/^broken\.guard:3:1: error\[[a-z_]+\]: /);
  });

  it('walks a directory for *.guard and *.ruleset files only', async () => {
    write('tree/a.guard', 'rule a {\n  not A == 1\n}\n');
    write('tree/sub/b.ruleset', 'rule b {\n  not B == 1\n}\n');
    write('tree/notes.txt', 'rule c {\n  not C == 1\n}\n');
    const result = await lint('-r', 'tree', '-o', 'json');
    const report = JSON.parse(result.stdout) as { files: { file: string }[] };
    expect(report.files.map((f) => f.file)).toEqual([join('tree', 'a.guard'), join('tree', 'sub', 'b.ruleset')]);
    expect(result.status).toBe(3);
  });

  it('exits 255 when a path does not exist', async () => {
    const result = await lint('-r', 'nope.guard');
    expect(result.status).toBe(255);
    expect(result.stderr).toContain('nope.guard: no such file or directory');
  });

  it.each([
    [['-r', CLEAN, '--bogus']],
    [[]],
    [['-r', CLEAN, '--disable', 'no-such-code']],
    [['-r', CLEAN, '--max-warnings', 'many']],
    [['-r', CLEAN, '-o', 'yaml']],
  ])('exits 2 on bad flags: %j', async (argv) => {
    const result = await lint(...argv);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toBe('');
  });
});
