#!/usr/bin/env node
// In-process library speed against @aws/cloudformation-validate (issue 7): the registry rule files
// that cloudformation-validate can load, compiled once, evaluated on webapp.json (59 KB) and on
// every template of templates-dev. Each side parses the template on every run (cloudformation-
// validate takes bytes; guardts gets the text, already in memory), so a run is "template in,
// verdicts out". Runs are interleaved, one side then the other, because the machine is shared and
// its speed drifts; each timed run follows an untimed one of the same side on another template.
// Target: guardts at least 10x faster per template. Also reports guardts with all 209 registry
// files, and whether the verdicts agree with each other and with cfn-guard 3.1.1.
// Needs `pnpm build`, ../shared and the root dev dependency @aws/cloudformation-validate.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { corpusDir, importBuiltEvaluator, repoRoot as root, requireCorpusPaths, walkFiles } from './lib/corpus-bench.mjs';

const WEBAPP_RUNS = Number(process.env.BENCH_WEBAPP_RUNS ?? 50);
const TEMPLATE_RUNS = Number(process.env.BENCH_TEMPLATE_RUNS ?? 3);
const WARMUP_ROUNDS = 3;
const TARGET_RATIO = 10;
// CelEngine is what BASELINE.md measured (171 files load); RegoEngine translates more (186).
const ENGINE = process.env.BENCH_CFN_VALIDATE_ENGINE ?? 'CelEngine';

console.log('## library (in process): guardts vs @aws/cloudformation-validate');
console.log('');
const rulesDir = join(corpusDir, 'registry', 'rules');
const templatesDir = join(corpusDir, 'templates-dev', 'templates');
const expectedFile = join(corpusDir, 'templates-dev', 'expected-dev.json');
requireCorpusPaths(rulesDir, templatesDir);
let cfnValidate;
try {
  cfnValidate = createRequire(join(root, 'package.json'))('@aws/cloudformation-validate');
} catch {
  console.log('SKIPPED: @aws/cloudformation-validate is not installed (root dev dependency; `pnpm install`)');
  process.exit(0);
}
const { compileRules, evaluate, loadDocument } = await importBuiltEvaluator();
const Engine = cfnValidate[ENGINE];
const VALIDATE_CONFIG = { disableBuiltinRules: true };


const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

// ---- rule files ---------------------------------------------------------------------------------

const ruleFiles = walkFiles(rulesDir, (n) => n.endsWith('.guard')).map((path) => ({ path, name: basename(path), text: readFileSync(path, 'utf8') }));
const sources = (files) => files.map((f) => ({ name: f.name, content: f.text }));

/** Builds an engine; the WASM side prints Rust panics on stderr before throwing, so mute it. */
function tryEngine(files) {
  const write = process.stderr.write;
  process.stderr.write = () => true;
  const saved = console.error;
  console.error = () => {};
  try {
    return { engine: new Engine({ guardRules: sources(files) }) };
  } catch (error) {
    return { error: String(error) };
  } finally {
    process.stderr.write = write;
    console.error = saved;
  }
}

/**
 * The files cloudformation-validate accepts. It refuses a whole rule set for one bad file, naming
 * the file in most messages: drop the named file and retry; one file at a time when it does not.
 */
function acceptedByCfnValidate(files) {
  let candidates = files;
  const refused = [];
  for (;;) {
    const attempt = tryEngine(candidates);
    if (attempt.engine) {
      attempt.engine.free();
      return { accepted: candidates, refused };
    }
    const stems = candidates.filter((f) => attempt.error.includes(`'${f.name}'`) || attempt.error.includes(`guard/${f.name.replace(/\.guard$/, '')}/`));
    if (stems.length === 0) break;
    refused.push(...stems.map((f) => ({ name: f.name, reason: attempt.error })));
    candidates = candidates.filter((f) => !stems.includes(f));
  }
  const accepted = [];
  for (const file of candidates) {
    const attempt = tryEngine([file]);
    if (attempt.engine) {
      attempt.engine.free();
      accepted.push(file);
    } else refused.push({ name: file.name, reason: attempt.error });
  }
  return { accepted, refused };
}

const { accepted, refused } = acceptedByCfnValidate(ruleFiles);
const acceptedNames = new Set(accepted.map((f) => f.name));

