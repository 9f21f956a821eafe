#!/usr/bin/env node
// Cost of building per-resource documents: every resource of the dev templates (or the seed when
// ../shared is absent) in each mode, and the Lambda hook handler on one RESOURCE event. Imports the
// built @guardts/config-adapter (`pnpm build`). Prints a markdown table (median of 5 rounds).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { compileHookRules, documentsForTemplate, handleLambdaHook, parseTemplateText } = await import(join(root, 'packages', 'config-adapter', 'dist', 'index.js'));
const shared = process.env.GUARDTS_SHARED_DIR ?? join(root, '..', 'shared');
const templatesDir = join(shared, 'corpus', 'templates-dev', 'templates');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ya?ml|json|template)$/.test(name) ? [path] : [];
  });
}

const sources = existsSync(templatesDir) ? files(templatesDir) : [join(root, 'examples', 'seed', 'template-passthrough.yaml')];
const templates = sources
  .map((path) => parseTemplateText(readFileSync(path, 'utf8'), path))
  .filter((parsed) => parsed.ok && parsed.template && typeof parsed.template === 'object' && parsed.template.Resources)
  .map((parsed) => parsed.template);
const resourceCount = templates.reduce((n, t) => n + Object.keys(t.Resources).length, 0);

function median(fn, rounds = 5) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)];
}

const lines = [
  `## Config projection and hook documents (median of 5, ${templates.length} templates, ${resourceCount} resources)`,
  '',
  '| mode | total ms | µs per resource |',
  '|---|---:|---:|',
];
for (const mode of ['config-item', 'hook', 'guard-hook']) {
  const ms = median(() => {
    for (const template of templates) documentsForTemplate(template, 't.yaml', mode);
  });
  lines.push(`| ${mode} | ${ms.toFixed(1)} | ${((1000 * ms) / Math.max(1, resourceCount)).toFixed(1)} |`);
}

const rules = compileHookRules([{ fileName: 'seed.guard', text: readFileSync(join(root, 'examples', 'seed', 'lambda_tracing_config_item.guard'), 'utf8'), as: 'config-item' }]);
const event = JSON.parse(readFileSync(join(root, 'examples', 'lambda-hook', 'test', 'events', 'create-passthrough.json'), 'utf8'));
const invocations = 200;
const started = performance.now();
for (let i = 0; i < invocations; i++) await handleLambdaHook(rules.files, event);
lines.push('', `handleLambdaHook, RESOURCE event, seed rule: ${((performance.now() - started) / invocations).toFixed(2)} ms per invocation (${invocations} warm invocations)`);
console.log(lines.join('\n'));
