/**
 * Failures of a remote evaluation as values: each has a code the caller can branch on, the AWS
 * error code when the service sent one, and a message fit for a terminal (never credentials).
 */
export type RemoteErrorCode =
  /** `ResourceConfiguration` would exceed Config's 51,200-character limit; nothing was sent. */
  | 'CONFIGURATION_TOO_LARGE'
  /** The properties still hold `Ref` / `Fn::*` intrinsics, which Config's schema validation rejects; nothing was sent. */
  | 'UNRESOLVED_INTRINSIC'
  /** Config refused the resource type for proactive evaluation. */
  | 'UNSUPPORTED_RESOURCE_TYPE'
  /** Any other 400 the service returned for the request (validation, mismatch, not found, …). */
  | 'REQUEST_REJECTED'
  /** Credentials missing or refused, or no region configured. */
  | 'NOT_AUTHORIZED'
  /** Still throttled when the retries ran out. */
  | 'THROTTLED'
  /** Still 5xx when the retries ran out. */
  | 'SERVICE_UNAVAILABLE'
  /** Connection refused, reset or timed out when the retries ran out. */
  | 'NETWORK'
  /** A reply that is not the modeled output (bad JSON, wrong types, unknown enum values). */
  | 'MALFORMED_RESPONSE'
  /** The caller's deadline passed (evaluation still IN_PROGRESS, or requests kept failing). */
  | 'TIMEOUT'
  /** Config reported the evaluation as FAILED. */
  | 'EVALUATION_FAILED'
  | 'UNEXPECTED';

export interface RemoteError {
  readonly code: RemoteErrorCode;
  readonly message: string;
  /** The `__type` of the service's error, e.g. `InvalidParameterValueException`. */
  readonly awsCode?: string;
  readonly httpStatus?: number;
  /** HTTP attempts made before giving up. */
  readonly attempts?: number;
}

export function remoteError(code: RemoteErrorCode, message: string, extra: Omit<RemoteError, 'code' | 'message'> = {}): RemoteError {
  return { code, message, ...extra };
}
