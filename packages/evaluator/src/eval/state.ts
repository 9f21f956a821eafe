/**
 * Per-evaluation state shared by every scope: the recorder, the trace, the limits. One instance per
 * `evaluate` call, so concurrent evaluations of the same compiled rules never share anything.
 */
import type { CompiledRules } from '../compile/ir.js';
import type { TraceEvent } from '../report/types.js';
import { abort } from './abort.js';
import { Recorder } from './recorder.js';

const CHECK_DEADLINE_EVERY = 256;

export class EvaluationState {
  readonly recorder: Recorder;
  readonly trace: TraceEvent[] | null;
  private depth = 0;
  private steps = 0;

  constructor(
    readonly rules: CompiledRules,
    options: { record: boolean; trace: boolean; deadline: number | null; maxDepth: number },
  ) {
    this.recorder = new Recorder(options.record);
    this.trace = options.trace ? [] : null;
    this.deadline = options.deadline;
    this.maxDepth = options.maxDepth;
  }

  private readonly deadline: number | null;
  private readonly maxDepth: number;

  /** Called once per clause: cheap, looks at the clock only every few hundred calls. */
  tick(): void {
    if (this.deadline === null) return;
    if (++this.steps % CHECK_DEADLINE_EVERY === 0 && Date.now() > this.deadline) {
      abort('deadline-exceeded', 'evaluation exceeded its deadline');
    }
  }

  /** Runs `body` one level deeper (rule references, parameterized calls, filters). */
  nested<T>(body: () => T): T {
    if (this.depth + 1 > this.maxDepth) {
      abort('depth-exceeded', `evaluation nested deeper than ${this.maxDepth} levels (rules referencing each other in a loop?)`);
    }
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }
}
