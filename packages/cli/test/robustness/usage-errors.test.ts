// Usage errors end like cfn-guard's (clap): exit 2, the offending flag named, then the usage line.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/in-process.js';

describe('usage errors', () => {
  it.each(['validate', 'test'])('an unknown flag to %s is exit 2 naming the flag, then the usage line', { timeout: 10_000 }, (command) => {
    const result = runInProcess([command, '--no-such-flag', '-r', 'r.guard'], { cwd: process.cwd() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect(result.stderr).toMatch(new RegExp(`^Usage: guardts ${command} `, 'm'));
    expect(result.stderr).not.toMatch(/^ {4}at /m);
  });

  it('a missing option value is exit 2 with the usage line too', { timeout: 10_000 }, () => {
    const result = runInProcess(['validate', '-r', 'r.guard', '-o'], { cwd: process.cwd() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--output-format/);
    expect(result.stderr).toMatch(/^Usage: guardts validate /m);
  });
});
