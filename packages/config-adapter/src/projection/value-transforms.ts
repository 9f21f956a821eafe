/** Reshapings Config applies to whole values rather than to names. */
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/** CloudFormation `[{Key, Value}]` (or an already keyed map) -> Config's `{ key: value }`. */
export function tagsToMap(value: JsonValue): JsonValue | undefined {
  if (isJsonObject(value)) return value;
  if (!Array.isArray(value)) return undefined;
  const tags: JsonObject = {};
  for (const tag of value) {
    if (isJsonObject(tag) && typeof tag['Key'] === 'string') tags[tag['Key']] = tag['Value'] ?? null;
  }
  return tags;
}

/** Config keeps some documents as JSON text (IAM policy documents, SQS redrive policies). */
export function jsonText(value: JsonValue): JsonValue {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Config records policy documents URL-encoded, as IAM returns them. */
export function urlEncodedJson(value: JsonValue): JsonValue {
  return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Numbers Config reports as numbers even when the template wrote strings (`"5"`). */
export function numeric(value: JsonValue): JsonValue {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

/** Booleans written as strings in templates (`"true"`). */
export function boolean(value: JsonValue): JsonValue {
  return value === 'true' ? true : value === 'false' ? false : value;
}
