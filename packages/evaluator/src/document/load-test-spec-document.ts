/**
 * `loadTestSpecDocument`: the loader `cfn-guard test` uses for its spec files (spec §9.5), which
 * goes through serde_yaml rather than the `validate` loader: YAML 1.2 core-schema typing (see
 * core-schema-typing.ts), aliases resolved (with a bound, so alias bombs fail cleanly), `<<` kept
 * as a literal key, duplicate keys refused, short-form tags wrapping whatever they tag, and a JSON
 * reading when the YAML reading fails only on an integer too large for serde_yaml.
 *
 * The result is the whole spec file. Because each spec's `input` is evaluated as a document of
 * its own, every value under `[i].input` has a path relative to that input (`/Resources/…`);
 * the rest of the file has paths from the file's root.
 */
import type { ParsedNode, Scalar } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { StringValue, Value } from '../values/value.js';
import { childPath } from '../values/value.js';
import { anyShortFormForTest } from './cfn-short-forms.js';
import type { CoreTypedScalar } from './core-schema-typing.js';
import { typeCorePlainScalar, typeCoreTaggedScalarForTest } from './core-schema-typing.js';
import type { DocumentLoadError, DocumentLoadOptions, DocumentLoadResult } from './load-result.js';
import { DEFAULT_MAX_DOCUMENT_SIZE } from './load-result.js';
import { SourceLocator } from './source-locator.js';
import { checkDocumentText } from './text-checks.js';
import type { OpenMap } from './value-factory.js';
import { openList, openMap, putEntry, scalarText, scalarValue } from './value-factory.js';
import { CORE_TAG_PREFIX } from './validate-scalar-typing.js';
import type { FirstDocument } from './yaml-first-document.js';
import { readFirstYamlDocument } from './yaml-first-document.js';

/** serde_yaml's recursion limit: more nested containers than this and the file is refused. */
export const TEST_SPEC_MAX_DEPTH = 128;

/** Alias expansion may produce at most this many values per value written in the file (plus a floor). */
const EXPANSION_FACTOR = 100;
const EXPANSION_FLOOR = 100_000;

interface Task {
  readonly node: ParsedNode | null;
  readonly path: string;
  /** Nesting of containers above this node, counting alias expansions. */
  readonly depth: number;
  /** Set for the items of the root list: their `input` is re-rooted. */
  readonly specItem: boolean;
  readonly list: Value[] | null;
  readonly index: number;
  readonly map: OpenMap | null;
  readonly key: StringValue | null;
}

class ConversionFailure {
  constructor(readonly error: DocumentLoadError) {}
}

type NumberMode = 'yaml' | 'json';

/** Every anchored node by alias: a YAML alias names the closest anchor before it in the document. */
function resolveAliases(root: ParsedNode | null): { targets: Map<ParsedNode, ParsedNode | undefined>; nodeCount: number } {
  const anchors = new Map<string, ParsedNode>();
  const targets = new Map<ParsedNode, ParsedNode | undefined>();
  let nodeCount = 0;
  const stack: ParsedNode[] = root === null ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodeCount++;
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      continue;
    }
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        if (pair.value !== null) stack.push(pair.value as ParsedNode);
        if (pair.key !== null) stack.push(pair.key as ParsedNode);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i] as ParsedNode | null;
        if (item !== null) stack.push(item);
      }
    }
  }
  return { targets, nodeCount };
}

