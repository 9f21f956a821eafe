/**
 * Builds the event tree (cfn-guard's `RecordTracker`): `start` opens a record, `end` closes the
 * innermost one with its outcome and attaches it to its parent. A disabled recorder ignores
 * everything, so verdict-only evaluations pay nothing for it.
 *
 * The tree is what memory goes to when a rule checks a cross product (every resource against every
 * resource: millions of records), so the recorder bounds it. With `pruneClean`, a closed record with
 * no failure anywhere below it is dropped: the reports (structured, console, single-line summary)
 * only ever read failing records and the rule records, so they print exactly the same from the
 * pruned tree. Rule and file records are always kept, and a record whose children were all dropped
 * keeps its first one (a failed block with no children at all means "its query found no value").
 * `maxRecords` bounds the records held at any time; the heap guard stops the evaluation before V8
 * runs out of heap (heap-guard.ts). Both stop it through `abort`, an error, never a verdict.
 */
import { recordStatus } from '../report/record-status.js';
import type { EventRecord, RecordType } from '../report/types.js';
import { abort } from './abort.js';
import { heapNearlyFull } from './heap-guard.js';

interface OpenRecord {
  readonly context: string;
  readonly children: EventRecord[];
  /** Records held below this one (its kept children and everything they hold). */
  held: number;
  /** Whether a failing record was closed anywhere below this one. */
  failed: boolean;
  /** The first clean child dropped, with the records it holds (kept if no other child is). */
  firstClean: { readonly record: EventRecord; readonly held: number } | null;
}

export interface RecorderLimits {
  /** Drop closed records with no failure below them (reports never read them). */
  readonly pruneClean?: boolean;
  /** The most records held at once; one more aborts with `checks-exceeded`. */
  readonly maxRecords?: number;
  /** Abort with `memory-exceeded` when the used heap passes this fraction of V8's limit (null: never). */
  readonly heapFraction?: number | null;
}

/** How many records are closed between two looks at the heap: a look costs about a microsecond. */
const HEAP_CHECK_EVERY = 4096;

export class Recorder {
  private readonly open: OpenRecord[] = [];
  private last: EventRecord | null = null;
  private held = 0;
  private closed = 0;
  private stopped = false;
  private readonly pruneClean: boolean;
  private readonly maxRecords: number;
  private readonly heapFraction: number | null;

  constructor(
    readonly enabled: boolean,
    limits: RecorderLimits = {},
  ) {
    this.pruneClean = limits.pruneClean ?? false;
    this.maxRecords = limits.maxRecords ?? Number.POSITIVE_INFINITY;
    this.heapFraction = limits.heapFraction ?? null;
  }

  start(context: string): void {
    if (this.enabled) this.open.push({ context, children: [], held: 0, failed: false, firstClean: null });
  }

  end(record: RecordType): void {
    // Once a limit stopped the evaluation, the records its unwinding closes are not kept (nor counted
    // again, so the error that stopped it is the one reported).
    if (!this.enabled || this.stopped) return;
    const closing = this.open.pop();
    if (closing === undefined) return;
    this.count();
    let held = closing.held;
    const kept = closing.firstClean;
    if (kept !== null) {
      if (closing.children.length === 0) {
        closing.children.push(kept.record);
        held += kept.held + 1;
      } else this.held -= kept.held + 1;
    }
    const event: EventRecord = { context: closing.context, record, children: closing.children };
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) {
      this.last = event;
      return;
    }
    const failed = closing.failed || recordStatus(record) === 'FAIL';
    if (failed) parent.failed = true;
    if (this.pruneClean && !failed && record.kind !== 'RuleCheck' && record.kind !== 'FileCheck') {
      if (parent.firstClean === null) parent.firstClean = { record: event, held };
      else this.held -= held + 1;
      return;
    }
    parent.children.push(event);
    parent.held += held + 1;
  }

  /** The root record, once everything is closed. */
  result(): EventRecord | null {
    return this.last;
  }

  /** One more record held: the budget is checked on each, the heap every few thousand. */
  private count(): void {
    if (++this.held > this.maxRecords) {
      this.stopped = true;
      abort('checks-exceeded', `the events recorded for the report hold more than ${this.maxRecords} checks`);
    }
    if (this.heapFraction !== null && ++this.closed % HEAP_CHECK_EVERY === 0 && heapNearlyFull(this.heapFraction)) {
      this.stopped = true;
      abort('memory-exceeded', `the events recorded filled ${Math.round(this.heapFraction * 100)} % of the JavaScript heap`);
    }
  }
}