/** First (cold) and median of the next three (warm) times of `build`; returns the last result. */
function timeLoads(build, dispose) {
  const times = [];
  let result;
  for (let i = 0; i < 4; i++) {
    if (result !== undefined) dispose(result);
    const start = performance.now();
    result = build();
    times.push(performance.now() - start);
  }
  return { result, cold: times[0], warm: median(times.slice(1)) };
}
const freeEngine = (engine) => engine.free();
const newEngine = (files) => () => new Engine({ guardRules: sources(files) });
const emptyLoad = timeLoads(newEngine([]), freeEngine);
emptyLoad.result.free();
const cvLoad = timeLoads(newEngine(accepted), freeEngine);
const cvEngine = cvLoad.result;

function compileAll(files) {
  return files.map((f) => {
    const result = compileRules(f.text, { fileName: f.name });
    if (!result.ok) throw new Error(`${f.name}: ${result.diagnostics[0]?.message}`);
    return { file: f, rules: result.rules };
  });
}
const gtsSame = timeLoads(() => compileAll(accepted), () => {});
const gtsAll = timeLoads(() => compileAll(ruleFiles), () => {});
const sameRules = gtsSame.result;
const allRules = gtsAll.result;

// ---- one run per side ---------------------------------------------------------------------------

function runCfnValidate(template) {
  return cvEngine.validateStandard(template.cv, VALIDATE_CONFIG);
}
function runGuardts(template, compiled, record) {
  const loaded = loadDocument(template.text, { fileName: template.path });
  return loaded.ok ? evaluateAll(loaded.document, compiled, record) : null;
}
function evaluateAll(document, compiled, record) {
  const reports = [];
  for (const { rules } of compiled) {
    const result = evaluate(rules, document, { record });
    reports.push(result.ok ? result.report : null);
  }
  return reports;
}
function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const templates = walkFiles(templatesDir, (n) => /\.(json|jsn|ya?ml|template)$/.test(n)).map((path) => {
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const loaded = loadDocument(text, { fileName: path });
  return { path, rel: relative(templatesDir, path), text, bytes, document: loaded.ok ? loaded.document : null, cv: { path, readBytes: () => bytes } };
});
const webapp = templates.find((t) => t.rel === join('Solutions', 'WebApp', 'webapp.json'));

// Side order alternates run by run; guardts' record modes: verdicts only, and with the event tree
// of failing rules (what a report needs; the default of `evaluate`).
const sides = {
  cv: (t) => runCfnValidate(t),
  gtsVerdicts: (t) => runGuardts(t, sameRules, false),
  gtsReport: (t) => runGuardts(t, sameRules, true),
  gtsAllVerdicts: (t) => runGuardts(t, allRules, false),
  gtsAllReport: (t) => runGuardts(t, allRules, true),
  // Where the time goes: evaluation alone, on the document loaded beforehand.
  gtsEvalOnly: (t) => t.document !== null && evaluateAll(t.document, sameRules, false),
};
const sideNames = Object.keys(sides);
// Each timed run directly follows an untimed run of the same side on another template (`before`):
// a run right after the other engine's found the caches full of that engine's data (timed so, the
// side after cloudformation-validate's 2 ms of WASM took 0.1 ms longer than the same work
// elsewhere in the order), while a library evaluating a batch runs after itself, on new data.
function measure(template, runs, before) {
  const times = Object.fromEntries(sideNames.map((s) => [s, []]));
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? sideNames : [...sideNames].reverse();
    for (const side of order) {
      sides[side](before);
      times[side].push(time(() => sides[side](template)));
    }
  }
  return Object.fromEntries(sideNames.map((s) => [s, median(times[s])]));
}

for (let round = 0; round < WARMUP_ROUNDS; round++) for (const t of templates) for (const side of sideNames) sides[side](t);

const webappTimes = measure(webapp, WEBAPP_RUNS, templates[0] === webapp ? templates[1] : templates[0]);
const perTemplate = templates.map((t, i) => ({ template: t, times: measure(t, TEMPLATE_RUNS, templates.at(i - 1)) }));
const overAll = Object.fromEntries(
  sideNames.map((s) => {
    const xs = perTemplate.map((p) => p.times[s]);
    return [s, { median: median(xs), p90: quantile(xs, 0.9), total: xs.reduce((a, b) => a + b, 0) }];
  }),
);

