/**
 * Resolves what can be known offline: `Ref` to parameters and pseudo parameters, `Fn::Sub`,
 * `Fn::If` on decidable conditions, and the pure functions over them (`Fn::Join`, `Fn::Select`,
 * `Fn::Split`, `Fn::FindInMap`, `Fn::Base64`). Everything else (attributes and physical ids of
 * resources, imports, AZ lists) stays as written and is reported, because no deployed stack exists.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { PSEUDO_PARAMETERS, type TemplateContext } from './template-context.js';

/** An intrinsic left in the document; `path` is relative to the resolved root (`/TracingConfig/Mode`). */
export interface UnresolvedValue {
  readonly path: string;
  readonly expression: JsonValue;
  readonly reason: string;
}

export interface Resolution {
  /** `undefined` when the whole root resolved to `AWS::NoValue`. */
  readonly value: JsonValue | undefined;
  readonly unresolved: readonly UnresolvedValue[];
}

type Outcome =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'no-value' }
  | { readonly kind: 'unresolved'; readonly reason: string };

const FIXED_PSEUDO: Readonly<Record<string, JsonValue>> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

export function resolveIntrinsics(root: JsonValue, context: TemplateContext): Resolution {
  const resolver = new IntrinsicResolver(context);
  const unresolved: UnresolvedValue[] = [];
  const value = resolver.resolveData(root, '', unresolved);
  return { value, unresolved };
}

/** `{ "Ref": … }` or `{ "Fn::…": … }`: a single key naming a function. */
export function intrinsicName(value: JsonValue): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') || key === 'Condition' ? key : undefined;
}

class IntrinsicResolver {
  private readonly conditionCache = new Map<string, boolean | undefined>();
  private readonly conditionsInProgress = new Set<string>();

  constructor(private readonly context: TemplateContext) {}

  /** Resolves data: containers keep unresolved children as written and record them. */
  resolveData(node: JsonValue, path: string, unresolved: UnresolvedValue[]): JsonValue | undefined {
    if (intrinsicName(node) !== undefined && intrinsicName(node) !== 'Condition') {
      const outcome = this.evaluate(node);
      if (outcome.kind === 'value') return outcome.value;
      if (outcome.kind === 'no-value') return undefined;
      unresolved.push({ path, expression: node, reason: outcome.reason });
      return node;
    }
    if (Array.isArray(node)) {
      const items: JsonValue[] = [];
      node.forEach((item, index) => {
        const resolved = this.resolveData(item, `${path}/${index}`, unresolved);
        if (resolved !== undefined) items.push(resolved);
      });
      return items;
    }
    if (isJsonObject(node)) {
      const result: JsonObject = {};
      for (const [key, child] of Object.entries(node)) {
        const resolved = this.resolveData(child, `${path}/${key}`, unresolved);
        if (resolved !== undefined) result[key] = resolved;
      }
      return result;
    }
    return node;
  }

  /** Evaluates any node to a fully known value, or says why it cannot. */
  private evaluate(node: JsonValue): Outcome {
    const name = intrinsicName(node);
    if (name === undefined) {
      if (Array.isArray(node)) {
        const items: JsonValue[] = [];
        for (const item of node) {
          const outcome = this.evaluate(item);
          if (outcome.kind === 'unresolved') return outcome;
          if (outcome.kind === 'value') items.push(outcome.value);
        }
        return value(items);
      }
      if (isJsonObject(node)) {
        const result: JsonObject = {};
        for (const [key, child] of Object.entries(node)) {
          const outcome = this.evaluate(child);
          if (outcome.kind === 'unresolved') return outcome;
          if (outcome.kind === 'value') result[key] = outcome.value;
        }
        return value(result);
      }
      return value(node);
    }
    const argument = (node as JsonObject)[name]!;
    switch (name) {
      case 'Ref':
        return this.ref(argument);
      case 'Fn::Sub':
        return this.sub(argument);
      case 'Fn::If':
        return this.fnIf(argument);
      case 'Fn::Join':
        return this.join(argument);
      case 'Fn::Select':
        return this.select(argument);
      case 'Fn::Split':
        return this.split(argument);
      case 'Fn::FindInMap':
        return this.findInMap(argument);
      case 'Fn::Base64': {
        const text = this.evaluate(argument);
        if (text.kind !== 'value') return text.kind === 'unresolved' ? text : unresolved('Fn::Base64 of no value');
        return typeof text.value === 'string' ? value(Buffer.from(text.value, 'utf8').toString('base64')) : unresolved('Fn::Base64 needs a string');
      }
      case 'Fn::GetAtt':
        return unresolved(`Fn::GetAtt ${describe(argument)} is known only after deployment`);
      case 'Fn::ImportValue':
        return unresolved('Fn::ImportValue reads another stack');
      case 'Fn::GetAZs':
        return unresolved('Fn::GetAZs depends on the account');
      default:
        return unresolved(`${name} is not resolved offline`);
    }
  }

