/**
 * The progress line of long `validate` batches: `validated 57/151 data files (12 s)` on stderr,
 * redrawn in place. Only for a person watching a terminal: never when stderr is not a TTY, never
 * when stdout carries machine output (`-o json|yaml|junit|sarif`, `-p`), never with
 * `--no-progress`; and only once a batch has run for more than a second.
 */
import type { OutputFormat } from '../validate-options.js';

/** The line appears only after the batch has run this long: short runs stay silent. */
export const PROGRESS_DELAY_MS = 1000;
const REDRAW_EVERY_MS = 100;

export interface ProgressSettings {
  readonly progressFlag: boolean;
  readonly stderrIsTTY: boolean;
  readonly outputFormat: OutputFormat;
  readonly printJson: boolean;
  readonly structured: boolean;
  readonly dataFiles: number;
}

export function progressWanted(settings: ProgressSettings): boolean {
  if (!settings.progressFlag || !settings.stderrIsTTY) return false;
  if (settings.outputFormat !== 'single-line-summary' || settings.printJson || settings.structured) return false;
  return settings.dataFiles > 1;
}

export function progressText(validated: number, total: number, elapsedMs: number): string {
  return `validated ${validated}/${total} data files (${Math.floor(elapsedMs / 1000)} s)`;
}

/**
 * Counts evaluations (rules file x data document) and shows them as data files: the run goes
 * rules file by rules file, so `evaluations / rules files` data files are done on average.
 */
export class ProgressLine {
  private drawn = false;
  private lastDraw = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly dataFiles: number,
    private readonly rulesFiles: number,
    private readonly startedAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  update(evaluations: number): void {
    const now = this.now();
    const elapsed = now - this.startedAt;
    if (elapsed <= PROGRESS_DELAY_MS || now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const validated = Math.min(this.dataFiles, Math.floor(evaluations / Math.max(1, this.rulesFiles)));
    this.write(`\r${progressText(validated, this.dataFiles, elapsed)}\x1b[K`);
    this.drawn = true;
  }

  /** Removes the line (before other output, and at the end); it is drawn again on the next update. */
  clear(): void {
    if (!this.drawn) return;
    this.write('\r\x1b[K');
    this.drawn = false;
  }
}
