/**
 * Replaces intrinsic functions in a resource's properties with values Config can take: parameter
 * defaults, pseudo parameters, and plausible placeholders for what only exists once deployed
 * (ARNs, physical ids). Config validates the properties against the type's schema and sees
 * resolved values in a real hook, so sending `{"Fn::GetAtt": …}` would test something else.
 * Every substitution is reported, so the reader knows which values were invented.
 */
import type { Template } from './read-template.js';

export const PLACEHOLDER_ACCOUNT = '123456789012';

export interface Substitution {
  readonly path: string;
  readonly intrinsic: string;
  readonly value: unknown;
}

export interface SubstitutionContext {
  readonly template: Template;
  readonly region: string;
  readonly stackName: string;
}

const REMOVE = Symbol('AWS::NoValue');

export function substituteIntrinsics(properties: unknown, context: SubstitutionContext): { value: unknown; substitutions: Substitution[] } {
  const substitutions: Substitution[] = [];
  const value = walk(properties, '', context, substitutions, 0);
  return { value: value === REMOVE ? {} : value, substitutions };
}

function walk(value: unknown, path: string, context: SubstitutionContext, out: Substitution[], depth: number): unknown {
  if (depth > 64) return value;
  if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}/${i}`, context, out, depth + 1)).filter((item) => item !== REMOVE);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && (entries[0]![0] === 'Ref' || entries[0]![0].startsWith('Fn::'))) {
    const [name, argument] = entries[0]!;
    const resolved = resolveIntrinsic(name, walkArguments(name, argument, path, context, depth), context);
    out.push({ path: path || '/', intrinsic: name, value: resolved === REMOVE ? '(removed: AWS::NoValue)' : resolved });
    return resolved;
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const resolved = walk(item, `${path}/${key}`, context, out, depth + 1);
    if (resolved !== REMOVE) result[key] = resolved;
  }
  return result;
}

/** Arguments are resolved first (inner functions, reported through the outer one), except the raw string of Fn::Sub. */
function walkArguments(name: string, argument: unknown, path: string, context: SubstitutionContext, depth: number): unknown {
  return name === 'Fn::Sub' && typeof argument === 'string' ? argument : walk(argument, path, context, [], depth + 1);
}

function resolveIntrinsic(name: string, argument: unknown, context: SubstitutionContext): unknown {
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? resolveRef(argument, context) : placeholder('Ref');
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : typeof argument === 'string' ? argument.split(/\.(.*)/s, 2) : [];
      return typeof logicalId === 'string' && typeof attribute === 'string' ? resolveGetAtt(logicalId, attribute, context) : placeholder('GetAtt');
    }
    case 'Fn::Sub': {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      if (typeof text !== 'string') return placeholder('Sub');
      return text.replace(/\$\{([^}!][^}]*)\}/g, (_match, expression: string) => {
        const own = (variables as Record<string, unknown> | undefined)?.[expression];
        if (own !== undefined) return String(own);
        const dot = expression.indexOf('.');
        const resolved = dot > 0 ? resolveGetAtt(expression.slice(0, dot), expression.slice(dot + 1), context) : resolveRef(expression, context);
        return typeof resolved === 'string' || typeof resolved === 'number' ? String(resolved) : expression;
      });
    }
    case 'Fn::Join': {
      const [delimiter, items] = Array.isArray(argument) ? argument : [];
      return typeof delimiter === 'string' && Array.isArray(items) ? items.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(delimiter) : placeholder('Join');
    }
    case 'Fn::Select': {
      const [index, items] = Array.isArray(argument) ? argument : [];
      return Array.isArray(items) && items[Number(index)] !== undefined ? items[Number(index)] : placeholder('Select');
    }
    case 'Fn::Split': {
      const [delimiter, text] = Array.isArray(argument) ? argument : [];
      return typeof delimiter === 'string' && typeof text === 'string' ? text.split(delimiter) : [placeholder('Split')];
    }
    case 'Fn::If': {
      // Conditions are not evaluated: the "true" branch stands for the resource as written first.
      const [, whenTrue] = Array.isArray(argument) ? argument : [];
      return whenTrue === undefined ? placeholder('If') : whenTrue;
    }
    case 'Fn::FindInMap': {
      const [map, first, second] = Array.isArray(argument) ? argument : [];
      const mappings = context.template.body.Mappings as Record<string, Record<string, Record<string, unknown>>> | undefined;
      const found = typeof map === 'string' && typeof first === 'string' && typeof second === 'string' ? mappings?.[map]?.[first]?.[second] : undefined;
      return found ?? placeholder('FindInMap');
    }
    case 'Fn::GetAZs':
      return [`${context.region}a`, `${context.region}b`, `${context.region}c`];
    case 'Fn::Base64':
      return typeof argument === 'string' ? Buffer.from(argument).toString('base64') : placeholder('Base64');
    case 'Fn::ToJsonString':
      return JSON.stringify(argument);
    case 'Fn::ImportValue':
      return `imported-${typeof argument === 'string' ? argument : 'value'}`;
    default:
      return placeholder(name.replace(/^Fn::/, ''));
  }
}

function resolveRef(name: string, context: SubstitutionContext): unknown {
  switch (name) {
    case 'AWS::Region':
      return context.region;
    case 'AWS::AccountId':
      return PLACEHOLDER_ACCOUNT;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return context.stackName;
    case 'AWS::StackId':
      return `arn:aws:cloudformation:${context.region}:${PLACEHOLDER_ACCOUNT}:stack/${context.stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NoValue':
      return REMOVE;
    case 'AWS::NotificationARNs':
      return [];
  }
  const parameter = (context.template.body.Parameters as Record<string, { Default?: unknown; Type?: unknown }> | undefined)?.[name];
  if (parameter !== undefined) {
    if (parameter.Default !== undefined) return parameter.Default;
    return typeof parameter.Type === 'string' && parameter.Type.startsWith('List<') ? [] : `placeholder-${name}`;
  }
  // A resource's Ref is its physical id, which is named after it here.
  return name.toLowerCase();
}

function resolveGetAtt(logicalId: string, attribute: string, context: SubstitutionContext): unknown {
  const type = (context.template.body.Resources as Record<string, { Type?: unknown }> | undefined)?.[logicalId]?.Type;
  if (attribute === 'Arn' && typeof type === 'string') return arnFor(type, logicalId, context.region);
  return `${logicalId.toLowerCase()}-${attribute.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function arnFor(type: string, logicalId: string, region: string): string {
  const [, service = 'unknown', kind = 'resource'] = type.split('::');
  const svc = service.toLowerCase();
  const name = logicalId.toLowerCase();
  if (svc === 'iam') return `arn:aws:iam::${PLACEHOLDER_ACCOUNT}:${kind.toLowerCase()}/${name}`;
  if (svc === 's3') return `arn:aws:s3:::${name}`;
  if (svc === 'sqs' || svc === 'sns') return `arn:aws:${svc}:${region}:${PLACEHOLDER_ACCOUNT}:${name}`;
  if (svc === 'lambda') return `arn:aws:lambda:${region}:${PLACEHOLDER_ACCOUNT}:function:${name}`;
  return `arn:aws:${svc}:${region}:${PLACEHOLDER_ACCOUNT}:${kind.toLowerCase()}/${name}`;
}

function placeholder(what: string): string {
  return `guardts-placeholder-${what.toLowerCase()}`;
}
