// Bundles the CLI into dist/bundle/ (one chunk per sub-command) so that a cold start loads a
// few files instead of hundreds of modules. The AWS SDK stays external: only the commands that
// talk to Config import it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildSnapshotBlob, snapshotBlobPath } from '../bin/snapshot-blob.mjs';
import { chevrotainCharCodeMap, lazyBuiltins, lazyPackages } from './snapshot-plugins.mjs';

// Chunk names change with their contents: without this, every build's chunks pile up beside the last.
const bundleDir = new URL('../dist/bundle', import.meta.url).pathname;
rmSync(bundleDir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: new URL('../src/main.ts', import.meta.url).pathname,
    // `validate --jobs`: the script each worker thread runs (src/validate/parallel/run-in-workers.ts).
    'validate-worker': new URL('../src/validate/parallel/validate-worker.ts', import.meta.url).pathname,
  },
  outdir: bundleDir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  conditions: ['source'],
  external: ['@aws-sdk/*', '@smithy/*'],
  banner: { js: "import { createRequire as __guardtsCreateRequire } from 'node:module'; const require = __guardtsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The V8 startup snapshot's entry (src/snapshot-entry.ts, bin/guardts): one CommonJS script, as
// `node --build-snapshot` requires, with `validate` and `test` in it. `import.meta.url` stands for
// the ESM bundle's main.js, so that paths beside it (the worker script) resolve into dist/bundle.
const snapshotDir = new URL('../dist/snapshot', import.meta.url).pathname;
rmSync(snapshotDir, { recursive: true, force: true }); // blobs of the previous bundle are stale
await build({
  entryPoints: { guardts: new URL('../src/snapshot-entry.ts', import.meta.url).pathname },
  outdir: snapshotDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  conditions: ['source'],
  external: ['@aws-sdk/*', '@smithy/*'],
  define: { 'import.meta.url': '__guardtsBundleUrl' },
  // The source text lives in the snapshot's heap, which every start deserialises: the smaller, the
  // faster (docs/performance.md, "Cold start"). Property names are kept, and so is what the CLI prints.
  minify: true,
  plugins: [chevrotainCharCodeMap, lazyBuiltins(), lazyPackages()],
  banner: { js: "var __guardtsBundleUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'bundle', 'main.js')).href;" },
  logLevel: 'warning',
});

// The blob for the node running the build (others are built on first use, bin/guardts). Never fatal.
const built = buildSnapshotBlob(process.execPath, snapshotBlobPath(process.execPath));
if (!built.ok) console.warn(`bundle: no startup snapshot (${built.message}); the CLI starts without it`);
