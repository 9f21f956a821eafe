/**
 * Whether this process started from guardts' V8 startup snapshot (snapshot-entry.ts). Node aborts
 * when such a process starts a worker thread (an assertion in its stream bindings, Node 22), so a
 * batch that wants workers is run again by a process started the ordinary way: a start-up more,
 * on a batch long enough to deserve threads.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let fromSnapshot = false;

export function markStartedFromSnapshot(): void {
  fromSnapshot = true;
}

export function startedFromSnapshot(): boolean {
  return fromSnapshot;
}

/**
 * Runs `guardts <argv>` in a child started from bin/guardts.mjs, on this process's stdio; resolves
 * to its exit code. `import.meta.url` is dist/bundle's (scripts/bundle.mjs points the snapshot's at it).
 */
export function rerunWithoutSnapshot(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const bin = fileURLToPath(new URL('../../bin/guardts.mjs', import.meta.url));
  // The launcher's cap on V8's semi-spaces (bin/guardts) holds for the batch's own process too.
  const heapFlags = process.execArgv.filter((flag) => flag.startsWith('--max-semi-space-size='));
  const result = spawnSync(process.execPath, [...heapFlags, bin, ...argv], { stdio: 'inherit', env });
  if (result.error !== undefined || result.status === null) {
    process.stderr.write(`Error occurred guardts could not start its worker process: ${result.error?.message ?? `signal ${result.signal}`}\n`);
    return 255;
  }
  return result.status;
}
