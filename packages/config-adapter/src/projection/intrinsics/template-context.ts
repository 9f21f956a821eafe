import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** The pseudo parameters CloudFormation defines; values only when the caller gives them or they are fixed. */
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;

export interface ParameterDefinition {
  readonly Type?: string;
  readonly Default?: JsonValue;
}

/** What intrinsic resolution may know about the template around a resource. */
export interface TemplateContext {
  /** Values given by the user (`k=v` pairs or a JSON file); pseudo parameters may be given here too (`AWS::Region=eu-west-1`). */
  readonly parameterValues: Readonly<Record<string, JsonValue>>;
  readonly parameterDefinitions: Readonly<Record<string, ParameterDefinition>>;
  readonly conditions: Readonly<Record<string, JsonValue>>;
  readonly mappings: JsonObject;
  readonly resourceIds: ReadonlySet<string>;
}

export function emptyTemplateContext(parameterValues: Readonly<Record<string, JsonValue>> = {}): TemplateContext {
  return { parameterValues, parameterDefinitions: {}, conditions: {}, mappings: {}, resourceIds: new Set() };
}

export function templateContext(template: JsonValue, parameterValues: Readonly<Record<string, JsonValue>> = {}): TemplateContext {
  const root = isJsonObject(template) ? template : {};
  const section = (name: string): JsonObject => (isJsonObject(root[name]) ? (root[name] as JsonObject) : {});
  const parameterDefinitions: Record<string, ParameterDefinition> = {};
  for (const [name, definition] of Object.entries(section('Parameters'))) {
    if (isJsonObject(definition)) parameterDefinitions[name] = definition as ParameterDefinition;
  }
  return {
    parameterValues,
    parameterDefinitions,
    conditions: section('Conditions'),
    mappings: section('Mappings'),
    resourceIds: new Set(Object.keys(section('Resources'))),
  };
}
