#!/usr/bin/env node
// The bundled CLI starts fastest; the unbundled build is the fallback during development.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Reuses V8's compiled code across runs (kept in the OS temp dir): most of a cold start is compiling the bundle.
module.enableCompileCache?.();

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(bundled)) ? bundled : new URL('../dist/main.js', import.meta.url);
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