  private ref(argument: JsonValue): Outcome {
    if (typeof argument !== 'string') return unresolved('Ref needs a name');
    if (argument === 'AWS::NoValue') return { kind: 'no-value' };
    const given = this.context.parameterValues[argument];
    if ((PSEUDO_PARAMETERS as readonly string[]).includes(argument)) {
      if (given !== undefined) return value(given);
      const fixed = FIXED_PSEUDO[argument];
      return fixed !== undefined ? value(fixed) : unresolved(`${argument} is not given (pass it as a parameter)`);
    }
    const definition = this.context.parameterDefinitions[argument];
    if (definition !== undefined) {
      const raw = given ?? definition.Default;
      if (raw === undefined) return unresolved(`parameter ${argument} has no value and no Default`);
      return value(typedParameter(raw, definition.Type));
    }
    if (given !== undefined) return value(given);
    if (this.context.resourceIds.has(argument)) return unresolved(`Ref ${argument}: the physical id exists only after deployment`);
    return unresolved(`Ref ${argument}: no such parameter or resource`);
  }

  private sub(argument: JsonValue): Outcome {
    let template: JsonValue = argument;
    const variables: Record<string, JsonValue> = {};
    if (Array.isArray(argument)) {
      template = argument[0] ?? null;
      const bindings = argument[1];
      if (isJsonObject(bindings)) {
        for (const [key, expression] of Object.entries(bindings)) {
          const outcome = this.evaluate(expression);
          if (outcome.kind === 'unresolved') return outcome;
          if (outcome.kind === 'value') variables[key] = outcome.value;
        }
      }
    }
    if (typeof template !== 'string') return unresolved('Fn::Sub needs a string');
    let failure: string | undefined;
    const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      const bound = variables[name];
      if (bound !== undefined) return scalarText(bound) ?? ((failure ??= `\${${name}} is not a scalar`), whole);
      const outcome = name.includes('.') ? unresolved(`\${${name}} is a resource attribute`) : this.ref(name);
      if (outcome.kind === 'value') {
        const scalar = scalarText(outcome.value);
        if (scalar !== undefined) return scalar;
        failure ??= `\${${name}} is a list`;
        return whole;
      }
      failure ??= outcome.kind === 'unresolved' ? outcome.reason : `\${${name}} has no value`;
      return whole;
    });
    return failure === undefined ? value(text) : unresolved(failure);
  }

  private fnIf(argument: JsonValue): Outcome {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
      return unresolved('Fn::If needs [condition, then, else]');
    }
    const decided = this.condition(argument[0]);
    if (decided === undefined) return unresolved(`condition ${argument[0]} cannot be decided offline`);
    return this.evaluate(decided ? argument[1]! : argument[2]!);
  }

  /** A named condition's truth, or `undefined` when it depends on something unknown. */
  condition(name: string): boolean | undefined {
    if (this.conditionCache.has(name)) return this.conditionCache.get(name);
    const definition = this.context.conditions[name];
    if (definition === undefined || this.conditionsInProgress.has(name)) return undefined;
    this.conditionsInProgress.add(name);
    const result = this.conditionExpression(definition);
    this.conditionsInProgress.delete(name);
    this.conditionCache.set(name, result);
    return result;
  }

  private conditionExpression(node: JsonValue): boolean | undefined {
    const name = intrinsicName(node);
    if (name === undefined) return typeof node === 'boolean' ? node : node === 'true' ? true : node === 'false' ? false : undefined;
    const argument = (node as JsonObject)[name]!;
    const operands = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Condition':
        return typeof argument === 'string' ? this.condition(argument) : undefined;
      case 'Fn::Equals': {
        const [left, right] = operands.map((operand) => this.evaluate(operand));
        if (left?.kind !== 'value' || right?.kind !== 'value') return undefined;
        return JSON.stringify(left.value) === JSON.stringify(right.value) || scalarText(left.value) === scalarText(right.value);
      }
      case 'Fn::Not': {
        const inner = this.conditionExpression(operands[0] ?? null);
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And': {
        const values = operands.map((operand) => this.conditionExpression(operand));
        if (values.includes(false)) return false;
        return values.includes(undefined) ? undefined : true;
      }
      case 'Fn::Or': {
        const values = operands.map((operand) => this.conditionExpression(operand));
        if (values.includes(true)) return true;
        return values.includes(undefined) ? undefined : false;
      }
      default:
        return undefined;
    }
  }

  private join(argument: JsonValue): Outcome {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') return unresolved('Fn::Join needs [delimiter, list]');
    const list = this.evaluate(argument[1]!);
    if (list.kind !== 'value') return list.kind === 'unresolved' ? list : unresolved('Fn::Join of no value');
    if (!Array.isArray(list.value)) return unresolved('Fn::Join needs a list');
    const parts = list.value.map(scalarText);
    if (parts.includes(undefined)) return unresolved('Fn::Join of a non-scalar');
    return value(parts.join(argument[0]));
  }

  private select(argument: JsonValue): Outcome {
    if (!Array.isArray(argument) || argument.length !== 2) return unresolved('Fn::Select needs [index, list]');
    const index = this.evaluate(argument[0]!);
    const list = this.evaluate(argument[1]!);
    if (index.kind === 'unresolved') return index;
    if (list.kind === 'unresolved') return list;
    if (index.kind !== 'value' || list.kind !== 'value' || !Array.isArray(list.value)) return unresolved('Fn::Select needs a list');
    const at = Number(index.value);
    const item = list.value[at];
    return item === undefined ? unresolved(`Fn::Select index ${at} is out of range`) : value(item);
  }

  private split(argument: JsonValue): Outcome {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') return unresolved('Fn::Split needs [delimiter, string]');
    const text = this.evaluate(argument[1]!);
    if (text.kind === 'unresolved') return text;
    if (text.kind !== 'value' || typeof text.value !== 'string') return unresolved('Fn::Split needs a string');
    return value(text.value.split(argument[0]));
  }

  private findInMap(argument: JsonValue): Outcome {
    if (!Array.isArray(argument) || argument.length < 3) return unresolved('Fn::FindInMap needs [map, key, key]');
    const keys: string[] = [];
    for (const part of argument.slice(0, 3)) {
      const outcome = this.evaluate(part);
      if (outcome.kind === 'unresolved') return outcome;
      const text = outcome.kind === 'value' ? scalarText(outcome.value) : undefined;
      if (text === undefined) return unresolved('Fn::FindInMap keys must be strings');
      keys.push(text);
    }
    let found: JsonValue | undefined = this.context.mappings;
    for (const key of keys) found = isJsonObject(found) ? found[key] : undefined;
    if (found !== undefined) return value(found);
    // Fn::FindInMap's DefaultValue (AWS::LanguageExtensions).
    const fallback = argument[3];
    if (isJsonObject(fallback) && 'DefaultValue' in fallback) return this.evaluate(fallback['DefaultValue']!);
    return unresolved(`Fn::FindInMap ${keys.join('/')} is not in Mappings`);
  }
}

function value(value: JsonValue): Outcome {
  return { kind: 'value', value };
}

function unresolved(reason: string): Outcome {
  return { kind: 'unresolved', reason };
}

function scalarText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Parameters arrive as strings; list types become lists, as CloudFormation hands them to resources. */
function typedParameter(raw: JsonValue, type: string | undefined): JsonValue {
  if (typeof raw !== 'string' || type === undefined) return raw;
  if (type === 'CommaDelimitedList' || type.startsWith('List<')) return raw.split(',').map((item) => item.trim());
  return raw;
}

function describe(argument: JsonValue): string {
  if (Array.isArray(argument)) return argument.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('.');
  return typeof argument === 'string' ? argument : JSON.stringify(argument);
}
