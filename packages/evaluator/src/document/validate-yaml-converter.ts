/**
 * Converts the first YAML document into values with the rules of cfn-guard's `validate` loader
 * (see validate-scalar-typing.ts and cfn-short-forms.ts): aliases refused, tags on mappings
 * dropped, keys required to be strings, duplicate keys merged. Iterative, so depth is only
 * bounded by the check made before composing.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { ParsedNode, Scalar } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { StringValue, Value } from '../values/value.js';
import { childPath } from '../values/value.js';
import { scalarShortForm, sequenceShortForm } from './cfn-short-forms.js';
import type { DocumentLoadError, DocumentLoadResult } from './load-result.js';
import type { SourceLocator } from './source-locator.js';
import type { OpenMap } from './value-factory.js';
import { openList, openMap, putEntry, scalarText, scalarValue } from './value-factory.js';
import type { TypedScalar } from './validate-scalar-typing.js';
import { CORE_TAG_PREFIX, typeCoreTaggedScalar, typePlainScalar } from './validate-scalar-typing.js';
import type { FirstDocument } from './yaml-first-document.js';

/** Where a converted value goes: a list slot or a map entry. */
interface Task {
  readonly node: ParsedNode | null;
  readonly path: string;
  /** Offset to locate an absent node (`key:` with nothing after it) at. */
  readonly fallbackOffset: number;
  readonly list: Value[] | null;
  readonly index: number;
  readonly map: OpenMap | null;
  readonly key: StringValue | null;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

class ConversionFailure {
  constructor(readonly error: DocumentLoadError) {}
}

export function convertForValidate(locator: SourceLocator, document: FirstDocument): DocumentLoadResult {
  const { propertyStarts } = document;
  const spanOf = (node: ParsedNode): SourceSpan => {
    const start = node.range[0];
    return locator.span(propertyStarts.get(start) ?? start, node.range[1]);
  };
  const fail = (code: DocumentLoadError['code'], offset: number, end: number, message: string): never => {
    throw new ConversionFailure({ code, message: `${locator.where(offset)}: ${message}`, span: locator.span(offset, end) });
  };
  const startOf = (node: ParsedNode): number => propertyStarts.get(node.range[0]) ?? node.range[0];

  /** The typed scalar `validate` sees, or a failure for unreadable text. */
  const typeScalar = (node: Scalar.Parsed): TypedScalar => {
    const text = scalarText(node);
    if (node.type === 'QUOTE_DOUBLE' && SURROGATE.test(text) && SURROGATE_ESCAPE.test(locator.text.slice(node.range[0], node.range[1]))) {
      fail('syntax', node.range[0], node.range[1], 'not well-formed YAML/JSON: a \\u escape denotes a UTF-16 surrogate, which YAML does not allow');
    }
    const tag = node.tag;
    if (tag !== undefined) {
      if (tag.startsWith(CORE_TAG_PREFIX)) return typeCoreTaggedScalar(tag, text);
      return { kind: 'string', value: text };
    }
    return node.type === 'PLAIN' ? typePlainScalar(text) : { kind: 'string', value: text };
  };

  const scalar = (node: Scalar.Parsed, path: string): Value => {
    const span = spanOf(node);
    if (node.tag !== undefined) {
      const longName = scalarShortForm(node.tag);
      if (longName !== undefined) {
        const wrapper = openMap(path, span);
        const inner = childPath(path, longName);
        putEntry(wrapper, { kind: 'string', path: inner, span, value: longName }, { kind: 'string', path: inner, span, value: scalarText(node) });
        return wrapper.value;
      }
    }
    const typed = typeScalar(node);
    if (typed.kind === 'bad-value') {
      return fail('bad-value', startOf(node), node.range[1], `the value ${JSON.stringify(typed.text)} does not match its tag ${node.tag ?? ''}`);
    }
    return scalarValue(typed, path, span);
  };

  const keyOf = (node: ParsedNode | null, mapPath: string, fallbackOffset: number): StringValue => {
    if (node === null) return { kind: 'string', path: childPath(mapPath, ''), span: locator.span(fallbackOffset, fallbackOffset), value: '' };
    if (isAlias(node)) return fail('alias', node.range[0], node.range[1], aliasMessage);
    if (isScalar(node)) {
      const typed = node.tag !== undefined && scalarShortForm(node.tag) !== undefined ? undefined : typeScalar(node);
      if (typed !== undefined && typed.kind === 'string') {
        return { kind: 'string', path: childPath(mapPath, typed.value), span: spanOf(node), value: typed.value };
      }
    }
    return fail('non-string-key', startOf(node), node.range[1], 'non string type detected for key in a map; cfn-guard only supports keys that are string types (quote the key)');
  };

  const root: Value[] = [];
  const tasks: Task[] = [{ node: document.contents, path: '', fallbackOffset: 0, list: root, index: 0, map: null, key: null }];
  try {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      const { node, path } = task;
      let value: Value;
      if (node === null) {
        // An absent node is libyaml's empty plain scalar: the string "".
        value = { kind: 'string', path, span: locator.span(task.fallbackOffset, task.fallbackOffset), value: '' };
      } else if (isScalar(node)) {
        value = scalar(node, path);
      } else if (isMap(node)) {
        const map = openMap(path, spanOf(node));
        const keys: StringValue[] = [];
        const keyEnds: number[] = [];
        for (const pair of node.items) {
          const keyNode = pair.key as ParsedNode | null;
          const keyEnd = keyNode === null ? node.range[0] : keyNode.range[1];
          const key = keyOf(keyNode, path, keyEnd);
          // Reserve the key's first position now; the value lands in it when converted.
          putEntry(map, key, key);
          keys.push(key);
          keyEnds.push(keyEnd);
        }
        // Every value is converted (its errors count), but only the last of a repeated key is kept.
        let lastIndex: Map<string, number> | undefined;
        if (map.keys.length !== keys.length) {
          lastIndex = new Map();
          keys.forEach((key, i) => lastIndex!.set(key.value, i));
        }
        // Pushed last to first so the stack converts them in document order: the first error in the
        // file is the one reported (an alias bomb is refused at its first alias, not its last).
        for (let i = node.items.length - 1; i >= 0; i--) {
          const key = keys[i]!;
          const target = lastIndex === undefined || lastIndex.get(key.value) === i ? map : null;
          tasks.push({ node: node.items[i]!.value as ParsedNode | null, path: key.path, fallbackOffset: keyEnds[i]! + 1, list: null, index: 0, map: target, key });
        }
        value = map.value;
      } else if (isSeq(node)) {
        const span = spanOf(node);
        const longName = node.tag === undefined ? undefined : sequenceShortForm(node.tag);
        const listPath = longName === undefined ? path : childPath(path, longName);
        const list = openList(listPath, span, node.items.length);
        for (let i = node.items.length - 1; i >= 0; i--) {
          tasks.push({ node: node.items[i] as ParsedNode | null, path: childPath(listPath, i), fallbackOffset: node.range[0], list: list.items, index: i, map: null, key: null });
        }
        if (longName === undefined) value = list.value;
        else {
          const wrapper = openMap(path, span);
          putEntry(wrapper, { kind: 'string', path: listPath, span, value: longName }, list.value);
          value = wrapper.value;
        }
      } else if (isAlias(node)) {
        return fail('alias', node.range[0], node.range[1], aliasMessage);
      } else {
        return fail('syntax', 0, 0, 'unexpected YAML node');
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

const aliasMessage = 'YAML aliases are not supported (cfn-guard refuses any alias, including `<<: *anchor` merge keys); repeat the content instead';