function convertForTest(locator: SourceLocator, document: FirstDocument, mode: NumberMode): DocumentLoadResult {
  const { propertyStarts } = document;
  const { targets, nodeCount } = resolveAliases(document.contents);
  const budget = EXPANSION_FACTOR * nodeCount + EXPANSION_FLOOR;
  let produced = 0;

  const startOf = (node: ParsedNode): number => propertyStarts.get(node.range[0]) ?? node.range[0];
  const spanOf = (node: ParsedNode) => locator.span(startOf(node), node.range[1]);
  const fail = (code: DocumentLoadError['code'], node: ParsedNode | null, message: string): never => {
    if (node === null) throw new ConversionFailure({ code, message: `${locator.fileName}: ${message}`, span: null });
    throw new ConversionFailure({ code, message: `${locator.where(startOf(node))}: ${message}`, span: spanOf(node) });
  };

  const typeScalar = (node: Scalar.Parsed): CoreTypedScalar => {
    const text = scalarText(node);
    if (node.type !== 'PLAIN') {
      return node.tag?.startsWith(CORE_TAG_PREFIX) ? typeCoreTaggedScalarForTest(node.tag, text) : { kind: 'string', value: text };
    }
    if (node.tag?.startsWith(CORE_TAG_PREFIX) && ['str', 'int', 'float', 'bool', 'null'].includes(node.tag.slice(CORE_TAG_PREFIX.length))) {
      return typeCoreTaggedScalarForTest(node.tag, text);
    }
    return typeCorePlainScalar(text);
  };

  const scalar = (node: Scalar.Parsed, path: string): Value => {
    const typed = typeScalar(node);
    if (typed.kind === 'bad-value') return fail('bad-value', node, `the value ${JSON.stringify(typed.text)} does not match its tag ${node.tag ?? ''}`);
    if (typed.kind === 'out-of-range') {
      if (mode === 'json') return { kind: 'float', path, span: spanOf(node), value: Number(typed.text) };
      return fail('syntax', node, `the integer ${typed.text} is out of the range cfn-guard test accepts (i64 to u64)`);
    }
    return scalarValue(typed, path, spanOf(node));
  };

  /** Follows aliases to the node they name. */
  const target = (node: ParsedNode): ParsedNode => {
    let current = node;
    for (let hops = 0; isAlias(current); hops++) {
      const next = targets.get(current);
      if (next === undefined || hops > nodeCount) return fail('syntax', node, `unknown anchor ${JSON.stringify(current.source)}`);
      current = next;
    }
    return current;
  };

  const keyOf = (keyNode: ParsedNode | null, path: string): StringValue => {
    if (keyNode !== null) {
      const node = target(keyNode);
      const tagged = node.tag !== undefined && anyShortFormForTest(node.tag) !== undefined;
      if (isScalar(node) && !tagged) {
        const typed = typeScalar(node);
        // No span: serde_yaml records no positions, and a key without one keeps its entry's path
        // when a query yields it (eval/query-results.ts `keyValue`), as the reference's do in `test`.
        if (typed.kind === 'string') return { kind: 'string', path: childPath(path, typed.value), span: null, value: typed.value };
      }
    }
    return fail('non-string-key', keyNode, 'non string type detected for key in a map; cfn-guard only supports keys that are string types (quote the key)');
  };

  const root: Value[] = [];
  const tasks: Task[] = [{ node: document.contents, path: '', depth: 0, specItem: false, list: root, index: 0, map: null, key: null }];
  try {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      if (++produced > budget) return fail('alias-expansion-limit', task.node, `alias expansion produces more than ${budget} values; the file is refused (serde_yaml's repetition limit)`);
      const { path } = task;
      const written = task.node;
      let value: Value;
      if (written === null) {
        value = { kind: 'null', path, span: null };
      } else {
        const node = target(written);
        const wrapName = node.tag === undefined ? undefined : anyShortFormForTest(node.tag);
        const innerPath = wrapName === undefined ? path : childPath(path, wrapName);
        const isContainer = isMap(node) || isSeq(node);
        if (isContainer && task.depth + 1 > TEST_SPEC_MAX_DEPTH) {
          return fail('too-deep', written, `the file nests mappings and sequences more than ${TEST_SPEC_MAX_DEPTH} levels deep (serde_yaml's recursion limit)`);
        }
        let inner: Value;
        if (isScalar(node)) {
          inner = scalar(node, innerPath);
        } else if (isMap(node)) {
          const map = openMap(innerPath, spanOf(written));
          const seen = new Set<string>();
          const pending: Task[] = [];
          for (const pair of node.items) {
            const key = keyOf(pair.key as ParsedNode | null, innerPath);
            if (seen.has(key.value)) return fail('duplicate-key', pair.key as ParsedNode, `duplicate entry with key ${JSON.stringify(key.value)}`);
            seen.add(key.value);
            putEntry(map, key, key);
            const rerooted = task.specItem && key.value === 'input';
            pending.push({
              node: pair.value as ParsedNode | null,
              path: rerooted ? '' : key.path,
              depth: task.depth + 1,
              specItem: false,
              list: null,
              index: 0,
              map,
              key,
            });
          }
          for (let i = pending.length - 1; i >= 0; i--) tasks.push(pending[i]!);
          inner = map.value;
        } else if (isSeq(node)) {
          const list = openList(innerPath, spanOf(written), node.items.length);
          const isSpecList = task.depth === 0 && wrapName === undefined;
          for (let i = node.items.length - 1; i >= 0; i--) {
            tasks.push({ node: node.items[i] as ParsedNode | null, path: childPath(innerPath, i), depth: task.depth + 1, specItem: isSpecList, list: list.items, index: i, map: null, key: null });
          }
          inner = list.value;
        } else {
          return fail('syntax', written, 'unexpected YAML node');
        }
        if (wrapName === undefined) value = inner;
        else {
          const wrapper = openMap(path, spanOf(written));
          putEntry(wrapper, { kind: 'string', path: innerPath, span: spanOf(written), value: wrapName }, inner);
          value = wrapper.value;
        }
      }
      if (task.list !== null) task.list[task.index] = value;
      else if (task.map !== null) task.map.entries.set(task.key!.value, value);
    }
  } catch (caught) {
    if (caught instanceof ConversionFailure) return { ok: false, error: caught.error };
    throw caught;
  }
  return { ok: true, document: root[0]! };
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function loadTestSpecDocument(text: string, options: DocumentLoadOptions): DocumentLoadResult {
  const locator = new SourceLocator(text, options.fileName);
  const refused = checkDocumentText(locator, options.maxSize ?? DEFAULT_MAX_DOCUMENT_SIZE);
  if (refused !== undefined) return { ok: false, error: refused };
  const first = readFirstYamlDocument(locator, Math.min(options.maxDepth ?? TEST_SPEC_MAX_DEPTH, TEST_SPEC_MAX_DEPTH));
  if (!first.ok) return first;
  if (first.document.hasMoreDocuments) {
    return { ok: false, error: { code: 'syntax', message: `${locator.fileName}: a test file holds one YAML document; this one holds more (serde_yaml refuses them)`, span: null } };
  }
  const result = convertForTest(locator, first.document, 'yaml');
  // serde_yaml refuses integers beyond u64; cfn-guard then reads the file as JSON, where they are floats.
  if (!result.ok && result.error.message.includes('out of the range') && isJsonText(text)) return convertForTest(locator, first.document, 'json');
  return result;
}
