// `guardts parse-tree`, run in-process with captured output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../src/commands/parse-tree.js';
import { EXIT_OK, EXIT_RUNTIME_ERROR, EXIT_USAGE } from '../src/exit-codes.js';
import { captureIo } from '../src/io.js';

function workDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardts-parse-tree-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const RULES = 'let x = 1\nrule r when %x == 1 {\n  Resources.*[ Type == "A" ].Properties.X exists <<msg>>\n}\n';

describe('guardts parse-tree', () => {
  it('prints the AST as YAML by default, without spans', async () => {
    const io = captureIo({ cwd: workDir({ 'r.guard': RULES }) });
    expect(await run(['-r', 'r.guard'], io)).toBe(EXIT_OK);
    const tree = parseYaml(io.out()) as { kind: string; rules: { name: { name: string } }[]; assignments: unknown[] };
    expect(tree.kind).toBe('RulesFile');
    expect(tree.rules.map((r) => r.name.name)).toEqual(['r']);
    expect(tree.assignments).toHaveLength(1);
    expect(io.out()).not.toContain('span');
  });

  it('prints JSON with -p / --print-json', async () => {
    const io = captureIo({ cwd: workDir({ 'r.guard': RULES }) });
    expect(await run(['--rules', 'r.guard', '-p'], io)).toBe(EXIT_OK);
    const tree = JSON.parse(io.out()) as { rules: { body: { clauses: { clauses: { kind: string; message: { text: string } }[] }[] } }[] };
    const clause = tree.rules[0]?.body.clauses[0]?.clauses[0];
    expect(clause?.kind).toBe('AccessClause');
    expect(clause?.message.text).toBe('msg');
  });

  it('reads standard input without -r', async () => {
    const io = captureIo({ stdin: 'A exists\n' });
    expect(await run(['-y'], io)).toBe(EXIT_OK);
    expect((parseYaml(io.out()) as { defaultRule: { kind: string } }).defaultRule.kind).toBe('DefaultRule');
  });

  it('writes to the file given with -o', async () => {
    const dir = workDir({ 'r.guard': RULES });
    const io = captureIo({ cwd: dir });
    expect(await run(['-r', 'r.guard', '-o', 'tree.json', '-p'], io)).toBe(EXIT_OK);
    expect(io.out()).toBe('');
    expect((JSON.parse(readFileSync(join(dir, 'tree.json'), 'utf8')) as { kind: string }).kind).toBe('RulesFile');
  });

  it('exits 255 on a parse error, with FILE:LINE:COL and a code frame on stderr', async () => {
    const io = captureIo({ cwd: workDir({ 'bad.guard': 'rule r {\n  Cfg.Mode Exists\n}\nrule s { }\n' }) });
    expect(await run(['-r', 'bad.guard'], io)).toBe(EXIT_RUNTIME_ERROR);
    expect(io.out()).toBe('');
    const errors = io.err().split('\n').filter((line) => /^bad\.guard:\d+:\d+: /.test(line));
    expect(errors.map((line) => line.split(': ')[0])).toEqual(['bad.guard:2:12', 'bad.guard:4:10']);
    expect(io.err()).toContain('Cfg.Mode Exists');
    expect(io.err()).toMatch(/\|\s+\^{6}/);
  });

  it('exits 255 when the rules file cannot be read', async () => {
    const io = captureIo({ cwd: workDir({}) });
    expect(await run(['-r', 'missing.guard'], io)).toBe(EXIT_RUNTIME_ERROR);
    expect(io.err()).toContain('missing.guard');
  });

  it('exits 2 with usage on an unknown flag', async () => {
    const io = captureIo();
    expect(await run(['--bogus'], io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain("unknown option '--bogus'");
    expect(io.err()).toContain('Usage: parse-tree');
  });

  it('prints help and exits 0 with --help', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('--print-json');
  });
});
