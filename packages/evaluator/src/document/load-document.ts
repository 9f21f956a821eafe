/**
 * `loadDocument`: the data-file loader of `validate` (spec §9.2). JSON and YAML alike, as
 * cfn-guard reads both with one YAML loader; plain JSON takes a faster route to the same values.
 */
import type { DocumentLoadOptions, DocumentLoadResult } from './load-result.js';
import { DEFAULT_MAX_DOCUMENT_DEPTH, DEFAULT_MAX_DOCUMENT_SIZE } from './load-result.js';
import { loadJsonFastPath } from './json-fast-path.js';
import { SourceLocator } from './source-locator.js';
import { convertForValidate } from './validate-yaml-converter.js';
import { readFirstYamlDocument } from './yaml-first-document.js';
import { checkDocumentText } from './text-checks.js';

export function loadDocument(text: string, options: DocumentLoadOptions): DocumentLoadResult {
  const locator = new SourceLocator(text, options.fileName);
  const refused = checkDocumentText(locator, options.maxSize ?? DEFAULT_MAX_DOCUMENT_SIZE);
  if (refused !== undefined) return { ok: false, error: refused };
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DOCUMENT_DEPTH;
  const fast = loadJsonFastPath(locator, maxDepth);
  if (fast !== undefined) return fast;
  const first = readFirstYamlDocument(locator, maxDepth);
  if (!first.ok) return first;
  return convertForValidate(locator, first.document);
}
