/**
 * The worker side of the split: an io that records what `runValidate` writes and an engine
 * wrapper that cuts the record at every rules file. `runValidate` compiles each rules file just
 * before evaluating it against the data, so a `compileRules` call marks a segment boundary; no
 * change to `runValidate` is needed, and the worker prints exactly what the main thread would.
 */
import type { GuardEngine } from '../../engine/guard-engine.js';
import type { CommandIo } from '../../io.js';
import type { Segment, WorkerMessage, Write } from './segments.js';

interface OpenSegment {
  readonly index: number;
  readonly writes: Write[];
  parseError: boolean;
  failed: boolean;
}

export class SegmentRecorder {
  private readonly preamble: Write[] = [];
  private current: OpenSegment | null = null;
  private evaluations = 0;
  private lastProgress = 0;

  constructor(private readonly post: (message: WorkerMessage) => void) {}

  io(base: Pick<CommandIo, 'env' | 'cwd'>, stdoutIsTTY: boolean): CommandIo {
    const writer = (stream: Write['stream']) => (text: string) => this.record({ stream, text });
    return {
      stdout: { write: writer('stdout'), isTTY: stdoutIsTTY },
      stderr: { write: writer('stderr'), isTTY: false },
      // A worker only runs with data files named by `-d`: standard input stays with the main thread.
      readStdin: () => '',
      env: base.env,
      cwd: base.cwd,
    };
  }

  engine(inner: GuardEngine): GuardEngine {
    return {
      compileRules: (text, fileName) => {
        this.startSegment();
        const compiled = inner.compileRules(text, fileName);
        if (!compiled.ok) this.current!.parseError = true;
        return compiled;
      },
      loadDocument: (text, name) => inner.loadDocument(text, name),
      loadTestSpecDocument: (text, name) => inner.loadTestSpecDocument(text, name),
      mergeDocuments: (first, second) => inner.mergeDocuments(first, second),
      evaluate: (rules, document, dataName, options) => {
        const evaluation = inner.evaluate(rules, document, dataName, options);
        if (evaluation.ok && evaluation.value.status === 'FAIL' && this.current !== null) this.current.failed = true;
        this.evaluations += 1;
        this.reportProgress();
        return evaluation;
      },
    };
  }

  /** The run returned `exitCode`: sends the last segment (if any) and the end. */
  finish(exitCode: number, stoppedByError: boolean): void {
    if (this.current !== null) this.post({ type: 'segment', segment: this.close(this.current, stoppedByError) });
    this.current = null;
    this.post({ type: 'progress', evaluations: this.evaluations });
    this.post({ type: 'done', exitCode });
  }

  private record(write: Write): void {
    const writes = this.current?.writes ?? this.preamble;
    const last = writes.at(-1);
    // Many small writes become one string per stream run: fewer, larger messages.
    if (last !== undefined && last.stream === write.stream) writes[writes.length - 1] = { stream: write.stream, text: last.text + write.text };
    else writes.push(write);
  }

  private startSegment(): void {
    if (this.current === null) this.post({ type: 'preamble', writes: this.preamble });
    else this.post({ type: 'segment', segment: this.close(this.current, false) });
    this.current = { index: (this.current?.index ?? -1) + 1, writes: [], parseError: false, failed: false };
  }

  private close(open: OpenSegment, stopped: boolean): Segment {
    return { index: open.index, writes: open.writes, parseError: open.parseError, failed: open.failed, stopped };
  }

  private reportProgress(): void {
    const now = Date.now();
    if (now - this.lastProgress < 100) return;
    this.lastProgress = now;
    this.post({ type: 'progress', evaluations: this.evaluations });
  }
}