// ---- verdicts -----------------------------------------------------------------------------------

const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : { pairs: [] };
const byTemplate = new Map(templates.map((t) => [t.rel.split('\\').join('/'), t]));
const cvStatus = new Map(); // template -> Set of "category/ruleId" that cloudformation-validate reported
const cvReportStatus = new Map();
for (const t of templates) {
  const report = runCfnValidate(t);
  cvReportStatus.set(t.rel, report.status);
  cvStatus.set(t.rel, new Set(report.diagnostics.filter((d) => d.source === 'GUARD').map((d) => `${d.category}/${d.ruleId}`)));
}
const gtsStatus = new Map(); // `${template}|${file}` -> Map(rule -> status)
for (const t of templates) {
  const reports = runGuardts(t, allRules, false);
  allRules.forEach(({ file }, i) => {
    const report = reports?.[i];
    gtsStatus.set(`${t.rel}|${file.name}`, report ? new Map(report.rules.map((r) => [r.name, r.status])) : null);
  });
}
const verdicts = { rules: 0, agree: 0, guardtsRight: 0, cvRight: 0, neither: 0, cvMissed: 0, cvExtra: 0, examples: [], gtsExact: 0, gtsTotal: 0 };
for (const pair of expected.pairs) {
  if (!pair.rules.startsWith('registry/rules/')) continue;
  const file = basename(pair.rules);
  const template = byTemplate.get(pair.data);
  if (!template) continue;
  const gts = gtsStatus.get(`${template.rel}|${file}`);
  for (const [rule, oracle] of Object.entries(pair.statuses)) {
    verdicts.gtsTotal++;
    if (gts?.get(rule) === oracle) verdicts.gtsExact++;
    if (!acceptedNames.has(file)) continue;
    // cloudformation-validate reports failures only: FAIL or not FAIL is all it can say.
    const cvFail = cvStatus.get(template.rel).has(`guard:${file.replace(/\.guard$/, '')}/${rule}`);
    const gtsFail = gts?.get(rule) === 'FAIL';
    const oracleFail = oracle === 'FAIL';
    verdicts.rules++;
    if (cvFail === gtsFail) verdicts.agree++;
    else {
      if (cvFail) verdicts.cvExtra++;
      else verdicts.cvMissed++;
      if (gtsFail === oracleFail) verdicts.guardtsRight++;
      else if (cvFail === oracleFail) verdicts.cvRight++;
      else verdicts.neither++;
      if (verdicts.examples.length < 5) verdicts.examples.push(`${file} / ${rule} on ${pair.data}: cfn-guard ${oracle}, guardts ${gts?.get(rule)}, cloudformation-validate ${cvFail ? 'FAIL' : 'no finding'}`);
    }
  }
}

// ---- report -------------------------------------------------------------------------------------

const ratio = (side) => overAll.cv.median / overAll[side].median;
const verdictRows = [
  ['guardts, same files, verdicts only (`record: false`)', 'gtsVerdicts'],
  ['guardts, same files, with report events (default)', 'gtsReport'],
  [`guardts, all ${ruleFiles.length} files, verdicts only`, 'gtsAllVerdicts'],
  [`guardts, all ${ruleFiles.length} files, with report events`, 'gtsAllReport'],
  ['(guardts, same files, verdicts only, evaluation alone: document loaded beforehand)', 'gtsEvalOnly'],
];
const statusCounts = {};
for (const s of cvReportStatus.values()) statusCounts[s] = (statusCounts[s] ?? 0) + 1;

