/**
 * `loadDocument`: the data-file loader of `validate` (spec §9.2). JSON and YAML alike, as
 * cfn-guard reads both with one YAML loader; plain JSON and block-style YAML take faster routes
 * to the same values (json-fast-path.ts, yaml-fast-path.ts), which step aside for anything else.
 */
import type { DocumentLoadOptions, DocumentLoadResult } from './load-result.js';
import { DEFAULT_MAX_DOCUMENT_DEPTH, DEFAULT_MAX_DOCUMENT_SIZE } from './load-result.js';
import { loadJsonFastPath } from './json-fast-path.js';
import { loadYamlFastPath } from './yaml-fast-path.js';
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
  const fastYaml = loadYamlFastPath(locator, maxDepth);
  if (fastYaml !== undefined) return fastYaml;
  const first = readFirstYamlDocument(locator, maxDepth);
  if (!first.ok) return first;
  return convertForValidate(locator, first.document);
}
