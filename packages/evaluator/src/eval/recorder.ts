/**
 * Builds the event tree (cfn-guard's `RecordTracker`): `start` opens a record, `end` closes the
 * innermost one with its outcome and attaches it to its parent. A disabled recorder ignores
 * everything, so verdict-only evaluations pay nothing for it.
 */
import type { EventRecord, RecordType } from '../report/types.js';

interface OpenRecord {
  readonly context: string;
  readonly children: EventRecord[];
}

export class Recorder {
  private readonly open: OpenRecord[] = [];
  private last: EventRecord | null = null;

  constructor(readonly enabled: boolean) {}

  start(context: string): void {
    if (this.enabled) this.open.push({ context, children: [] });
  }

  end(record: RecordType): void {
    if (!this.enabled) return;
    const closing = this.open.pop();
    if (closing === undefined) return;
    const event: EventRecord = { context: closing.context, record, children: closing.children };
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) this.last = event;
    else parent.children.push(event);
  }

  /** The root record, once everything is closed. */
  result(): EventRecord | null {
    return this.last;
  }
}
