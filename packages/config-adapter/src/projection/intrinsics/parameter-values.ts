import { readFileSync } from 'node:fs';
import { isJsonObject, type JsonValue } from '../json.js';

export type ParameterValues = Record<string, JsonValue>;

/** User parameter input, read or refused with a message the CLI prints as is. */
export type ParameterInput = { readonly ok: true; readonly values: ParameterValues } | { readonly ok: false; readonly message: string };

/** `Env=prod` pairs (the first `=` splits; values stay strings, as CloudFormation passes them). */
export function parseParameterPairs(pairs: readonly string[]): ParameterInput {
  const values: ParameterValues = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) return { ok: false, message: `parameter '${pair}' is not of the form Name=Value` };
    values[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { ok: true, values };
}

/**
 * A parameters JSON file: either `{ "Name": "Value" }` or the CloudFormation CLI's
 * `[{ "ParameterKey": "Name", "ParameterValue": "Value" }]`.
 */
export function readParameterFile(file: string, shownName = file): ParameterInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, message: `cannot read parameters file ${shownName}: ${(error as Error).message}` };
  }
  if (Array.isArray(parsed)) {
    const values: ParameterValues = {};
    for (const entry of parsed) {
      if (!isJsonObject(entry) || typeof entry['ParameterKey'] !== 'string') {
        return { ok: false, message: `parameters file ${shownName}: every entry needs a ParameterKey` };
      }
      values[entry['ParameterKey']] = entry['ParameterValue'] ?? null;
    }
    return { ok: true, values };
  }
  if (isJsonObject(parsed)) return { ok: true, values: parsed };
  return { ok: false, message: `parameters file ${shownName}: expected an object or a list of ParameterKey/ParameterValue` };
}
