// Loads data the way `validate` does, through the package's document loader.
import { loadDocument } from '../../src/document/load-document.js';
import type { Value } from '../../src/values/value.js';

export type LoadedDocument = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly message: string };

export async function loadForValidate(text: string, fileName: string): Promise<LoadedDocument> {
  const result = loadDocument(text, { fileName });
  return result.ok ? { ok: true, value: result.document } : { ok: false, message: result.error.message };
}
