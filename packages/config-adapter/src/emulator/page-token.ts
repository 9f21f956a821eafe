/**
 * Opaque pagination tokens: base64url of `{key, offset}`, where the key names the query (an
 * evaluation id, a filter hash). A token presented with another query is refused.
 */
import { AwsError } from './aws-error.js';

export function encodePageToken(key: string, offset: number): string {
  return Buffer.from(JSON.stringify({ k: key, o: offset })).toString('base64url');
}

export function decodePageToken(token: string | undefined, key: string, errorCode = 'InvalidNextTokenException'): number {
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; o?: unknown };
    if (parsed.k === key && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // falls through to the service's error
  }
  throw new AwsError(errorCode, 'The nextToken provided is invalid');
}
