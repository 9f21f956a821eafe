// fs.watch as the watch command uses it: named files through their directory, so that a save by
// rename (a new inode) is still seen; directories recursively.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchPaths, watchTargets, type FileWatcher } from '../../src/watch/file-watcher.js';

let dir: string;
let watcher: FileWatcher | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guardts-file-watcher-'));
});
afterEach(() => {
  watcher?.close();
  watcher = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts watching and resolves with the first batch of touched paths that satisfies `until`. */
function firstBatch(paths: string[], until: (touched: ReadonlySet<string>) => boolean): { ready: Promise<ReadonlySet<string>> } {
  let resolveBatch: (touched: ReadonlySet<string>) => void = () => {};
  const ready = new Promise<ReadonlySet<string>>((resolve) => (resolveBatch = resolve));
  const seen = new Set<string>();
  watcher = watchPaths(paths, dir, {
    debounceMs: 5,
    onChange: (touched) => {
      for (const path of touched) seen.add(path);
      if (until(seen)) resolveBatch(seen);
    },
    onError: (message) => {
      throw new Error(message);
    },
  });
  return { ready };
}

describe('watchTargets', () => {
  it('watches named files through their directory (one watch per directory) and directories recursively', () => {
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'a.yaml'), '');
    writeFileSync(join(dir, 'b.yaml'), '');
    expect(watchTargets(['a.yaml', 'b.yaml', 'rules'], dir)).toEqual([
      { directory: dir, recursive: false, names: new Set(['a.yaml', 'b.yaml']) },
      { directory: join(dir, 'rules'), recursive: true, names: null },
    ]);
  });
});

describe('watchPaths', () => {
  it('reports a file saved by rename over the original, and not its neighbours', async () => {
    writeFileSync(join(dir, 'template.yaml'), 'a: 1\n');
    const { ready } = firstBatch(['template.yaml'], (touched) => touched.has(join(dir, 'template.yaml')));
    writeFileSync(join(dir, 'other.yaml'), 'b: 1\n');
    writeFileSync(join(dir, '.template.yaml.tmp'), 'a: 2\n');
    renameSync(join(dir, '.template.yaml.tmp'), join(dir, 'template.yaml'));
    const touched = await ready;
    expect([...touched].every((path) => path === join(dir, 'template.yaml'))).toBe(true);
  });

  it('reports files created deep inside a watched directory', async () => {
    mkdirSync(join(dir, 'data', 'nested'), { recursive: true });
    const created = join(dir, 'data', 'nested', 'new.json');
    const { ready } = firstBatch(['data'], (touched) => touched.has(created));
    writeFileSync(created, '{}');
    expect((await ready).has(created)).toBe(true);
  });
});
