/**
 * Where a SARIF result points: artifact URIs relative to the working directory (the checkout root
 * in CI, as GitHub code scanning wants them, under the `%SRCROOT%` base id) and the region of the
 * failing value in the data file.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Value } from '@guardts/evaluator';
import type { SourceSpan } from '@guardts/guard-parser';
import type { DataFile } from '../validate/data-files.js';
import { TextLines } from './text-lines.js';
import { canonicalPath } from '../files/canonical-path.js';

export const SOURCE_ROOT_ID = '%SRCROOT%';

export interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** `%SRCROOT%` as `originalUriBaseIds` declares it: the working directory as a `file:` URI ending in `/`. */
export function sourceRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * A file under the working directory becomes a relative URI against `%SRCROOT%`, any other file a
 * `file:` URI; names that are no file (`STDIN`, payloads) stay relative URIs of their own.
 */
export function artifactLocation(name: string, cwd: string): ArtifactLocation {
  // `STDIN`, `DATA_STDIN[1]`: percent-encoded, since `[` `]` are not allowed in a URI reference.
  if (!isAbsolute(name)) return { uri: uriPath(name.split('/')) };
  // Data files are named by their canonical path, so a working directory reached through a symlink is compared canonically too.
  for (const root of [cwd, canonicalPath(cwd)]) {
    const fromRoot = relative(root, name);
    if (fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot)) {
      return { uri: uriPath(fromRoot.split(sep)), uriBaseId: SOURCE_ROOT_ID };
    }
  }
  return { uri: pathToFileURL(name).href };
}

function uriPath(segments: readonly string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

export function spanRegion(span: SourceSpan): Region {
  return { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

const linesOfFile = new WeakMap<DataFile, TextLines>();

/** A data value's span counted by SARIF's rules over the file's text (the loader's lines follow YAML's). */
function dataRegion(file: DataFile, span: SourceSpan): Region {
  let lines = linesOfFile.get(file);
  if (lines === undefined) {
    lines = new TextLines(file.content);
    linesOfFile.set(file, lines);
  }
  const start = lines.position(span.start.offset);
  const end = lines.position(span.end.offset);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Where a check with no value of its own in the file points (a rule reference, an empty filter, a
 * value from a parameter file): the file's first line, since cfn-guard's 1:1 names no region.
 */
export function firstLineRegion(content: string): Region {
  const firstLine = Array.from(content.split(/\r\n|\n|\r/)[0]!);
  return { startLine: 1, startColumn: 1, endLine: 1, endColumn: firstLine.length + 1 };
}

export interface DataLocation {
  readonly file: DataFile;
  readonly region: Region;
}

/**
 * The failing value's place. A document built from a template resource (a Config item, a hook
 * input) is not a file: its checks point into the template, at the property whose path matches
 * the check's path case-insensitively (`configuration/tracingConfig/mode` ->
 * `Properties/TracingConfig/Mode`) as far as it does, else at the resource's logical id.
 */
export function dataLocation(dataFile: DataFile, valuePath: string | null, reported: unknown = undefined): DataLocation {
  const origin = dataFile.origin;
  if (origin === undefined) {
    const span = valuePath === null ? null : valueSpan(dataFile.document, valuePath, reported);
    // A value merged in from an `--input-parameters` file is written in that file, not this one.
    const inThisFile = span !== null && span.file === dataFile.name;
    return { file: dataFile, region: inThisFile ? dataRegion(dataFile, span) : firstLineRegion(dataFile.content) };
  }
  const span = templateSpan(origin.template.document, origin.logicalId, valuePath);
  return { file: origin.template, region: span === null ? firstLineRegion(origin.template.content) : dataRegion(origin.template, span) };
}

/**
 * The span of the value at `path`; a `keys` query reports a key with its map's path, so a string
 * reported at a map's path is the span of that key.
 */
function valueSpan(root: Value, path: string, reported: unknown): SourceSpan | null {
  let current: Value = root;
  for (;;) {
    if (current.path === path) {
      const key = current.kind === 'map' && typeof reported === 'string' ? current.keys.find((candidate) => candidate.value === reported) : undefined;
      if (key !== undefined) return key.span;
      // A literal of the rules file reports the path '' of the document root: not this value.
      return reportedAs(current, reported) ? current.span : null;
    }
    let next: Value | undefined;
    if (current.kind === 'map') {
      for (const key of current.keys) {
        const child = current.entries.get(key.value)!;
        if (path === child.path || path.startsWith(`${child.path}/`)) {
          next = child;
          break;
        }
      }
    } else if (current.kind === 'list') {
      // Keys may contain '/', so descend by path prefix rather than by splitting the path.
      next = current.items.find((child) => path === child.path || path.startsWith(`${child.path}/`));
    }
    if (next === undefined) return null;
    current = next;
  }
}

/**
 * Whether the report's JSON value can be `value` (yes when the report gives none). A scalar must be
 * equal: a function result (`join`, `substring`, …) keeps its source's path but is not written there.
 */
function reportedAs(value: Value, reported: unknown): boolean {
  if (reported === undefined) return true;
  if (reported === null) return value.kind === 'null';
  if (Array.isArray(reported)) return value.kind === 'list';
  switch (typeof reported) {
    case 'string':
    case 'boolean':
      return (value.kind === 'string' || value.kind === 'bool') && value.value === reported;
    case 'number':
      return (value.kind === 'int' || value.kind === 'float') && value.value === reported;
    default:
      return value.kind === 'map';
  }
}

function keyedChild(map: Value, key: string, ignoreCase: boolean): { key: Value; value: Value } | null {
  if (map.kind !== 'map') return null;
  const index = map.keys.findIndex((candidate) => (ignoreCase ? candidate.value.toLowerCase() === key.toLowerCase() : candidate.value === key));
  if (index === -1) return null;
  const keyValue = map.keys[index]!;
  return { key: keyValue, value: map.entries.get(keyValue.value)! };
}

function templateSpan(template: Value, logicalId: string, valuePath: string | null): SourceSpan | null {
  const resources = keyedChild(template, 'Resources', false);
  const resource = resources === null ? null : keyedChild(resources.value, logicalId, false);
  if (resource === null) return null;
  let best = resource.key.span;
  let current = keyedChild(resource.value, 'Properties', false)?.value ?? null;
  // The document's own top-level wrapper (`configuration`, `resourceProperties`, …) has no template counterpart.
  const segments = (valuePath ?? '').split('/').filter((segment) => segment !== '').slice(1);
  for (const segment of segments) {
    if (current === null) break;
    const next = current.kind === 'list' && /^\d+$/.test(segment) ? (current.items[Number(segment)] ?? null) : (keyedChild(current, segment, true)?.value ?? null);
    if (next === null) break;
    best = next.span ?? best;
    current = next;
  }
  return best;
}
