// The watch command in-process (no build needed): real fs.watch, captured io, and an emitter in
// place of the process's signals.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/commands/watch.js';
import { EXIT_OK, EXIT_RUNTIME_ERROR, EXIT_USAGE } from '../../src/exit-codes.js';
import { captureIo, type CapturedIo } from '../../src/io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guardts-watch-command-'));
  writeFileSync(join(dir, 'rules.guard'), 'rule enabled {\n  status == "on"\n}\n');
  writeFileSync(join(dir, 'data.json'), '{"status": "on"}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Polls captured stdout until it matches (output arrives from fs.watch callbacks). */
async function stdoutMatching(io: CapturedIo, pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 10) {
    if (pattern.test(io.out())) return io.out();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${pattern} in:\n${io.out()}\nstderr:\n${io.err()}`);
}

describe('watch command', () => {
  it('reports, re-reports after a save, and returns 0 on SIGINT', async () => {
    const io = captureIo({ cwd: dir });
    const signals = new EventEmitter();
    const exit = run(['-r', 'rules.guard', '-d', 'data.json', '-o', 'json', '-S', 'none'], io, signals);
    await stdoutMatching(io, /^watch: PASS \(0 fail, 1 pass, 0 skip\)$/m);
    writeFileSync(join(dir, 'data.json'), '{"status": "off"}');
    const output = await stdoutMatching(io, /^watch: FAIL /m);
    expect(output).toMatch(/^=== \[[\d:.]+\] data\.json changed ===$/m);
    // -o json: the pair's report object, as validate prints it.
    expect(output).toContain('"status": "FAIL"');
    signals.emit('SIGINT');
    expect(await exit).toBe(EXIT_OK);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('stops on SIGTERM too', async () => {
    const io = captureIo({ cwd: dir });
    const signals = new EventEmitter();
    const exit = run(['-r', 'rules.guard', '-d', 'data.json'], io, signals);
    await stdoutMatching(io, /^watch: /m);
    signals.emit('SIGTERM');
    expect(await exit).toBe(EXIT_OK);
  });

  it('fails at once on a missing path (255) and on a bad flag (2)', async () => {
    const missing = captureIo({ cwd: dir });
    expect(await run(['-r', 'rules.guard', '-d', 'gone.yaml'], missing, new EventEmitter())).toBe(EXIT_RUNTIME_ERROR);
    expect(missing.err()).toBe('Error occurred The path `gone.yaml` does not exist\n');
    const usage = captureIo({ cwd: dir });
    expect(await run(['-r', 'rules.guard', '-d', 'data.json', '--as', 'stack'], usage, new EventEmitter())).toBe(EXIT_USAGE);
    expect(usage.err()).toMatch(/invalid value 'stack' for '--as <MODE>'/);
  });
});
