/**
 * Faults the emulator injects on request, to exercise the client's retries, deadlines and
 * defences: each applies to the next `count` requests of one operation (or of any).
 */
export type FaultKind =
  /** 400 ThrottlingException "Rate exceeded". */
  | 'throttle'
  /** 500 InternalFailure. */
  | 'internal-error'
  /** 503 ServiceUnavailable. */
  | 'unavailable'
  /** Waits `delayMs`, then answers normally. */
  | 'delay'
  /** Closes the connection without an answer (after the request was processed when `afterProcessing`). */
  | 'drop-connection'
  /** 200 with `body` (default: truncated JSON). */
  | 'malformed'
  /** Evaluations started while this fault is armed never leave IN_PROGRESS. */
  | 'stay-in-progress'
  /** Evaluations started while this fault is armed end FAILED. */
  | 'fail-evaluation';

export interface Fault {
  readonly kind: FaultKind;
  /** `StartResourceEvaluation`, …; absent: any operation. */
  readonly operation?: string;
  /** How many matching requests it affects; default 1. */
  readonly count?: number;
  readonly delayMs?: number;
  readonly body?: string;
  readonly afterProcessing?: boolean;
}

interface ArmedFault {
  readonly fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private readonly armed: ArmedFault[] = [];

  add(fault: Fault): void {
    this.armed.push({ fault, remaining: Math.max(1, fault.count ?? 1) });
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** Takes the first armed fault matching `operation` among `kinds`, consuming one use. */
  take(operation: string, kinds: readonly FaultKind[]): Fault | undefined {
    const index = this.armed.findIndex((a) => kinds.includes(a.fault.kind) && (a.fault.operation === undefined || a.fault.operation === operation));
    if (index < 0) return undefined;
    const armed = this.armed[index]!;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.armed.splice(index, 1);
    return armed.fault;
  }
}

const KINDS = new Set<FaultKind>(['throttle', 'internal-error', 'unavailable', 'delay', 'drop-connection', 'malformed', 'stay-in-progress', 'fail-evaluation']);

export function parseFault(value: unknown): Fault | string {
  if (value === null || typeof value !== 'object') return 'a fault is an object';
  const record = value as Record<string, unknown>;
  if (typeof record.kind !== 'string' || !KINDS.has(record.kind as FaultKind)) return `unknown fault kind ${JSON.stringify(record.kind)}; known: ${[...KINDS].join(', ')}`;
  const count = record.count;
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000)) return 'count must be an integer in 1..10000';
  const delayMs = record.delayMs;
  if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0 || delayMs > 600_000)) return 'delayMs must be in 0..600000';
  return {
    kind: record.kind as FaultKind,
    ...(typeof record.operation === 'string' ? { operation: record.operation } : {}),
    ...(typeof count === 'number' ? { count } : {}),
    ...(typeof delayMs === 'number' ? { delayMs } : {}),
    ...(typeof record.body === 'string' ? { body: record.body } : {}),
    ...(record.afterProcessing === true ? { afterProcessing: true } : {}),
  };
}
