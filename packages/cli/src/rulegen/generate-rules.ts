/**
 * Rules from a CloudFormation template, as `cfn-guard rulegen` writes them: per resource type, a
 * `let <type>_resources = Resources.*[ Type == '<type>' ]` and a rule guarded by
 * `when %<type>_resources !empty` with one clause per top-level property: `== value` when every
 * resource of the type has the same value, `IN [values]` otherwise. Strings are trimmed and lose
 * their line breaks, other values are compact JSON, as the reference does. Values are read with
 * `validate`'s loader, so a clause states what `validate` will compare: an empty YAML value is
 * `""` there (the reference's rulegen writes `null`, which its own `validate` then FAILs).
 *
 * Where cfn-guard 3.1.1 is broken, this does the right thing (docs/divergences.md): the order is
 * the template's (the reference's hash-map order changes from run to run); property names that
 * need quotes are quoted and strings holding quotes are escaped (the reference then writes a file
 * that does not parse, so it prints nothing); a value no Guard literal can express becomes a
 * comment instead of a clause; a resource whose `Type` is not a string is an error (a panic in
 * the reference).
 */
import type { MapValue, Value } from '@guardts/evaluator';
import { jsonLiteral, propertyPathSegment, quoteGuardString, typeRuleName } from './guard-text.js';

export type RulegenResult = { readonly ok: true; readonly text: string; readonly omissions: readonly string[] } | { readonly ok: false; readonly message: string };

interface PropertyValues {
  readonly segment: string | null;
  /** Rendered values in first-seen order; null marks a value that cannot be written. */
  readonly values: (string | null)[];
}

export function generateRules(template: Value): RulegenResult {
  const resources = template.kind === 'map' ? template.entries.get('Resources') : undefined;
  if (resources === undefined) return { ok: false, message: 'Template lacks a Resources section' };
  if (resources.kind !== 'map') return { ok: false, message: `Template Resources section has an invalid structure: it is ${describe(resources)}, not a map of resources` };

  const byType = new Map<string, Map<string, PropertyValues>>();
  for (const logicalId of resources.keys) {
    const resource = resources.entries.get(logicalId.value);
    const properties = resource?.kind === 'map' ? resource.entries.get('Properties') : undefined;
    if (resource?.kind !== 'map' || properties?.kind !== 'map' || properties.keys.length === 0) continue;
    const type = resource.entries.get('Type');
    if (type?.kind !== 'string') return { ok: false, message: `resource ${logicalId.value} has properties but its Type is ${type === undefined ? 'missing' : describe(type)}, not a resource type name` };
    collectProperties(byType, type.value, properties);
  }

  const omissions: string[] = [];
  const blocks = [...byType].map(([type, properties]) => ruleFor(type, properties, omissions));
  return { ok: true, text: blocks.join(''), omissions };
}

function collectProperties(byType: Map<string, Map<string, PropertyValues>>, type: string, properties: MapValue): void {
  const forType = byType.get(type) ?? new Map<string, PropertyValues>();
  byType.set(type, forType);
  for (const key of properties.keys) {
    const value = properties.entries.get(key.value);
    if (value === undefined) continue;
    const entry = forType.get(key.value) ?? { segment: propertyPathSegment(key.value), values: [] };
    forType.set(key.value, entry);
    const rendered = topLevelLiteral(value);
    if (!entry.values.includes(rendered)) entry.values.push(rendered);
  }
}

/** A property's value: a string trimmed and without line breaks (as the reference), else JSON. */
function topLevelLiteral(value: Value): string | null {
  if (value.kind === 'string') return quoteGuardString(value.value.trim().replaceAll('\n', ''));
  return jsonLiteral(value);
}

function ruleFor(type: string, properties: Map<string, PropertyValues>, omissions: string[]): string {
  const name = typeRuleName(type);
  const variable = `${name}_resources`;
  const lines = [`let ${variable} = Resources.*[ Type == ${quoteGuardString(type, "'") ?? "''"} ]`, `rule ${name} when %${variable} !empty {`];
  for (const [property, { segment, values }] of properties) {
    const reason =
      segment === null ? 'its name is made only of digits, which Guard always reads as a list index' : values.includes(null) ? 'a value has no Guard literal (a negative float, or a string ending in a backslash)' : null;
    if (reason !== null) {
      omissions.push(`${type}.Properties.${property}: ${reason}`);
      lines.push(`  # no check generated for ${type}.Properties.${property}: ${reason}`);
      continue;
    }
    const clause = values.length > 1 ? `IN [${values.join(', ')}]` : `== ${values[0]}`;
    lines.push(`  %${variable}.Properties.${segment} ${clause}`);
  }
  lines.push('}');
  // A rule body needs a clause: a type whose every property was left out keeps only the comments.
  if (lines.every((line) => !line.startsWith('  %'))) return `${lines.filter((line) => line.startsWith('  #')).map((line) => line.trim()).join('\n')}\n`;
  return `${lines.join('\n')}\n`;
}

function describe(value: Value): string {
  return value.kind === 'list' ? 'a list' : value.kind === 'map' ? 'a map' : `a ${value.kind}`;
}
