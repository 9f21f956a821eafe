// Which snapshot starts turn V8's baseline and optimising compilers off (src/short-run-tiering.ts):
// a few small files only; a directory, too many bytes or no file at all keep them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isShortRun, SHORT_RUN_BYTES } from '../../src/short-run-tiering.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-short-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rules.guard'), 'rule r { Resources exists }\n');
writeFileSync(join(dir, 'template.yaml'), 'Resources: {}\n');
writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(SHORT_RUN_BYTES)}\n`);
mkdirSync(join(dir, 'templates'));

describe('isShortRun', () => {
  it('holds for a rules file and a template, by relative or absolute path, in either flag form', () => {
    expect(isShortRun(['-r', 'rules.guard', '-d', 'template.yaml'], dir)).toBe(true);
    expect(isShortRun(['--rules', join(dir, 'rules.guard'), '--data=template.yaml', '-S', 'all', '-o', 'json'], dir)).toBe(true);
  });

  it('does not hold for a directory, for more than SHORT_RUN_BYTES, or without any file', () => {
    expect(isShortRun(['-r', 'rules.guard', '-d', 'templates'], dir)).toBe(false);
    expect(isShortRun(['--data=templates', '-r', 'rules.guard'], dir)).toBe(false);
    expect(isShortRun(['-r', 'rules.guard', '-d', 'big.yaml'], dir)).toBe(false);
    expect(isShortRun(['-r', 'missing.guard', '--help'], dir)).toBe(false);
  });

  it('takes arguments that are no path (ENOTDIR, too long) for option values', () => {
    expect(isShortRun(['-r', 'rules.guard', '-d', 'rules.guard/inside', 'x'.repeat(5000)], dir)).toBe(true);
  });
});
