/**
 * Collecting `validate`'s inputs the way cfn-guard does: which files, in which order, under which
 * names, and the exact conditions that make a run fail before anything is evaluated.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Value } from '@guardts/evaluator';
import type { GuardEngine, Outcome } from '../engine/guard-engine.js';
import { isDirectory, pathExists, walkFiles, type FileOrder } from '../files/walk.js';

export const DATA_FILE_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json', '.jsn', '.template'];
export const RULES_FILE_EXTENSIONS: readonly string[] = ['.guard', '.ruleset'];

export function hasExtension(name: string, extensions: readonly string[]): boolean {
  return extensions.some((extension) => name.endsWith(extension));
}

/** A loaded data document: its report name, its text (for code excerpts) and its values. */
export interface DataFile {
  readonly name: string;
  readonly content: string;
  readonly document: Value;
  /** For a document built from one template resource (`--as config-item|hook|guard-hook`): that resource. */
  readonly origin?: { readonly template: DataFile; readonly logicalId: string; readonly type: string | null };
}

export interface RulesSource {
  /** The name shown in reports: the file's base name, `RULES_STDIN[n]` for payloads. */
  readonly name: string;
  /** The file on disk, when there is one. */
  readonly path: string | null;
}

export function missingPath(path: string): string {
  return `The path \`${path}\` does not exist`;
}

/** Reads a file as UTF-8, failing (as Rust's `read_to_string` does) on invalid UTF-8. */
export function readUtf8(path: string): Outcome<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `I/O error when reading ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'I/O error when reading stream did not contain valid UTF-8' };
  }
}

/** cfn-guard's `build_data_file`: empty text and unparsable data are errors. */
export function buildDataFile(engine: GuardEngine, content: string, name: string): Outcome<DataFile> {
  if (content.trim() === '') {
    return { ok: false, message: `Parser Error when parsing \`Unable to parse a template from data file: ${name} is empty\`` };
  }
  const loaded = engine.loadDocument(content, name);
  if (!loaded.ok) return loaded;
  return { ok: true, value: { name, content, document: loaded.value } };
}

/** A data file found under a `-d` path: `file` as walked (what file events name), `name` its canonical path (what reports show). */
export interface FoundDataFile {
  readonly file: string;
  readonly name: string;
}

/**
 * One `-d` path: every file at or under it whose canonical name has a data extension (the filter
 * applies to files named explicitly too), in walk order; null when the path does not exist.
 * `canonicalName` may return null to skip a file (the watcher's files can vanish mid-walk).
 */
export function findDataFiles(
  path: string,
  order: FileOrder,
  cwd: string,
  canonicalName: (file: string) => string | null = realpathSync,
): FoundDataFile[] | null {
  const absolute = resolve(cwd, path);
  if (!pathExists(absolute)) return null;
  const found: FoundDataFile[] = [];
  for (const file of walkFiles(absolute, order)) {
    const name = canonicalName(file);
    if (name !== null && hasExtension(name, DATA_FILE_EXTENSIONS)) found.push({ file, name });
  }
  return found;
}

/** `-d` paths loaded, each file named by its canonical absolute path. */
export function loadDataPaths(engine: GuardEngine, paths: readonly string[], order: FileOrder, cwd: string): Outcome<DataFile[]> {
  const files: DataFile[] = [];
  for (const path of paths) {
    const found = findDataFiles(path, order, cwd);
    if (found === null) return { ok: false, message: missingPath(path) };
    for (const { file, name } of found) {
      const content = readUtf8(file);
      if (!content.ok) return content;
      const data = buildDataFile(engine, content.value, name);
      if (!data.ok) return data;
      files.push(data.value);
    }
  }
  return { ok: true, value: files };
}

/** `-i` paths: loaded like data files (named by base name) and merged into one document. */
export function loadInputParameters(engine: GuardEngine, paths: readonly string[], order: FileOrder, cwd: string): Outcome<Value | null> {
  let merged: Value | null = null;
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!pathExists(absolute)) return { ok: false, message: missingPath(path) };
    for (const file of walkFiles(absolute, order)) {
      const name = basename(file);
      if (!hasExtension(name, DATA_FILE_EXTENSIONS)) continue;
      const content = readUtf8(file);
      if (!content.ok) return content;
      const data = buildDataFile(engine, content.value, name);
      if (!data.ok) return data;
      if (merged === null) {
        merged = data.value.document;
      } else {
        const next = engine.mergeDocuments(merged, data.value.document);
        if (!next.ok) return next;
        merged = next.value;
      }
    }
  }
  return { ok: true, value: merged };
}

/** `-r` paths: explicit files whatever their extension; `.guard`/`.ruleset` files inside directories. */
export function collectRulesFiles(paths: readonly string[], order: FileOrder, cwd: string): Outcome<RulesSource[]> {
  const sources: RulesSource[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!pathExists(absolute)) return { ok: false, message: missingPath(path) };
    const files = isDirectory(absolute) ? walkFiles(absolute, order).filter((file) => hasExtension(basename(file), RULES_FILE_EXTENSIONS)) : [absolute];
    for (const file of files) sources.push({ name: basename(file), path: file });
  }
  return { ok: true, value: sources };
}
