import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../../src/files/walk.js';
import { discoverTestDirectory } from '../../src/test-command/test-directory.js';
import { collectRulesFiles } from '../../src/validate/data-files.js';

const root = mkdtempSync(join(tmpdir(), 'guardts-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(path: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), 'x');
}

describe('walking directories', () => {
  it('orders siblings by byte order and walks depth first', () => {
    for (const file of ['w/b.guard', 'w/B.guard', 'w/a/z.guard', 'w/c.txt']) touch(file);
    expect(walkFiles(join(root, 'w'), 'alphabetical').map((file) => relative(join(root, 'w'), file))).toEqual(['B.guard', 'a/z.guard', 'b.guard', 'c.txt']);
  });
  it('keeps .guard/.ruleset files of directories but explicit files whatever their extension', () => {
    touch('r/one.guard');
    touch('r/two.ruleset');
    touch('r/notes.txt');
    touch('explicit.txt');
    const collected = collectRulesFiles(['r', 'explicit.txt'], 'alphabetical', root);
    expect(collected.ok && collected.value.map((source) => source.name)).toEqual(['one.guard', 'two.ruleset', 'explicit.txt']);
  });
  it('reports a missing path with the reference message', () => {
    expect(collectRulesFiles(['nope.guard'], 'alphabetical', root)).toEqual({ ok: false, message: 'The path `nope.guard` does not exist' });
  });
});

describe('test --dir discovery', () => {
  it('lets the first rules file whose stem prefixes a spec name claim it', () => {
    for (const file of ['t/s3.guard', 't/s3_bucket.guard', 't/tests/s3_bucket_tests.yaml', 't/tests/s3_tests.yaml', 't/other.guard', 't/tests/readme.md']) touch(file);
    const found = discoverTestDirectory('t', root);
    expect(found.map((file) => [file.path, file.specFiles])).toEqual([
      ['t/other.guard', []],
      ['t/s3.guard', ['t/tests/s3_bucket_tests.yaml', 't/tests/s3_tests.yaml']],
      ['t/s3_bucket.guard', []],
    ]);
  });
});
