/** Every file below `dir` whose name `accept`s, in sorted order, depth first: the corpora's listings for tests. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function walkFiles(dir: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walkFiles(path, accept) : accept(name) ? [path] : [];
    });
}
