// `guardts watch` as a user runs it (needs `pnpm build`): the built CLI in a child process, files
// edited the way editors save them, output awaited without any timing assertion.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardtsBin } from '../../../../test-support/guardts-cli.js';
import { repoRoot } from '../../../../test-support/shared-corpus.js';

const built = existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'main.js')) || existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'bundle', 'main.js'));
const seed = (name: string): string => readFileSync(join(repoRoot, 'examples', 'seed', name), 'utf8');
const WAIT_MS = 20_000;

/**
 * A running `guardts watch` whose output is collected as it arrives. Waits are for the run the
 * test expects, not for the next run: a write in place can be seen half done (an empty file) by
 * a run of its own on a loaded machine.
 */
class WatchProcess {
  stdout = '';
  stderr = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private listeners: (() => void)[] = [];

  constructor(args: readonly string[], cwd: string) {
    const { NO_COLOR: _n, CLICOLOR_FORCE: _f, ...env } = process.env;
    this.child = spawn(process.execPath, [guardtsBin, 'watch', ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => this.received(() => (this.stdout += chunk.toString())));
    this.child.stderr?.on('data', (chunk: Buffer) => this.received(() => (this.stderr += chunk.toString())));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  private received(append: () => void): void {
    append();
    for (const listener of this.listeners) listener();
  }

  /** The stdout written after `offset`, once it matches `pattern` (stderr is awaited with `stream`). */
  async output(pattern: RegExp, offset = 0, stream: 'stdout' | 'stderr' = 'stdout'): Promise<string> {
    const current = (): string => this[stream].slice(offset);
    if (pattern.test(current())) return current();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} on ${stream} within ${WAIT_MS} ms; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`)), WAIT_MS);
      const check = (): void => {
        if (!pattern.test(current())) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== check);
        resolve(current());
      };
      this.listeners.push(check);
    });
  }

  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  async exit(): Promise<number | null> {
    return this.exited;
  }

  /** Stops reading stdout, as `guardts watch | head -n 3` does once head has its lines. */
  closeStdout(): void {
    this.child.stdout?.destroy();
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

describe('guardts watch (built CLI)', () => {
  if (!built) {
    it.skip('SKIPPED: packages/cli is not built (run `pnpm build` first)', () => {});
    return;
  }
  let dir: string;
  let watcher: WatchProcess | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'guardts-watch-cli-'));
  });
  afterEach(() => {
    watcher?.kill();
    watcher = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Saves the way many editors do: a temporary file renamed over the original (a new inode). */
  const saveByRename = (name: string, text: string): void => {
    writeFileSync(join(dir, `.${name}.tmp`), text);
    renameSync(join(dir, `.${name}.tmp`), join(dir, name));
  };

  it('flips PASS -> FAIL on a template save, reports a rules syntax error with its location, recovers, and exits 0 on Ctrl-C', async () => {
    writeFileSync(join(dir, 'rules.guard'), seed('lambda_tracing_config_item.guard'));
    writeFileSync(join(dir, 'template.yaml'), seed('template-active.yaml'));
    watcher = new WatchProcess(['-r', 'rules.guard', '-d', 'template.yaml', '--as', 'config-item'], dir);
    const first = await watcher.output(/^watch: /m);
    expect(first).toMatch(/^=== \[[\d:.]+\] watching 1 rules file and 1 data file ===$/m);
    expect(first).toMatch(/^watch: PASS \(0 fail, 1 pass, 1 skip\)$/m);

    let offset = watcher.stdout.length;
    saveByRename('template.yaml', seed('template-passthrough.yaml'));
    const failed = await watcher.output(/^watch: FAIL /m, offset);
    expect(failed).toMatch(/^=== \[[\d:.]+\] template\.yaml changed ===$/m);
    expect(failed).toContain('template.yaml#MyLambdaFunction Status = FAIL');
    expect(failed).toContain('provided value ["PassThrough"] did not match expected value ["Active"]');
    expect(failed).toMatch(/^watch: FAIL \(1 fail, 0 pass, 1 skip\)$/m);

    offset = watcher.stdout.length;
    const errOffset = watcher.stderr.length;
    writeFileSync(join(dir, 'rules.guard'), 'rule lambda_tracing_check {\n  configuration.tracingConfig.mode ==\n}\n');
    const broken = await watcher.output(/does not parse[^]*^watch: /m, offset);
    expect(broken).toMatch(/^=== \[[\d:.]+\] rules\.guard does not parse \(last good version kept\) ===$/m);
    expect(broken).toMatch(/^watch: FAIL \(1 fail, 0 pass, 1 skip; not parsing: rules\.guard\)$/m);
    expect(await watcher.output(/rules\.guard:3:1: /, errOffset, 'stderr')).toMatch(/^rules\.guard:3:1: expected a value after `==`/m);

    offset = watcher.stdout.length;
    saveByRename('rules.guard', seed('lambda_tracing_config_item.guard').replace('== "Active"', 'in ["Active", "PassThrough"]'));
    const recovered = await watcher.output(/^watch: PASS /m, offset);
    expect(recovered).toMatch(/^=== \[[\d:.]+\] rules\.guard changed ===$/m);
    expect(recovered).toMatch(/^watch: PASS \(0 fail, 1 pass, 1 skip\)$/m);

    expect(await watcher.interrupt()).toBe(0);
  });

  it('sees data files added to and deleted from a watched directory', async () => {
    writeFileSync(join(dir, 'rules.guard'), 'rule enabled {\n  status == "on"\n}\n');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'a.yaml'), 'status: on\n');
    watcher = new WatchProcess(['-r', 'rules.guard', '-d', 'data', '-S', 'all'], dir);
    expect(await watcher.output(/^watch: /m)).toMatch(/^watch: PASS \(0 fail, 1 pass, 0 skip\)$/m);

    let offset = watcher.stdout.length;
    writeFileSync(join(dir, 'data', 'b.json'), '{"status": "off"}');
    const added = await watcher.output(/^watch: FAIL /m, offset);
    expect(added).toMatch(/^=== \[[\d:.]+\] data\/b\.json added ===$/m);
    expect(added).toContain(`${join(dir, 'data', 'b.json')} Status = FAIL`);
    expect(added).toMatch(/^watch: FAIL \(1 fail, 1 pass, 0 skip\)$/m);

    offset = watcher.stdout.length;
    unlinkSync(join(dir, 'data', 'b.json'));
    const removed = await watcher.output(/removed[^]*^watch: /m, offset);
    expect(removed).toMatch(/^=== \[[\d:.]+\] data\/b\.json removed ===$/m);
    expect(removed).toMatch(/^watch: PASS \(0 fail, 1 pass, 0 skip\)$/m);

    expect(await watcher.interrupt()).toBe(0);
  });

  it('ends quietly with 0 when the reader of its output goes away', async () => {
    writeFileSync(join(dir, 'rules.guard'), 'rule enabled {\n  status == "on"\n}\n');
    writeFileSync(join(dir, 'data.yaml'), 'status: on\n');
    watcher = new WatchProcess(['-r', 'rules.guard', '-d', 'data.yaml'], dir);
    await watcher.output(/^watch: PASS /m);
    watcher.closeStdout();
    writeFileSync(join(dir, 'data.yaml'), 'status: off\n');
    expect(await watcher.exit()).toBe(0);
    expect(watcher.stderr).toBe('');
  });

  it('refuses a missing path at start with validate\'s message and exit code', async () => {
    writeFileSync(join(dir, 'rules.guard'), 'rule r { a exists }\n');
    watcher = new WatchProcess(['-r', 'rules.guard', '-d', 'nope.yaml'], dir);
    expect(await watcher.output(/does not exist/, 0, 'stderr')).toBe('Error occurred The path `nope.yaml` does not exist\n');
    expect(await watcher.exit()).toBe(255);
  });
});
