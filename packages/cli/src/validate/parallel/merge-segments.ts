/**
 * The main thread's side of the split: prints the workers' segments in the single-threaded order
 * (rules file by rules file, worker by worker, i.e. data file by data file) as soon as they can
 * be, and computes the exit code as `runValidate` does: each rules file's non-zero outcome (5 for
 * a parse error, 19 for a FAIL) overwrites the previous one; a runtime error stops everything.
 */
import { EXIT_OK, EXIT_RULE_PARSE_ERROR, EXIT_RUNTIME_ERROR, EXIT_VALIDATION_FAILED } from '../../exit-codes.js';
import type { Segment, Write } from './segments.js';

export type MergeState = { readonly kind: 'pending' } | { readonly kind: 'finished'; readonly exitCode: number } | { readonly kind: 'run-single-threaded' };

export class SegmentMerger {
  private readonly preambles: (readonly Write[] | undefined)[];
  private readonly segments: (Segment | undefined)[][];
  private readonly done: boolean[];
  private preamblesWritten = false;
  private rulesIndex = 0;
  private worker = 0;
  private failed = false;
  private exitCode = EXIT_OK;
  private state: MergeState = { kind: 'pending' };

  constructor(
    private readonly workers: number,
    private readonly rulesFiles: number,
    private readonly write: (write: Write) => void,
  ) {
    this.preambles = Array.from({ length: workers }, () => undefined);
    this.segments = Array.from({ length: workers }, () => []);
    this.done = Array.from({ length: workers }, () => false);
  }

  preamble(worker: number, writes: readonly Write[]): MergeState {
    this.preambles[worker] = writes;
    return this.pump();
  }

  segment(worker: number, segment: Segment): MergeState {
    this.segments[worker]![segment.index] = segment;
    return this.pump();
  }

  workerDone(worker: number): MergeState {
    this.done[worker] = true;
    // A worker that ends before its first rules file failed while loading its share; the
    // single-threaded run reports that failure in the reference's order (nothing is printed yet).
    if (!this.preamblesWritten && this.preambles[worker] === undefined) this.state = { kind: 'run-single-threaded' };
    return this.pump();
  }

  private pump(): MergeState {
    if (this.state.kind !== 'pending') return this.state;
    if (!this.preamblesWritten) {
      if (this.preambles.some((writes) => writes === undefined)) return this.state;
      for (const writes of this.preambles) writes!.forEach(this.write);
      this.preamblesWritten = true;
    }
    while (this.rulesIndex < this.rulesFiles) {
      const segment = this.segments[this.worker]![this.rulesIndex];
      if (segment === undefined) {
        // A finished worker without this segment broke the protocol; say so rather than hang.
        if (this.done[this.worker]) return this.finish(EXIT_RUNTIME_ERROR, `internal error: worker ${this.worker} sent no output for rules file ${this.rulesIndex + 1}`);
        return this.state;
      }
      this.segments[this.worker]![this.rulesIndex] = undefined;
      segment.writes.forEach(this.write);
      if (segment.stopped) return this.finish(EXIT_RUNTIME_ERROR, null);
      if (segment.parseError) {
        // Every worker printed the same parse error; the reference prints it once.
        this.nextRulesFile(EXIT_RULE_PARSE_ERROR);
        continue;
      }
      this.failed ||= segment.failed;
      this.worker += 1;
      if (this.worker === this.workers) this.nextRulesFile(this.failed ? EXIT_VALIDATION_FAILED : EXIT_OK);
    }
    return this.finish(this.exitCode, null);
  }

  private nextRulesFile(outcome: number): void {
    if (outcome !== EXIT_OK) this.exitCode = outcome;
    for (const segments of this.segments) segments[this.rulesIndex] = undefined;
    this.rulesIndex += 1;
    this.worker = 0;
    this.failed = false;
  }

  private finish(exitCode: number, message: string | null): MergeState {
    if (message !== null) this.write({ stream: 'stderr', text: `Error occurred ${message}\n` });
    this.state = { kind: 'finished', exitCode };
    return this.state;
  }
}
