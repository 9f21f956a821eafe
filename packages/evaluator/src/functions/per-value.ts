/**
 * Most functions map each resolved value of their first argument to zero or one value;
 * unresolved results and values of unsupported types are dropped silently, as in cfn-guard.
 */
import type { QueryResult } from '../values/query-result.js';
import type { Value } from '../values/value.js';

/** A mapped value, `null` to drop the input, or a failure message that aborts the call. */
export type Mapped = Value | null | { readonly failure: string };

export function mapResolved(
  results: readonly QueryResult[],
  map: (value: Value) => Mapped,
): { readonly ok: true; readonly values: Value[] } | { readonly ok: false; readonly message: string } {
  const values: Value[] = [];
  for (const result of results) {
    if (result.kind !== 'resolved') continue;
    const mapped = map(result.value);
    if (mapped === null) continue;
    if ('failure' in mapped) return { ok: false, message: mapped.failure };
    values.push(mapped);
  }
  return { ok: true, values };
}
