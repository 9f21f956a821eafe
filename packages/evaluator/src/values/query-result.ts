/**
 * What a query, a variable or a function call yields: a list of results, each resolved (a value)
 * or unresolved (traversal stopped). An empty list means "nothing" (a filter matched nothing),
 * which is not the same as an unresolved result: that three-way distinction drives the verdicts.
 */
import type { Value } from './value.js';

export interface ResolvedResult {
  readonly kind: 'resolved';
  readonly value: Value;
}

export interface UnresolvedResult {
  readonly kind: 'unresolved';
  /** The deepest value the traversal reached. */
  readonly traversedTo: Value;
  /** The rest of the query, as text (`Properties.KmsKeyId`). */
  readonly remainingQuery: string;
  /** Why it stopped, in cfn-guard's words where it has them ("Could not find key KmsKeyId inside struct at path …"). */
  readonly reason: string;
}

export type QueryResult = ResolvedResult | UnresolvedResult;

export function resolved(value: Value): ResolvedResult {
  return { kind: 'resolved', value };
}
