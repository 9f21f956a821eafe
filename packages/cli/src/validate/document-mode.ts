/**
 * `validate --as config-item|hook|guard-hook`: evaluate each resource of each template in the shape
 * an AWS evaluation point sees it (the Config item, the hook target model, the Guard Hook input),
 * named `template.yaml#LogicalId`. Parameters for intrinsic resolution come from
 * `--parameter Name=Value` (repeatable) and `--parameters-file file.json`; with `--as guard-hook`,
 * `--guard-hook-targets RESOURCE,STACK` adds the STACK input (the whole template, named after the file).
 *
 * These flags are guardts' own, so they are taken out of argv before cfn-guard's flags are parsed.
 */
import { resolve } from 'node:path';
import {
  DOCUMENT_MODES,
  documentsForTemplate,
  jsonToValue,
  parseParameterPairs,
  readParameterFile,
  type DocumentMode,
  type JsonValue,
} from '@guardts/config-adapter';
import type { Outcome } from '../engine/guard-engine.js';
import type { CommandIo } from '../io.js';
import type { DataFile } from './data-files.js';
import type { DocumentExpander } from './run-validate.js';

export type GuardHookTarget = 'RESOURCE' | 'STACK';

export interface DocumentModeArgs {
  readonly mode: DocumentMode | null;
  /** `--guard-hook-targets RESOURCE,STACK` (default RESOURCE). */
  readonly guardHookTargets: readonly GuardHookTarget[];
  readonly parameters: Readonly<Record<string, JsonValue>>;
  /** argv without the flags handled here. */
  readonly rest: readonly string[];
}

export type DocumentModeParse = { readonly ok: true; readonly value: DocumentModeArgs } | { readonly ok: false; readonly message: string };

const OWN_FLAGS = ['--as', '--parameter', '--parameters-file', '--guard-hook-targets'];

/** Takes guardts' own flags (also in `--flag=value` form) out of argv. */
export function takeDocumentModeArgs(argv: readonly string[], cwd: string): DocumentModeParse {
  let mode: DocumentMode | null = null;
  const pairs: string[] = [];
  const files: string[] = [];
  const rest: string[] = [];
  let guardHookTargets: GuardHookTarget[] = ['RESOURCE'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!OWN_FLAGS.includes(flag!)) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, message: `error: a value is required for '${flag}' but none was supplied` };
    if (flag === '--as') {
      if (!(DOCUMENT_MODES as readonly string[]).includes(value)) {
        return { ok: false, message: `error: invalid value '${value}' for '--as <MODE>'\n  [possible values: ${DOCUMENT_MODES.join(', ')}]` };
      }
      mode = value as DocumentMode;
    } else if (flag === '--guard-hook-targets') {
      const targets = value.split(',');
      if (targets.length === 0 || targets.some((target) => target !== 'RESOURCE' && target !== 'STACK')) {
        return { ok: false, message: `error: invalid value '${value}' for '--guard-hook-targets <TARGETS>'\n  [possible values: RESOURCE, STACK, comma separated]` };
      }
      guardHookTargets = targets as GuardHookTarget[];
    } else if (flag === '--parameter') {
      pairs.push(value);
    } else {
      files.push(value);
    }
  }
  const parameters: Record<string, JsonValue> = {};
  for (const file of files) {
    const read = readParameterFile(resolve(cwd, file), file);
    if (!read.ok) return { ok: false, message: `error: ${read.message}` };
    Object.assign(parameters, read.values);
  }
  const given = parseParameterPairs(pairs);
  if (!given.ok) return { ok: false, message: `error: ${given.message}` };
  Object.assign(parameters, given.values);
  if (mode === null && (pairs.length > 0 || files.length > 0)) {
    return { ok: false, message: "error: '--parameter' and '--parameters-file' need '--as <MODE>'" };
  }
  if (mode !== 'guard-hook' && argv.some((arg) => arg === '--guard-hook-targets' || arg.startsWith('--guard-hook-targets='))) {
    return { ok: false, message: "error: '--guard-hook-targets' needs '--as guard-hook'" };
  }
  return { ok: true, value: { mode, guardHookTargets, parameters, rest } };
}

/**
 * The expander run-validate applies to every data file. Unresolved intrinsics are noted on stderr
 * (stdout stays the report), since a verdict over such a document depends on deployment-time values.
 */
export function documentExpander(
  mode: DocumentMode,
  parameters: Readonly<Record<string, JsonValue>>,
  io: CommandIo,
  guardHookTargets: readonly GuardHookTarget[] = ['RESOURCE'],
): DocumentExpander {
  return (file: DataFile): Outcome<readonly DataFile[]> => {
    const result = documentsForTemplate(file.document, file.name, mode, { parameters, guardHookTargets });
    if (!result.ok) return result;
    return {
      ok: true,
      value: result.documents.map((document) => {
        if (document.unresolved.length > 0) {
          const paths = document.unresolved.map((u) => `${u.path} (${u.reason})`).join('; ');
          io.stderr.write(`note: ${document.name}: unresolved until deployment: ${paths}\n`);
        }
        const built = { name: document.name, content: JSON.stringify(document.document, null, 2), document: jsonToValue(document.document) };
        return document.logicalId === null ? built : { ...built, origin: { template: file, logicalId: document.logicalId, type: document.resourceType } };
      }),
    };
  };
}
