/**
 * `guardts test -d DIR` discovery (cfn-guard's `OrderedTestDirectory`): rules files grouped by
 * directory (directories in byte order), each claiming the spec files of the `tests` folder beside
 * it whose name starts with the rules file's stem; the first rules file in name order wins.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { compareCodePoints } from '../report/structured-report.js';

export interface RulesFileWithSpecs {
  /** The path as the walk produced it (DIR joined with the names below it). */
  readonly path: string;
  readonly stem: string;
  readonly specFiles: string[];
}

const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json', '.jsn'];

/** Every file under `root`, following symbolic links, siblings ordered by name. */
function walkFollowingLinks(root: string, cwd: string): string[] {
  const found: string[] = [];
  const visit = (path: string): void => {
    let stats;
    try {
      stats = statSync(resolve(cwd, path));
    } catch {
      return;
    }
    if (stats.isFile()) {
      found.push(path);
      return;
    }
    if (!stats.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(resolve(cwd, path));
    } catch {
      return;
    }
    for (const name of names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) visit(path.endsWith('/') ? `${path}${name}` : `${path}/${name}`);
  };
  visit(root);
  return found;
}

/** Paths are returned as the walk spells them from `root` (relative to `cwd` when `root` is). */
export function discoverTestDirectory(root: string, cwd: string): RulesFileWithSpecs[] {
  const byDirectory = new Map<string, RulesFileWithSpecs[]>();
  const others: string[] = [];
  for (const file of walkFollowingLinks(root, cwd)) {
    const name = basename(file);
    const stem = name.endsWith('.guard') ? name.slice(0, -'.guard'.length) : name.endsWith('.ruleset') ? name.slice(0, -'.ruleset'.length) : null;
    if (stem === null) {
      others.push(file);
      continue;
    }
    const directory = dirname(file);
    const group = byDirectory.get(directory) ?? [];
    group.push({ path: file, stem, specFiles: [] });
    byDirectory.set(directory, group);
  }
  for (const file of others) {
    const name = basename(file);
    if (!SPEC_EXTENSIONS.some((extension) => name.endsWith(extension))) continue;
    const parent = dirname(file);
    if (basename(parent) !== 'tests') continue;
    const candidates = byDirectory.get(dirname(parent));
    const owner = candidates?.find((candidate) => name.startsWith(candidate.stem));
    owner?.specFiles.push(file);
  }
  return [...byDirectory.keys()].sort(compareCodePoints).flatMap((directory) => byDirectory.get(directory)!);
}
