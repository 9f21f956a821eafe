/**
 * The wire shapes of CloudFormation hooks (config-proactive.md §4.1, §4.3). Fields CloudFormation
 * may add later are tolerated; only what evaluation needs is typed.
 */
import type { JsonObject, JsonValue } from '../projection/json.js';

export type InvocationPoint = 'CREATE_PRE_PROVISION' | 'UPDATE_PRE_PROVISION' | 'DELETE_PRE_PROVISION';

export interface TargetModel {
  readonly resourceProperties?: JsonObject;
  readonly previousResourceProperties?: JsonObject;
}

export interface HookRequestData {
  /** A resource type for RESOURCE targets; `STACK` or `CHANGE_SET` otherwise. */
  readonly targetName: string;
  readonly targetType: string;
  readonly targetLogicalId?: string;
  readonly targetModel?: TargetModel;
  /** STACK / CHANGE_SET (and large RESOURCE inputs): a presigned S3 URL, or the payload itself when already fetched. */
  readonly payload?: string | StackPayload | ChangeSetPayload;
}

/** The event CloudFormation sends a Lambda hook (§4.3). */
export interface LambdaHookEvent {
  readonly clientRequestToken?: string;
  readonly awsAccountId?: string;
  readonly stackId?: string;
  readonly changeSetId?: string | null;
  readonly hookTypeName?: string;
  readonly hookTypeVersion?: string;
  readonly hookModel?: JsonObject;
  readonly actionInvocationPoint?: InvocationPoint;
  readonly requestData: HookRequestData;
  readonly requestContext?: { readonly invocation?: number; readonly callbackContext?: JsonValue };
}

/** A custom hook's handler request (§4.1): the wire `HookInvocationRequest`. */
export type HookInvocationRequest = LambdaHookEvent;

export interface StackPayload {
  readonly template: JsonValue;
  readonly previousTemplate?: JsonValue;
}

export interface ChangedResource {
  readonly action: 'CREATE' | 'UPDATE' | 'DELETE' | string;
  readonly logicalResourceId: string;
  readonly resourceType: string;
  /** JSON text `{"Properties": {…}}`; booleans and numbers arrive as strings. */
  readonly beforeContext?: string;
  readonly afterContext?: string;
  readonly lineNumber?: number;
}

export interface ChangeSetPayload {
  readonly template?: JsonValue;
  readonly changedResources: readonly ChangedResource[];
}

export type AnnotationStatus = 'PASSED' | 'FAILED' | 'SKIPPED';

export interface HookAnnotation {
  readonly annotationName: string;
  readonly status: AnnotationStatus;
  readonly statusMessage: string;
  readonly remediationMessage?: string;
  readonly severityLevel?: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
}

/** What a Lambda hook returns and a custom hook's progress event carries. */
export interface HookResponse {
  readonly hookStatus: 'SUCCESS' | 'FAILED' | 'IN_PROGRESS';
  readonly errorCode?: 'NonCompliant' | 'InternalFailure' | 'InvalidRequest';
  readonly message: string;
  readonly clientRequestToken?: string;
  readonly callbackContext?: JsonValue;
  readonly callbackDelaySeconds?: number;
  readonly annotations: readonly HookAnnotation[];
}
