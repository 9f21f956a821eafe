/**
 * Sorts an exception thrown by one SDK call into "retry it" or "give up with this error", from the
 * SDK's error name, fault and HTTP status, and Node's network error codes.
 */
import { MalformedResponseError } from './config-service.js';
import { remoteError, type RemoteError } from './remote-error.js';

export interface ClassifiedFailure {
  readonly retryable: boolean;
  readonly error: RemoteError;
}

const THROTTLING_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'RequestThrottledException',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);
const AUTH_CODES = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'AccessDeniedException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: unknown;
  cause?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function classifyFailure(thrown: unknown): ClassifiedFailure {
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as ErrorLike;
  const name = text(error.name);
  const message = text(error.message) || String(thrown);
  const status = typeof error.$metadata?.httpStatusCode === 'number' ? error.$metadata.httpStatusCode : undefined;
  const nodeCode = text(error.code) || text((error.cause as ErrorLike | undefined)?.code);

  if (thrown instanceof MalformedResponseError || name === 'SyntaxError' || /deserializ|unexpected token|json/i.test(name === 'Error' ? message : name)) {
    return { retryable: false, error: remoteError('MALFORMED_RESPONSE', `malformed response from Config: ${message}`, status !== undefined ? { httpStatus: status } : {}) };
  }
  if (THROTTLING_CODES.has(name)) {
    return { retryable: true, error: remoteError('THROTTLED', `Config throttled the request (${name}): ${message}`, { awsCode: name, ...(status !== undefined ? { httpStatus: status } : {}) }) };
  }
  if (status !== undefined && status >= 500) {
    return { retryable: true, error: remoteError('SERVICE_UNAVAILABLE', `Config answered HTTP ${status} (${name}): ${message}`, { awsCode: name, httpStatus: status }) };
  }
  if (NETWORK_CODES.has(nodeCode) || name === 'TimeoutError' || name === 'RequestTimeout' || /socket hang up|ECONNRESET|ECONNREFUSED|timed? ?out/i.test(message)) {
    return { retryable: true, error: remoteError('NETWORK', `could not reach Config: ${nodeCode || name}: ${message}`) };
  }
  if (AUTH_CODES.has(name) || /region is missing|could not load credentials/i.test(message)) {
    return { retryable: false, error: remoteError('NOT_AUTHORIZED', `${name}: ${message}`, { awsCode: name, ...(status !== undefined ? { httpStatus: status } : {}) }) };
  }
  if (name === 'InvalidParameterValueException' && /resource type .* is invalid/i.test(message)) {
    return { retryable: false, error: remoteError('UNSUPPORTED_RESOURCE_TYPE', message, { awsCode: name, ...(status !== undefined ? { httpStatus: status } : {}) }) };
  }
  if (status !== undefined && status >= 400) {
    return { retryable: false, error: remoteError('REQUEST_REJECTED', `${name}: ${message}`, { awsCode: name, httpStatus: status }) };
  }
  // A non-JSON 200 body surfaces as a generic error carrying the raw response.
  if (error.$response !== undefined) {
    return { retryable: false, error: remoteError('MALFORMED_RESPONSE', `malformed response from Config: ${message}`) };
  }
  return { retryable: false, error: remoteError('UNEXPECTED', `${name || 'Error'}: ${message}`) };
}
