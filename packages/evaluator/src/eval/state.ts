/**
 * Per-evaluation state shared by every scope: the recorder, the trace, the limits. One instance per
 * `evaluate` call, so concurrent evaluations of the same compiled rules never share anything.
 */
import type { CompiledRules } from '../compile/ir.js';
import { abort } from './abort.js';
import { Recorder, type RecorderLimits } from './recorder.js';
import { TracingRecorder } from './trace-recorder.js';

const CHECK_DEADLINE_EVERY = 256;
/** A disabled recorder keeps no state, so verdicts-only evaluations share one. */
const NOT_RECORDING = new Recorder(false);

export class EvaluationState {
  readonly recorder: Recorder;
  /**
   * Whether a recording filter records the checks it runs on each candidate (the verbose tree
   * prints them) or, where the type index answers it, only each candidate's outcome (all that
   * reports built from the events read).
   */
  readonly recordFilterClauses: boolean;
  /** The recorder again when an `--explain` trace is recorded, else null (check it before tracing anything). */
  readonly trace: TracingRecorder | null;
  private depth = 0;
  private steps = 0;

  constructor(
    readonly rules: CompiledRules,
    options: { record: boolean; trace: boolean; deadline: number | null; maxDepth: number; recordFilterClauses?: boolean; recorderLimits?: RecorderLimits },
  ) {
    this.recordFilterClauses = options.recordFilterClauses ?? true;
    this.trace = options.trace ? new TracingRecorder(options.recorderLimits) : null;
    this.recorder = this.trace ?? (options.record ? new Recorder(true, options.recorderLimits) : NOT_RECORDING);
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
