// Hostile rules files through the built CLI (run `pnpm build` first): several errors in one file
// are all reported, and nesting deep enough to exhaust a recursive parser is a parse error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuardts } from '../../../../test-support/guardts-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-robust-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile rules files (built CLI)', () => {
  it('parse-tree reports every error of a file with several, each with file:line:column, exit 255', { timeout: 20_000 }, () => {
    writeFileSync(join(dir, 'multi.guard'), 'rule a { Resources == }\nrule b { x <> 1 }\nrule c { y exists \n');
    const result = runGuardts(['parse-tree', '-r', 'multi.guard'], { cwd: dir });
    expect(result.status).toBe(255);
    expect(result.stderr).toMatch(/multi\.guard:1:23:/);
    expect(result.stderr).toMatch(/multi\.guard:2:13:/);
    expect(result.stderr).toMatch(/multi\.guard:4:1:/);
    expect(result.stderr).not.toMatch(/^ {4}at /m);
  });

  it('100,000 nested parentheses are a parse error (exit 5), not a stack overflow', { timeout: 30_000 }, () => {
    writeFileSync(join(dir, 'deep.guard'), `rule r { ${'('.repeat(100_000)}a exists${')'.repeat(100_000)} }\n`);
    writeFileSync(join(dir, 'd.json'), '{"Resources": {}}');
    const result = runGuardts(['validate', '-r', 'deep.guard', '-d', 'd.json'], { cwd: dir });
    expect(result.status).toBe(5);
    expect(result.stderr).toMatch(/Parsing error handling rule file = deep\.guard, Error = deep\.guard:1:\d+:/);
    expect(result.stderr).not.toMatch(/^ {4}at /m);
  });
});
