/**
 * Reads a CloudFormation template (YAML or JSON, short-form tags in their long form, by the
 * package's template reader) and lists its resources.
 */
import { readFileSync } from 'node:fs';
import { parseTemplateText } from '../documents/cloudformation-yaml.js';

export interface TemplateResource {
  readonly logicalId: string;
  readonly resourceType: string;
  readonly properties: Record<string, unknown>;
}

export interface Template {
  readonly body: Record<string, unknown>;
  readonly resources: readonly TemplateResource[];
}

export type TemplateOutcome = { readonly ok: true; readonly template: Template } | { readonly ok: false; readonly error: string };

export function parseTemplate(text: string, name: string): TemplateOutcome {
  const parsed = parseTemplateText(text, name);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  const body: unknown = parsed.template;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: `${name}: a template is a mapping` };
  const record = body as Record<string, unknown>;
  const resources = record.Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) return { ok: false, error: `${name}: the template has no Resources mapping` };
  const list: TemplateResource[] = [];
  for (const [logicalId, resource] of Object.entries(resources as Record<string, unknown>)) {
    const entry = (resource ?? {}) as { Type?: unknown; Properties?: unknown };
    if (typeof entry.Type !== 'string') return { ok: false, error: `${name}: resource ${logicalId} has no Type` };
    const properties = entry.Properties !== null && typeof entry.Properties === 'object' && !Array.isArray(entry.Properties) ? (entry.Properties as Record<string, unknown>) : {};
    list.push({ logicalId, resourceType: entry.Type, properties });
  }
  return { ok: true, template: { body: record, resources: list } };
}

export function readTemplate(path: string): TemplateOutcome {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, error: `${path}: cannot read the template: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return parseTemplate(text, path);
}
