// The differential check of the YAML fast path: on a text, it either steps aside or gives exactly
// what the slow path (the `yaml` package, then the validate converter) gives: every value, kind,
// path, key order and span offset.
import type { Value } from '../../src/index.js';
import { DEFAULT_MAX_DOCUMENT_DEPTH } from '../../src/document/load-result.js';
import { SourceLocator } from '../../src/document/source-locator.js';
import { convertForValidate } from '../../src/document/validate-yaml-converter.js';
import { loadYamlFastPath } from '../../src/document/yaml-fast-path.js';
import { readFirstYamlDocument } from '../../src/document/yaml-first-document.js';

/** A value as plain data, spans as offsets, so that two trees compare with `toEqual` or JSON. */
export function plainTree(value: Value): unknown {
  const span = value.span === null ? null : [value.span.start.offset, value.span.end.offset];
  switch (value.kind) {
    case 'list':
      return { kind: 'list', path: value.path, span, items: value.items.map(plainTree) };
    case 'map':
      return {
        kind: 'map',
        path: value.path,
        span,
        entries: value.keys.map((key) => ({ key: { value: key.value, path: key.path, span: key.span === null ? null : [key.span.start.offset, key.span.end.offset] }, value: plainTree(value.entries.get(key.value)!) })),
      };
    case 'float':
      return { kind: 'float', path: value.path, span, value: Object.is(value.value, -0) ? '-0' : Number.isNaN(value.value) ? 'NaN' : value.value };
    default:
      return { kind: value.kind, path: value.path, span, value: 'value' in value ? value.value : null };
  }
}

export type FastPathOutcome =
  | { readonly taken: false }
  | { readonly taken: true; readonly same: true }
  | { readonly taken: true; readonly same: false; readonly fast: string; readonly slow: string };

/** Runs both paths on `text`; `same: false` is a fast-path bug. */
export function compareFastPath(text: string): FastPathOutcome {
  const fast = loadYamlFastPath(new SourceLocator(text, 'f.yaml'), DEFAULT_MAX_DOCUMENT_DEPTH);
  if (fast === undefined) return { taken: false };
  const locator = new SourceLocator(text, 'f.yaml');
  const first = readFirstYamlDocument(locator, DEFAULT_MAX_DOCUMENT_DEPTH);
  const slow = first.ok ? convertForValidate(locator, first.document) : first;
  const fastText = fast.ok ? JSON.stringify(plainTree(fast.document)) : `error ${fast.error.message}`;
  const slowText = slow.ok ? JSON.stringify(plainTree(slow.document)) : `error ${slow.error.message}`;
  return fastText === slowText ? { taken: true, same: true } : { taken: true, same: false, fast: fastText, slow: slowText };
}

/** The first place two JSON texts differ, with some context, for readable failures. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  fast …${a.slice(Math.max(0, i - 200), i + 120)}\n  slow …${b.slice(Math.max(0, i - 200), i + 120)}`;
}
