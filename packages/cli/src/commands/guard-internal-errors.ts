/**
 * A bug must not show a user a stack trace: an unexpected exception inside a command becomes a
 * one-line runtime error (exit 255), with the stack only when GUARDTS_DEBUG is set.
 */
import { EXIT_RUNTIME_ERROR } from '../exit-codes.js';
import type { CommandIo } from '../io.js';

export function withInternalErrorGuard(io: CommandIo, body: () => number): number {
  try {
    return body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Error occurred internal error: ${message}\n`);
    if (io.env.GUARDTS_DEBUG !== undefined && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return EXIT_RUNTIME_ERROR;
  }
}
