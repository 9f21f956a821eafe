#!/usr/bin/env node
// Speed of Guard regexes (`compileGuardRegex`): compiling a set of real-world patterns, matching
// them on V8, the same patterns forced onto the linear engine (re2js) for comparison, and the
// catastrophic case `^(a+)+$` on 5,000 `a`s followed by `!`, which V8 alone would never finish.
// Needs a build (`pnpm build`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const distEntry = join(root, 'packages', 'evaluator', 'dist', 'index.js');

console.log('## regex: Guard regexes (Rust syntax) on V8 and on the linear engine');
console.log('');
if (!existsSync(distEntry)) {
  console.log(`FAILED: ${distEntry} is missing; run \`pnpm build\` first.`);
  process.exit(1);
}
const { compileGuardRegex } = await import(distEntry);
const { compileGuardRegexOn } = await import(join(root, 'packages', 'evaluator', 'dist', 'regex', 'guard-regex.js'));

const PATTERNS = [
  '\\A\\s*\\z',
  '^arn:aws[\\w-]*:s3:::[a-z0-9.-]+$',
  '(?i)^(true|false)$',
  '^(?:\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$',
  '^[[:alpha:]][[:alnum:]_-]{2,62}$',
  '(?i)^arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]{36}$',
];
const INPUTS = ['', '   ', 'arn:aws:s3:::my-bucket.logs', 'TRUE', '10.0.0.0/16', 'my_bucket-01', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'];
const ROUNDS = 20_000;

function time(action) {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const compileMs = time(() => {
  for (const pattern of PATTERNS) if (!compileGuardRegex(pattern).ok) throw new Error(pattern);
});

function matchRate(engine) {
  const regexes = PATTERNS.map((pattern) => {
    const compiled = compileGuardRegexOn(pattern, engine);
    if (!compiled.ok) throw new Error(`${pattern}: ${compiled.message}`);
    return compiled.regex;
  });
  let matches = 0;
  const run = () => {
    for (let round = 0; round < ROUNDS; round++) for (const regex of regexes) for (const input of INPUTS) if (regex.test(input)) matches++;
  };
  run(); // warm-up
  const ms = time(run);
  const tests = ROUNDS * regexes.length * INPUTS.length;
  return { ms, perSecond: Math.round(tests / (ms / 1000)), matches };
}

const onV8 = matchRate('v8');
const onRe2 = matchRate('re2');
if (onV8.matches !== onRe2.matches) throw new Error(`engines disagree: ${onV8.matches} vs ${onRe2.matches} matches`);

const nearMiss = `${'a'.repeat(5000)}!`;
const explosive = compileGuardRegex('^(a+)+$');
if (!explosive.ok) throw new Error(explosive.message);
let explosiveResult;
const explosiveMs = time(() => {
  explosiveResult = explosive.regex.test(nearMiss);
});

console.log('| measure | value |');
console.log('|---|---|');
console.log(`| first compile of ${PATTERNS.length} patterns (cold, incl. translation) | ${compileMs.toFixed(1)} ms |`);
console.log(`| tests/s on V8 (${PATTERNS.length} patterns × ${INPUTS.length} inputs) | ${onV8.perSecond.toLocaleString('en-US')} |`);
console.log(`| tests/s on re2js, same patterns forced | ${onRe2.perSecond.toLocaleString('en-US')} |`);
console.log(`| \`^(a+)+$\` on 5,000 a + "!" (engine: ${explosive.regex.engineName}) | ${explosiveMs.toFixed(1)} ms, match=${explosiveResult} |`);
