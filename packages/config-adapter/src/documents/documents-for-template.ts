/**
 * Per-resource documents of a template, in the shape each evaluation point sees
 * (config-proactive.md §2.4, §4): the Config item, the hook target model (CloudFormation hooks and
 * Control Tower proactive controls), and the managed Guard Hook input.
 */
import type { Value } from '@guardts/evaluator';
import { resolveIntrinsics, type UnresolvedValue } from '../projection/intrinsics/resolve-intrinsics.js';
import { templateContext, type TemplateContext } from '../projection/intrinsics/template-context.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../projection/json.js';
import { projectToConfigItem, type ConfigItemProjection } from '../projection/project-config-item.js';
import { toJson } from './value-conversion.js';

export type DocumentMode = 'config-item' | 'hook' | 'guard-hook';

export const DOCUMENT_MODES: readonly DocumentMode[] = ['config-item', 'hook', 'guard-hook'];

export interface DocumentOptions {
  /** Parameter values, including pseudo parameters (`AWS::Region`, `AWS::AccountId`, `AWS::StackName`). */
  readonly parameters?: Readonly<Record<string, JsonValue>>;
  /** guard-hook: which targets to produce (default: every RESOURCE, no STACK). */
  readonly guardHookTargets?: readonly ('RESOURCE' | 'STACK')[];
  /** guard-hook and hook: the invocation point written into the context (default CREATE_PRE_PROVISION). */
  readonly invocationPoint?: 'CREATE_PRE_PROVISION' | 'UPDATE_PRE_PROVISION' | 'DELETE_PRE_PROVISION';
  /**
   * guard-hook: the inner keys of `Resources.<LogicalId>`. The Hooks guide's example input and
   * sample rule use `Type`/`Properties` (default); its syntax block spells them
   * `ResourceType`/`ResourceProperties` (§4.2). The alternative lets rules be tried against both.
   */
  readonly guardHookSpelling?: 'Type' | 'ResourceType';
  /** config-item: what to do with properties no fact maps (see ProjectionOptions.unmapped). */
  readonly unmapped?: 'mechanical' | 'drop';
}

export interface TemplateDocument {
  /** `template.yaml#MyLambdaFunction`; a STACK document is named after the file alone. */
  readonly name: string;
  readonly logicalId: string | null;
  readonly resourceType: string | null;
  readonly document: JsonObject;
  /** Intrinsics that stayed as written: a verdict over this document may depend on them. */
  readonly unresolved: readonly UnresolvedValue[];
  /** The resource's `Condition` could not be decided, so it may not be deployed at all. */
  readonly conditional: boolean;
  /** config-item only: how the item was built. */
  readonly projection?: ConfigItemProjection;
}

export type TemplateDocuments =
  | { readonly ok: true; readonly documents: readonly TemplateDocument[] }
  | { readonly ok: false; readonly message: string };

export function documentsForTemplate(
  template: JsonValue | Value,
  fileName: string,
  mode: DocumentMode,
  options: DocumentOptions = {},
): TemplateDocuments {
  const root = toJson(template);
  if (!isJsonObject(root) || !isJsonObject(root['Resources'])) {
    return { ok: false, message: `${fileName}: not a CloudFormation template (no Resources section)` };
  }
  const context = templateContext(root, options.parameters ?? {});
  const targets = mode === 'guard-hook' ? (options.guardHookTargets ?? ['RESOURCE']) : ['RESOURCE'];
  const documents: TemplateDocument[] = [];
  for (const [logicalId, resource] of targets.includes('RESOURCE') ? Object.entries(root['Resources'] as JsonObject) : []) {
    if (!isJsonObject(resource) || typeof resource['Type'] !== 'string') continue;
    const condition = conditionOf(resource, context);
    if (condition === false) continue;
    const type = resource['Type'];
    const name = `${fileName}#${logicalId}`;
    const conditional = condition === undefined;
    if (mode === 'config-item') {
      const projection = projectToConfigItem(type, logicalId, resource['Properties'], { context, unmapped: options.unmapped });
      documents.push({ name, logicalId, resourceType: type, document: projection.document, unresolved: projection.unresolved, conditional, projection });
      continue;
    }
    const resolution = resolveIntrinsics(isJsonObject(resource['Properties']) ? resource['Properties'] : {}, context);
    const properties = isJsonObject(resolution.value) ? resolution.value : {};
    const document = mode === 'hook' ? hookDocument(type, properties) : guardHookResourceDocument(type, logicalId, properties, context, options);
    documents.push({ name, logicalId, resourceType: type, document, unresolved: resolution.unresolved, conditional });
  }
  if (targets.includes('STACK')) {
    documents.push({
      name: fileName,
      logicalId: null,
      resourceType: null,
      document: guardHookStackDocument(root, context, options),
      unresolved: [],
      conditional: false,
    });
  }
  return { ok: true, documents };
}

/** What a CloudFormation hook handler and a Control Tower proactive control see (§4.1, §4.4). */
export function hookDocument(type: string, resourceProperties: JsonObject, previousResourceProperties?: JsonObject): JsonObject {
  const model: JsonObject = { resourceProperties };
  if (previousResourceProperties !== undefined) model['previousResourceProperties'] = previousResourceProperties;
  return { [type]: model };
}

function hookContext(context: TemplateContext, options: DocumentOptions, target: JsonObject): JsonObject {
  const pseudo = (key: string, fallback: string): JsonValue => context.parameterValues[key] ?? fallback;
  return {
    AWSAccountID: pseudo('AWS::AccountId', '123456789012'),
    StackId: pseudo('AWS::StackId', `arn:aws:cloudformation:${String(pseudo('AWS::Region', 'us-east-1'))}:${String(pseudo('AWS::AccountId', '123456789012'))}:stack/${String(pseudo('AWS::StackName', 'stack'))}/00000000-0000-0000-0000-000000000000`),
    HookTypeName: 'Private::Guard::Hook',
    HookTypeVersion: '00000001',
    InvocationPoint: options.invocationPoint ?? 'CREATE_PRE_PROVISION',
    ...target,
  };
}

/** The managed Guard Hook's RESOURCE input (§4.2): template-like, so template rules apply unchanged. */
function guardHookResourceDocument(
  type: string,
  logicalId: string,
  properties: JsonObject,
  context: TemplateContext,
  options: DocumentOptions,
): JsonObject {
  const resource: JsonObject = options.guardHookSpelling === 'ResourceType' ? { ResourceType: type, ResourceProperties: properties } : { Type: type, Properties: properties };
  return {
    HookContext: hookContext(context, options, { TargetName: type, TargetType: 'RESOURCE', TargetLogicalId: logicalId }),
    Resources: { [logicalId]: resource },
  };
}

/** The STACK input: the context followed by the proposed template's own sections. */
function guardHookStackDocument(template: JsonObject, context: TemplateContext, options: DocumentOptions): JsonObject {
  const stackName = context.parameterValues['AWS::StackName'] ?? 'stack';
  return { HookContext: hookContext(context, options, { TargetName: stackName, TargetType: 'STACK' }), ...template };
}

/** `true`/`false` when the resource's Condition is decidable (no Condition: `true`), `undefined` otherwise. */
function conditionOf(resource: JsonObject, context: TemplateContext): boolean | undefined {
  const name = resource['Condition'];
  if (typeof name !== 'string') return true;
  const probe = resolveIntrinsics({ 'Fn::If': [name, true, false] }, context);
  return typeof probe.value === 'boolean' ? probe.value : undefined;
}
