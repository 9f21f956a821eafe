/**
 * Shared pieces of query resolution: result lists, lazily described unresolved results, and the
 * case-converter state a query carries along.
 */
import { queryText } from '../compile/display.js';
import type { CompiledPart } from '../compile/ir.js';
import type { UnresolvedResult } from '../values/query-result.js';
import type { MapValue, StringValue, Value } from '../values/value.js';

export type Parts = readonly CompiledPart[];

/**
 * Which case converter this query settled on (an index into each key part's `variants`), or
 * NO_CONVERTER while none was needed: once one converter found a key, only it is retried.
 */
export type ConverterIndex = number;
export const NO_CONVERTER: ConverterIndex = -1;

/** An unresolved result whose texts are built only when read: most are never printed. */
class LazyUnresolved implements UnresolvedResult {
  readonly kind = 'unresolved';

  constructor(
    readonly traversedTo: Value,
    private readonly describe: () => string,
    private readonly parts: Parts,
    private readonly from: number,
  ) {}

  get remainingQuery(): string {
    return queryText(this.from === 0 ? this.parts : this.parts.slice(this.from));
  }

  get reason(): string {
    return this.describe();
  }

  /** Serialises like a plain `UnresolvedResult`. */
  toJSON(): UnresolvedResult {
    return { kind: this.kind, traversedTo: this.traversedTo, remainingQuery: this.remainingQuery, reason: this.reason };
  }
}

export function unresolved(current: Value, reason: () => string, parts: Parts, from: number): UnresolvedResult {
  return new LazyUnresolved(current, reason, parts, from);
}

/** A map key as cfn-guard sees it: data keys carry the map's path (and the key's position). */
export function keyValue(key: StringValue, map: MapValue): StringValue {
  return key.span === null ? key : { ...key, path: map.path };
}

export function capturedKey(key: Value, owner: MapValue | null): Value {
  return key.kind === 'string' && owner !== null ? keyValue(key, owner) : key;
}

export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
