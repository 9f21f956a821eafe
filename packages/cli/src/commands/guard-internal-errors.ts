/**
 * A bug must not show a user a stack trace: an unexpected exception inside a command becomes a
 * one-line runtime error (exit 255), with the stack only when GUARDTS_DEBUG is set.
 */
import { ReportTooLargeError } from '@guardts/evaluator';
import { EXIT_RUNTIME_ERROR } from '../exit-codes.js';
import type { CommandIo } from '../io.js';

export function withInternalErrorGuard(io: CommandIo, body: () => number): number {
  try {
    return body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ReportTooLargeError) {
      io.stderr.write(`Error occurred ${message} while printing it; narrow the rule, or give node more heap (NODE_OPTIONS=--max-old-space-size=<MiB>)\n`);
      return EXIT_RUNTIME_ERROR;
    }
    if (error instanceof RangeError && message === 'Invalid string length') {
      // Not a bug: a report (a cross product's, typically) longer than V8's longest string.
      io.stderr.write('Error occurred the report is too large to print (longer than the 2^29 characters a JavaScript string can hold); narrow the rule or the data\n');
      return EXIT_RUNTIME_ERROR;
    }
    io.stderr.write(`Error occurred internal error: ${message}\n`);
    if (io.env.GUARDTS_DEBUG !== undefined && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return EXIT_RUNTIME_ERROR;
  }
}
