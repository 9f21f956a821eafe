/**
 * `ClientToken` for StartResourceEvaluation: the lowercase hex SHA-256 of the request in a
 * canonical JSON form (object keys sorted). 64 characters satisfies both readings of the token's
 * documented length, and identical requests get identical tokens, so a retry after a lost answer
 * returns the original evaluation instead of starting a second one.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function clientTokenFor(request: unknown, seed = ''): string {
  return createHash('sha256').update(seed).update('\n').update(canonicalJson(request)).digest('hex');
}
