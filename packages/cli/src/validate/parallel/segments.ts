/**
 * What a worker sends back: the output of its share of the data files, cut into one segment per
 * rules file. `validate` prints rules file by rules file (each against every data file in order),
 * so the main thread rebuilds the single-threaded output by printing segment k of worker 0, 1, …
 * before segment k + 1 (merge-segments.ts).
 */
export interface Write {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface Segment {
  /** The rules file's position among the rules files. */
  readonly index: number;
  readonly writes: readonly Write[];
  /** The rules file did not parse: every worker printed the same message, printed once. */
  readonly parseError: boolean;
  /** Some data file of this share FAILed this rules file. */
  readonly failed: boolean;
  /** The run stopped inside this segment with a runtime error (exit 255): nothing follows it. */
  readonly stopped: boolean;
}

/** Everything written before the first rules file (data file warnings of a document mode). */
export interface WorkerPreamble {
  readonly type: 'preamble';
  readonly writes: readonly Write[];
}

export interface WorkerSegment {
  readonly type: 'segment';
  readonly segment: Segment;
}

export interface WorkerProgress {
  readonly type: 'progress';
  /** Evaluations (rules file x data document) done so far by this worker. */
  readonly evaluations: number;
}

/**
 * The worker's run is over. Without a preamble before it, the run failed before the first rules
 * file (a data file that does not load, …): the main thread then runs single-threaded, which
 * reports exactly the error the reference would, in its order.
 */
export interface WorkerDone {
  readonly type: 'done';
  readonly exitCode: number;
}

export type WorkerMessage = WorkerPreamble | WorkerSegment | WorkerProgress | WorkerDone;

/** What the main thread gives a worker (`workerData`). */
export interface WorkerInput {
  /** The `validate` arguments as given: the worker parses them as the main thread did. */
  readonly argv: readonly string[];
  /** This worker's data files (canonical paths), a contiguous run of the main thread's list. */
  readonly dataFiles: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
}
