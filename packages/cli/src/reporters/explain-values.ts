/**
 * How `--explain` shows values, places and operators: short previews (a long string, list or map
 * is cut, so one line stays one line), `file:line:column` positions, and operators as they are
 * written in Guard rules (`==`, `not exists`) rather than cfn-guard's report words.
 */
import type { Comparison, Value } from '@guardts/evaluator';
import { printComparator, type SourceSpan } from '@guardts/guard-parser';
import { isAbsolute, relative } from 'node:path';
import { canonicalPath } from '../files/canonical-path.js';

export const PREVIEW_LENGTH = 60;

/** A one-line preview of a value, at most about `max` characters. */
export function previewValue(value: Value, max = PREVIEW_LENGTH): string {
  return truncate(previewText(value, max), max);
}

function previewText(value: Value, max: number): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(truncate(value.value, max));
    case 'int':
    case 'float':
    case 'bool':
      return String(value.value);
    case 'char':
      return `'${value.value}'`;
    case 'regex':
      return `/${value.pattern}/`;
    case 'range':
      return `r${value.lowerInclusive ? '[' : '('}${value.lower},${value.upper}${value.upperInclusive ? ']' : ')'}`;
    case 'list': {
      const items: string[] = [];
      let length = 2;
      for (const item of value.items) {
        if (length > max) break;
        const text = previewText(item, max);
        items.push(text);
        length += text.length + 2;
      }
      const more = value.items.length - items.length;
      return `[${items.join(', ')}${more > 0 ? `, … ${more} more` : ''}]`;
    }
    case 'map': {
      const keys = value.keys.map((key) => key.value);
      if (keys.length === 0) return '{}';
      return `{ ${keys.join(', ')} }`;
    }
  }
}

export function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** `file:line:column` (1-based); the file relative to `cwd` when it is below it. */
export function spanLocation(span: SourceSpan | null, cwd: string | null = null): string | null {
  if (span === null) return null;
  return `${relativeToCwd(span.file, cwd)}:${span.start.line}:${span.start.column}`;
}

// Data files are named by their canonical path, rules files as given: either may be below the
// working directory as given or below its canonical form.
function relativeToCwd(file: string, cwd: string | null): string {
  if (cwd === null || !isAbsolute(file)) return file;
  for (const base of [cwd, canonicalPath(cwd)]) {
    const below = relative(base, file);
    if (!below.startsWith('..') && !isAbsolute(below)) return below;
  }
  return file;
}

/** The path cfn-guard gives a value; the document root is `/`. */
export function displayPath(value: Value): string {
  return value.path === '' ? '/' : value.path;
}

/** The source text of a span without its comments, on one line and cut to `max` characters; null without the text. */
export function sourceText(text: string | null, span: SourceSpan | null, max = 100): string | null {
  if (text === null || span === null) return null;
  const slice = withoutComments(text.slice(span.start.offset, span.end.offset)).trim();
  return slice === '' ? null : truncate(slice, max);
}

/** Drops `# …` to the end of each line, outside quoted strings and regex literals. */
function withoutComments(source: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote !== null) {
      if (c === '\\') {
        out += c + (source[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '/') {
      quote = c;
    } else if (c === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** `==`, `!=`, `in`, `not exists`, `is_string`, … as a rule would write the comparison. */
export function operatorSymbol([operator, negated]: Comparison): string {
  return printComparator({ operator, negated });
}
