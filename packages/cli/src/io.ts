/**
 * The outside world of a command, injectable so that parity suites can run thousands of
 * invocations in-process and capture exactly what a user would see.
 */
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';

export interface OutputStream {
  write(text: string): void;
  /** Whether the stream is a terminal (colour is used only then). */
  readonly isTTY?: boolean;
}

export interface CommandIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The whole of standard input as text (read only when a command needs it). */
  readStdin(): string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
}

export function processIo(): CommandIo {
  return {
    // isatty, not process.stdout.isTTY: a stream is built only when something is written (~0.5 ms each at start-up).
    stdout: { write: (text) => void process.stdout.write(text), isTTY: isatty(1) },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: isatty(2) },
    readStdin: () => {
      try {
        return readFileSync(0, 'utf8');
      } catch {
        return '';
      }
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** An io that records what is written; for tests and the in-process parity suites. */
export interface CapturedIo extends CommandIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function captureIo(options: { stdin?: string; cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text) => void out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text) => void err.push(text), isTTY: options.tty ?? false },
    readStdin: () => options.stdin ?? '',
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
