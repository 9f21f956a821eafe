#!/usr/bin/env node
// Control Tower proactive controls as CloudFormation hooks see resources: every CT rule file of
// the dev corpus is run `--as hook` over each resource of each template it is paired with, the
// per-resource verdicts folded per template (FAIL > PASS > SKIP per rule), and the result compared
// with cfn-guard 3.1.1's verdict over the whole template (expected-dev.json). Needs `pnpm build`.
//
// Usage: node scripts/ct-hook-agreement.mjs [shared-dir] [--json]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const shared = resolve(args.find((a) => !a.startsWith('--')) ?? join(repoRoot, '..', 'shared'));
const corpus = join(shared, 'corpus');
const { compileRules, evaluate } = await import(join(repoRoot, 'packages', 'evaluator', 'dist', 'index.js'));
const { documentsForTemplate, hookDocument, parseTemplateText, jsonToValue } = await import(join(repoRoot, 'packages', 'config-adapter', 'dist', 'index.js'));

const expected = JSON.parse(readFileSync(join(corpus, 'templates-dev', 'expected-dev.json'), 'utf8'));
const pairs = expected.pairs.filter((pair) => pair.rules.startsWith('ct-rules/'));
const compiled = new Map();
const templates = new Map();
const rank = { FAIL: 2, PASS: 1, SKIP: 0 };
const fold = (a, b) => (rank[a] >= rank[b] ? a : b);

function rulesFor(path) {
  if (!compiled.has(path)) {
    const result = compileRules(readFileSync(join(corpus, path), 'utf8'), { fileName: path });
    compiled.set(path, result.ok ? result.rules : null);
  }
  return compiled.get(path);
}

function hookDocumentsFor(data) {
  if (!templates.has(data)) {
    const parsed = parseTemplateText(readFileSync(join(corpus, 'templates-dev', 'templates', data), 'utf8'), data);
    const built = parsed.ok ? documentsForTemplate(parsed.template, data, 'hook') : parsed;
    templates.set(data, built.ok ? built.documents : null);
  }
  return templates.get(data);
}

/** The resource types a rule file names (`AWS::X::Y` strings). */
function ruleTypes(path) {
  return new Set(readFileSync(join(corpus, path), 'utf8').match(/AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g) ?? []);
}

const intrinsicIn = (value) => /"(Ref|Fn::[A-Za-z]+)"/.test(JSON.stringify(value ?? null));

/** Hook documents of every resource with its properties as written (no intrinsic resolved, no condition decided). */
function rawHookStatuses(pair) {
  const parsed = parseTemplateText(readFileSync(join(corpus, 'templates-dev', 'templates', pair.data), 'utf8'), pair.data);
  const statuses = {};
  if (!parsed.ok) return statuses;
  for (const resource of Object.values(parsed.template.Resources ?? {})) {
    if (typeof resource?.Type !== 'string') continue;
    const properties = resource.Properties !== null && typeof resource.Properties === 'object' ? resource.Properties : {};
    const result = evaluate(rulesFor(pair.rules), jsonToValue(hookDocument(resource.Type, properties)), { record: false });
    if (result.ok) for (const verdict of result.report.rules) statuses[verdict.name] = fold(statuses[verdict.name] ?? 'SKIP', verdict.status);
  }
  return statuses;
}

const agrees = (expectedStatuses, statuses) => Object.entries(expectedStatuses).every(([name, status]) => (statuses[name] ?? 'SKIP') === status);

/**
 * Why the hook view differs from the template view, in the order the causes dominate: resources a
 * false condition leaves out, resources without properties (the hook branch gets an empty
 * resourceProperties map), values still unresolved, values resolved from parameters.
 */
function cause(pair) {
  const parsed = parseTemplateText(readFileSync(join(corpus, 'templates-dev', 'templates', pair.data), 'utf8'), pair.data);
  if (!parsed.ok) return 'template not loaded';
  const types = ruleTypes(pair.rules);
  const resources = Object.entries(parsed.template.Resources ?? {}).filter(([, r]) => types.has(r?.Type));
  const documents = (hookDocumentsFor(pair.data) ?? []).filter((d) => types.has(d.resourceType));
  const kept = new Set(documents.map((d) => d.logicalId));
  if (resources.some(([, r]) => r.Properties === undefined)) return 'no Properties: the hook branch sees an empty resourceProperties';
  // The same hook documents without resolving intrinsics: if they agree with the template view,
  // resolution made the difference.
  const rawAgrees = agrees(pair.statuses, rawHookStatuses(pair));
  if (rawAgrees) {
    if (resources.some(([id]) => !kept.has(id))) return 'condition false: the resource would not be deployed';
    return 'intrinsics resolved (parameter defaults, pseudo parameters, conditions)';
  }
  if (documents.some((d) => d.unresolved.length > 0)) return 'hook branch of the rule meets an unresolved intrinsic (Ref/GetAtt to a resource, parameter without default)';
  return 'rule branches differ on the same properties';
}

const rows = [];
for (const pair of pairs) {
  const rules = rulesFor(pair.rules);
  const documents = hookDocumentsFor(pair.data);
  if (rules === null || documents === null) {
    rows.push({ ...pair, hook: null, agree: false, why: rules === null ? 'rules do not compile' : 'template not loaded' });
    continue;
  }
  const statuses = {};
  const perResource = [];
  for (const document of documents) {
    const result = evaluate(rules, jsonToValue(document.document), { record: false });
    if (!result.ok) {
      perResource.push({ resource: document.logicalId, error: result.error.message });
      continue;
    }
    for (const verdict of result.report.rules) {
      statuses[verdict.name] = fold(statuses[verdict.name] ?? 'SKIP', verdict.status);
      if (verdict.status !== 'SKIP') perResource.push({ resource: document.logicalId, rule: verdict.name, status: verdict.status, unresolved: document.unresolved.length });
    }
  }
  const agree = agrees(pair.statuses, statuses);
  const rawAgree = agrees(pair.statuses, rawHookStatuses(pair));
  rows.push({ rawAgree, rules: pair.rules, data: pair.data, template: pair.statuses, hook: statuses, agree, perResource, ...(agree ? {} : { why: cause(pair) }) });
}

const agreeing = rows.filter((row) => row.agree).length;
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(rows.filter((row) => !row.agree), null, 1)}\n`);
} else {
  const rawAgreeing = rows.filter((row) => row.rawAgree).length;
  const percent = (n) => `${((100 * n) / rows.length).toFixed(1)} %`;
  console.log(`CT (rule file, template) pairs: ${rows.length}; same per-rule status --as hook (folded per template) as the template branch: ${agreeing} (${percent(agreeing)})`);
  console.log(`with the hook documents built from the properties as written (no intrinsic resolved): ${rawAgreeing} (${percent(rawAgreeing)})`);
  const causes = new Map();
  for (const row of rows.filter((r) => !r.agree)) causes.set(row.why, (causes.get(row.why) ?? 0) + 1);
  console.log('\n| cause | pairs |\n| --- | --- |');
  for (const [why, count] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`| ${why} | ${count} |`);
  console.log('');
  for (const row of rows.filter((r) => !r.agree)) {
    console.log(`- ${row.rules} x ${row.data}: template ${JSON.stringify(row.template)} hook ${JSON.stringify(row.hook)} — ${row.why}`);
  }
}
