/**
 * The rules files named by `-r`: a file as given, a directory walked for `*.guard` and
 * `*.ruleset` (as `validate -r` does), in name order.
 */
import { relative, resolve } from 'node:path';
import { isDirectory, pathExists, walkFiles } from '../files/walk.js';

export interface RuleFileList {
  /** Each file with the name to show for it (relative to the working directory when inside it). */
  readonly files: readonly { readonly path: string; readonly displayName: string }[];
  readonly missing: readonly string[];
}

const RULE_EXTENSIONS = ['.guard', '.ruleset'];

export function findRuleFiles(paths: readonly string[], cwd: string): RuleFileList {
  const files: { path: string; displayName: string }[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const shown = relative(cwd, path);
    files.push({ path, displayName: shown.startsWith('..') || shown === '' ? path : shown });
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    if (!pathExists(path)) missing.push(given);
    else if (!isDirectory(path)) add(path);
    else for (const file of walkFiles(path, 'alphabetical')) if (RULE_EXTENSIONS.some((extension) => file.endsWith(extension))) add(file);
  }
  return { files, missing };
}
