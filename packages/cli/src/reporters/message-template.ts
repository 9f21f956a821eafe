/**
 * Placeholders in `<< >>` custom messages (upstream issue #579): `{{value}}`, `{{path}}`,
 * `{{resource}}`, `{{type}}` and `{{rule}}` name the failing value, its data path, the resource's
 * logical id and type, and the rule. cfn-guard prints messages literally, so the reference-compatible
 * outputs expand them only when asked (`--expand-messages`); SARIF, guardts' own format, always does.
 *
 * Only these exact names are placeholders: anything else between braces (e.g. a CloudFormation
 * dynamic reference `{{resolve:ssm:/name}}`) stays as written, so no existing message changes.
 */
import { valueToJson, type Value } from '@guardts/evaluator';
import { findValueByPath } from '../report/locate-value.js';

export const MESSAGE_PLACEHOLDERS = ['value', 'path', 'resource', 'type', 'rule'] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

/** What a failing check is about; `null` where it is unknown (the placeholder then stays as written). */
export type MessageFacts = { readonly [name in MessagePlaceholder]: string | null };

const PLACEHOLDER = /\{\{\s*(value|path|resource|type|rule)\s*\}\}/g;

export function hasPlaceholders(message: string): boolean {
  return message.search(PLACEHOLDER) !== -1;
}

export function expandMessage(message: string, facts: MessageFacts): string {
  return message.replace(PLACEHOLDER, (written, name: MessagePlaceholder) => facts[name] ?? written);
}

/** Scalars as their text (strings unquoted), lists and maps as compact JSON. */
export function displayValue(value: Value): string {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'int':
    case 'float':
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
    default:
      return JSON.stringify(valueToJson(value));
  }
}

/** Where a derived document (e.g. a Config item built from a template resource) comes from. */
export interface ResourceOrigin {
  /** The logical id of the resource the document was built from. */
  readonly logicalId: string;
  readonly type: string | null;
}

/** A value as the structured report gives it (JSON), displayed like `displayValue`. */
function displayReported(reported: unknown): string {
  return typeof reported === 'string' ? reported : JSON.stringify(reported);
}

/**
 * The facts for a check of `rule` on the value at `valuePath` of `document`; `reported` is the
 * failing value as the report gives it, when it has one (it is the value itself even where the path
 * is not: a literal of the rules file, a function result). The resource is the key under
 * `Resources` on the path; in a Config item it is the item's `resourceName` (or `resourceId`); for
 * a document built from a template resource it is that resource.
 */
export function messageFacts(document: Value, valuePath: string | null, rule: string, origin: ResourceOrigin | null = null, reported: unknown = undefined): MessageFacts {
  const value = reported !== undefined ? displayReported(reported) : valuePath === null ? null : findValueByPath(document, valuePath);
  const resource = origin ?? templateResource(document, valuePath) ?? configItemResource(document);
  return {
    value: value === null || typeof value === 'string' ? value : displayValue(value),
    path: valuePath,
    resource: resource?.logicalId ?? null,
    type: resource?.type ?? null,
    rule,
  };
}

function entry(map: Value, key: string): Value | null {
  return map.kind === 'map' ? (map.entries.get(key) ?? null) : null;
}

function stringAt(map: Value, key: string): string | null {
  const found = entry(map, key);
  return found?.kind === 'string' ? found.value : null;
}

function templateResource(document: Value, valuePath: string | null): ResourceOrigin | null {
  const match = valuePath === null ? null : /^\/Resources\/([^/]+)/.exec(valuePath);
  if (match === null) return null;
  const resources = entry(document, 'Resources');
  const logicalId = match[1]!;
  const resource = resources === null ? null : entry(resources, logicalId);
  return { logicalId, type: resource === null ? null : stringAt(resource, 'Type') };
}

function configItemResource(document: Value): ResourceOrigin | null {
  const logicalId = stringAt(document, 'resourceName') ?? stringAt(document, 'resourceId');
  return logicalId === null ? null : { logicalId, type: stringAt(document, 'resourceType') };
}
