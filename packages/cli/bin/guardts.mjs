#!/usr/bin/env node
// The bundled CLI starts fastest; the unbundled build is the fallback during development.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(bundled)) ? bundled : new URL('../dist/main.js', import.meta.url);
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
