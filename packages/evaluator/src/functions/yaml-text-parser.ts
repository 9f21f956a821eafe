/**
 * `json_parse` reads its text with serde_yaml (not with the libyaml loader of `validate`), which is
 * what `cfn-guard test` uses for its spec files: so it reuses that loader (src/document) and only
 * re-roots the result under the path of the string it came from.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import { loadTestSpecDocument } from '../document/load-test-spec-document.js';
import type { StringValue, Value } from '../values/value.js';

export type YamlTextParseResult = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly message: string };

/** Parses `text` into a value rooted at `path`; every value produced carries `span`. */
export type YamlTextParser = (text: string, path: string, span: SourceSpan | null) => YamlTextParseResult;

/** A copy of `value` whose paths start with `root` and whose spans are all `span`. */
function reroot(value: Value, root: string, span: SourceSpan | null): Value {
  const path = root + value.path;
  switch (value.kind) {
    case 'list':
      return { ...value, path, span, items: value.items.map((item) => reroot(item, root, span)) };
    case 'map': {
      const keys: StringValue[] = value.keys.map((key) => ({ ...key, path: root + key.path, span }));
      const entries = new Map<string, Value>();
      for (const [key, item] of value.entries) entries.set(key, reroot(item, root, span));
      return { ...value, path, span, keys, entries };
    }
    default:
      return { ...value, path, span };
  }
}

export const parseYamlText: YamlTextParser = (text, path, span) => {
  // serde_yaml refuses an empty stream, which the loader reads as null.
  if (text.trim() === '') return { ok: false, message: 'EOF while parsing a value' };
  const loaded = loadTestSpecDocument(text, { fileName: 'json_parse' });
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  return { ok: true, value: reroot(loaded.document, path, span) };
};
