/**
 * Runs one remote call with bounded retries: "full jitter" exponential backoff (a random delay
 * in [0, min(cap, base * 2^n)]), never past the caller's deadline, never more than `maxAttempts`.
 */
import { classifyFailure } from './classify-failure.js';
import { remoteError, type RemoteError } from './remote-error.js';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Bound of one attempt, in addition to the SDK's socket timeouts. */
  readonly attemptTimeoutMs: number;
  /** Injectable for deterministic tests. */
  readonly random?: () => number;
}

export interface RetryEvent {
  readonly operation: string;
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: RemoteError;
}

export type CallOutcome<T> = { readonly ok: true; readonly value: T; readonly attempts: number } | { readonly ok: false; readonly error: RemoteError };

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

export async function callWithRetry<T>(
  operation: string,
  call: (signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  deadline: number,
  onRetry?: (event: RetryEvent) => void,
): Promise<CallOutcome<T>> {
  const random = policy.random ?? Math.random;
  let last: RemoteError | undefined;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const signal = AbortSignal.timeout(Math.min(policy.attemptTimeoutMs, remaining));
    try {
      return { ok: true, value: await call(signal), attempts: attempt };
    } catch (thrown) {
      const failure = signal.aborted && !isServiceError(thrown)
        ? { retryable: true, error: remoteError('NETWORK', `${operation}: no answer within ${Math.min(policy.attemptTimeoutMs, remaining)} ms`) }
        : classifyFailure(thrown);
      last = { ...failure.error, attempts: attempt };
      if (!failure.retryable || attempt === policy.maxAttempts) return { ok: false, error: last };
      const delayMs = Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
      if (Date.now() + delayMs >= deadline) break;
      onRetry?.({ operation, attempt, delayMs, error: last });
      await sleep(delayMs);
    }
  }
  const why = last === undefined ? 'no attempt was possible' : `last error: ${last.message}`;
  return { ok: false, error: remoteError('TIMEOUT', `${operation}: deadline passed (${why})`, last?.attempts !== undefined ? { attempts: last.attempts } : {}) };
}

function isServiceError(thrown: unknown): boolean {
  return typeof thrown === 'object' && thrown !== null && '$metadata' in thrown && typeof (thrown as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode === 'number';
}
