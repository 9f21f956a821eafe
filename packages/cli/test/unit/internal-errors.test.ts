import { describe, expect, it } from 'vitest';
import { withInternalErrorGuard } from '../../src/commands/guard-internal-errors.js';
import { captureIo } from '../../src/io.js';

describe('unexpected exceptions in a command', () => {
  it('become a one-line runtime error with exit 255, without a stack trace', () => {
    const io = captureIo();
    const code = withInternalErrorGuard(io, () => {
      throw new Error('boom');
    });
    expect(code).toBe(255);
    expect(io.err()).toBe('Error occurred internal error: boom\n');
  });
  it('pass the command exit code through otherwise', () => {
    expect(withInternalErrorGuard(captureIo(), () => 19)).toBe(19);
  });
});
