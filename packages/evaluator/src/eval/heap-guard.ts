/**
 * Whether the JavaScript heap is nearly exhausted. V8 does not throw when it runs out of heap: it
 * kills the process ("FATAL ERROR: Reached heap limit", exit 134, after minutes of collecting), so
 * whatever can grow without bound (the event tree of a huge cross product, the report built from
 * it) looks at this every few thousand steps and stops cleanly instead.
 */
import v8 from 'node:v8';

/** Stop when the used heap passes this fraction of V8's heap limit. */
export const DEFAULT_HEAP_FRACTION = 0.85;

/**
 * V8's heap limit counts the young generation's three 16 MiB semi-spaces, which old objects never
 * get: with `--max-old-space-size=128` the limit is 176 MiB and the process dies at 128 MiB used.
 */
const YOUNG_GENERATION_RESERVE = 48 * 1024 * 1024;

/** Whether the used heap passes `fraction` of what the old generation may grow to. */
export function heapNearlyFull(fraction: number): boolean {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  const oldGenerationLimit = Math.max(limit - YOUNG_GENERATION_RESERVE, limit / 2);
  return used > fraction * oldGenerationLimit;
}

/**
 * Thrown by the report builders (`toStructuredReport`) when the heap is nearly full: the report of
 * an evaluation is too large to build in this process. Commands turn it into a runtime error.
 */
export class ReportTooLargeError extends Error {
  override readonly name = 'ReportTooLargeError';
}

/** Counts the steps of a growing build, looking at the heap every `every` of them. */
export class HeapWatch {
  private steps = 0;

  constructor(
    private readonly fraction = DEFAULT_HEAP_FRACTION,
    private readonly every = 1024,
  ) {}

  step(): void {
    if (++this.steps % this.every === 0 && heapNearlyFull(this.fraction)) {
      throw new ReportTooLargeError(`the report filled ${Math.round(this.fraction * 100)} % of the JavaScript heap`);
    }
  }
}
