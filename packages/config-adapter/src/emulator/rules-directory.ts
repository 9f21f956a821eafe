/** Loads every `*.guard` file of a directory as a rule named after the file (its stem). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface RuleFile {
  readonly name: string;
  readonly policyText: string;
  readonly path: string;
}

export function readRuleFiles(path: string): RuleFile[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.guard'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  return files.map((file) => ({ name: basename(file).replace(/\.guard$/, ''), policyText: readFileSync(file, 'utf8'), path: file }));
}
