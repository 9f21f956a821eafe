import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/io.js';
import { parseTestArgs } from '../../src/test-command/parse-test-args.js';
import { parseValidateArgs } from '../../src/validate/parse-validate-args.js';

function validate(...argv: string[]) {
  const io = captureIo();
  return { parsed: parseValidateArgs(argv, io), stderr: io.err() };
}

describe('validate flags', () => {
  it('collects several values per flag and repeated flags, in order', () => {
    const { parsed } = validate('-r', 'a.guard', 'b.guard', '-d', 'x.yaml', '-r', 'c.guard', '-S', 'pass,skip', '-S', 'fail');
    expect(parsed.ok && parsed.options).toMatchObject({ rules: ['a.guard', 'b.guard', 'c.guard'], data: ['x.yaml'], showSummary: ['pass', 'skip', 'fail'] });
  });
  it('reads the data from stdin when -d has no value', () => {
    const { parsed } = validate('-r', 'a.guard', '-d');
    expect(parsed.ok && parsed.options.data).toEqual([]);
  });
  it.each([
    [['-r', 'a.guard', '-z', '-o', 'json', '-S', 'none', '-v']],
    [['-r', 'a.guard', '-z', '-o', 'json', '-S', 'none', '-p']],
    [['-r', 'a.guard', '-a', '-m']],
    [['-r', 'a.guard', '-P']],
    [['-d', 'x.yaml', '-P']],
    [['-r', 'a.guard', '-t', 'Terraform']],
    [['-r', 'a.guard', '-S', 'most']],
    [['-r', 'a.guard', '-o', 'xml']],
    [['-r', 'a.guard', '--input-parameters', 'p.yaml']],
    [['-d', 'x.yaml']],
    [['-r']],
    [[]],
  ])('rejects %j with exit 2', (argv) => {
    const { parsed, stderr } = validate(...argv);
    expect(parsed).toEqual({ ok: false, exitCode: 2 });
    expect(stderr).not.toBe('');
  });
});

describe('test flags', () => {
  it('accepts -r with -t, and -d alone', () => {
    const io = captureIo();
    expect(parseTestArgs(['-r', 'a.guard', '-t', 'specs'], io)).toMatchObject({ ok: true, options: { rulesFile: 'a.guard', testData: 'specs', directory: null } });
    expect(parseTestArgs(['-d', 'dir', '-o', 'json'], io)).toMatchObject({ ok: true, options: { directory: 'dir', outputFormat: 'json' } });
  });
  it('rejects -r without -t (the reference panics) with exit 2', () => {
    expect(parseTestArgs(['-r', 'a.guard'], captureIo())).toEqual({ ok: false, exitCode: 2 });
  });
});
