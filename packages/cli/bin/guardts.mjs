#!/usr/bin/env node
// The bundled CLI starts fastest; the unbundled build is the fallback during development.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Reuses V8's compiled code across runs (kept in the OS temp dir): most of a cold start is compiling the bundle.
module.enableCompileCache?.();

// bin/guardts found no startup snapshot for this node: build it in the background for the next start.
const snapshotBlob = process.env.GUARDTS_BUILD_SNAPSHOT;
if (snapshotBlob !== undefined) {
  delete process.env.GUARDTS_BUILD_SNAPSHOT;
  const { spawn } = await import('node:child_process');
  try {
    const builder = spawn(process.execPath, [fileURLToPath(new URL('snapshot-blob.mjs', import.meta.url)), snapshotBlob], { detached: true, stdio: 'ignore' });
    builder.on('error', () => {});
    builder.unref();
  } catch {
    // Only a slower next start.
  }
}

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(bundled)) ? bundled : new URL('../dist/main.js', import.meta.url);
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