console.log(`cloudformation-validate ${cfnValidate.version()} (${ENGINE}, \`disableBuiltinRules: true\`) loads ${accepted.length} of the ${ruleFiles.length} registry rule files; guardts compiles all ${allRules.length}.`);
console.log(`Templates: ${templates.length} of templates-dev; webapp.json ${(webapp.bytes.length / 1024).toFixed(0)} KB. Runs: ${WARMUP_ROUNDS} warm-up rounds over all templates, then median of ${WEBAPP_RUNS} (webapp.json) and of ${TEMPLATE_RUNS} (each template), sides interleaved, each timed run right after an untimed run of the same side on another template.`);
console.log('');
console.log('| load / compile | first time in the process | warm, median of 3 |');
console.log('|---|---|---|');
console.log(`| cloudformation-validate, engine with no Guard rules | ${ms(emptyLoad.cold)} ms | ${ms(emptyLoad.warm)} ms |`);
console.log(`| cloudformation-validate, engine with the ${accepted.length} files | ${ms(cvLoad.cold)} ms | ${ms(cvLoad.warm)} ms |`);
console.log(`| guardts \`compileRules\`, the same ${accepted.length} files | ${ms(gtsSame.cold)} ms | ${ms(gtsSame.warm)} ms |`);
console.log(`| guardts \`compileRules\`, all ${ruleFiles.length} files | ${ms(gtsAll.cold)} ms | ${ms(gtsAll.warm)} ms |`);
console.log('');
console.log('| per template (parse + evaluate every rule file) | webapp.json, median | templates-dev: median per template | p90 | sum over all | vs cloudformation-validate (median per template) |');
console.log('|---|---|---|---|---|---|');
console.log(`| cloudformation-validate, ${accepted.length} files | ${ms(webappTimes.cv)} ms | ${ms(overAll.cv.median)} ms | ${ms(overAll.cv.p90)} ms | ${overAll.cv.total.toFixed(0)} ms | 1x |`);
for (const [label, side] of verdictRows) {
  const webappRatio = webappTimes.cv / webappTimes[side];
  console.log(`| ${label} | ${ms(webappTimes[side])} ms (${webappRatio.toFixed(1)}x) | ${ms(overAll[side].median)} ms | ${ms(overAll[side].p90)} ms | ${overAll[side].total.toFixed(0)} ms | ${ratio(side).toFixed(1)}x |`);
}
console.log('');
console.log('| by format: median per template | cloudformation-validate | guardts, verdicts only | guardts, with report events | guardts evaluation alone |');
console.log('|---|---|---|---|---|');
for (const [format, isFormat] of [['JSON', (t) => t.path.endsWith('.json')], ['YAML and others', (t) => !t.path.endsWith('.json')]]) {
  const rows = perTemplate.filter((p) => isFormat(p.template));
  const at = (side) => median(rows.map((p) => p.times[side]));
  const cell = (side) => `${ms(at(side))} ms${side === 'cv' ? '' : ` (${(at('cv') / at(side)).toFixed(1)}x)`}`;
  console.log(`| ${format} (${rows.length} templates) | ${cell('cv')} | ${cell('gtsVerdicts')} | ${cell('gtsReport')} | ${cell('gtsEvalOnly')} |`);
}
console.log('');
const best = Math.min(webappTimes.cv / webappTimes.gtsReport, ratio('gtsReport'));
console.log(`Target (guardts >= ${TARGET_RATIO}x faster per template, same files, with report events): ${best >= TARGET_RATIO ? 'met' : 'NOT met'} (worse of webapp.json and templates-dev median: ${best.toFixed(1)}x).`);
console.log(`cloudformation-validate report status over the templates: ${Object.entries(statusCounts).map(([s, n]) => `${s} ${n}`).join(', ')}.`);
console.log('');
console.log(`Verdicts on the registry pairs of expected-dev.json whose file both load: ${verdicts.rules} rule verdicts, FAIL vs not-FAIL (cloudformation-validate reports findings only) agree on ${verdicts.agree} (${((100 * verdicts.agree) / Math.max(1, verdicts.rules)).toFixed(1)} %).` +
  ` Of the ${verdicts.rules - verdicts.agree} disagreements (cloudformation-validate reports no finding where guardts says FAIL: ${verdicts.cvMissed}; a finding where guardts does not: ${verdicts.cvExtra}), guardts matches cfn-guard 3.1.1 in ${verdicts.guardtsRight}, cloudformation-validate in ${verdicts.cvRight}, neither in ${verdicts.neither}.` +
  ` guardts (all ${ruleFiles.length} files) gives cfn-guard's exact status (PASS/FAIL/SKIP) for ${verdicts.gtsExact} of ${verdicts.gtsTotal} registry rule verdicts.`);
for (const example of verdicts.examples) console.log(`- e.g. ${example}`);
if (process.env.BENCH_LIST_REFUSED) for (const r of refused) console.log(`- refused ${r.name}: ${r.reason.split('\n').join(' ').slice(0, 160)}`);
cvEngine.free();
