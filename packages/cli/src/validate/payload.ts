/** `validate --payload`: `{"rules": ["<rules text>", …], "data": ["<data text>", …]}` on stdin. */
import type { GuardEngine, Outcome } from '../engine/guard-engine.js';
import { buildDataFile, type DataFile, type RulesSource } from './data-files.js';

export interface Payload {
  readonly rules: readonly { readonly source: RulesSource; readonly text: string }[];
  readonly data: readonly DataFile[];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function readPayload(engine: GuardEngine, text: string): Outcome<Payload> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Parser Error when parsing \`${(error as Error).message}\`` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'Parser Error when parsing `invalid type: expected struct Payload`' };
  }
  const { rules, data } = parsed as { rules?: unknown; data?: unknown };
  if (!isStringList(rules)) return { ok: false, message: 'Parser Error when parsing `missing or invalid field `rules``' };
  if (!isStringList(data)) return { ok: false, message: 'Parser Error when parsing `missing or invalid field `data``' };
  const dataFiles: DataFile[] = [];
  for (const [index, content] of data.entries()) {
    const file = buildDataFile(engine, content, `DATA_STDIN[${index + 1}]`);
    if (!file.ok) return file;
    dataFiles.push(file.value);
  }
  return {
    ok: true,
    value: {
      rules: rules.map((text, index) => ({ source: { name: `RULES_STDIN[${index + 1}]`, path: null }, text })),
      data: dataFiles,
    },
  };
}
