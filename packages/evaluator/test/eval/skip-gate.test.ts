// The skip gate: a rules file whose every rule SKIPs for lack of its resource types is answered
// from the type index. Each decision is checked against a full evaluation (`completeEvents`, which
// never uses the gate): all SKIP, no error — and `evaluate`'s default result is compared with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { walkFiles } from '../../../../test-support/walk-files.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { evaluate, type EvaluateResult } from '../../src/api/evaluate.js';
import type { CompiledRules } from '../../src/compile/ir.js';
import { skipsEveryRule } from '../../src/eval/skip-gate.js';
import type { Value } from '../../src/values/value.js';
import { compiled } from './evaluate-helpers.js';
import { loadDocument } from '../../src/document/load-document.js';
import { yamlDocument } from './plain-document.js';

const summary = (r: EvaluateResult) => (r.ok ? `${r.report.status} ${r.report.rules.map((x) => `${x.name}:${x.status}`).join(' ')}` : r.error.code);

/** The gate's decision, checked: when it says SKIP, the full evaluation says so too. */
function gated(rules: CompiledRules, document: Value): boolean {
  const decided = skipsEveryRule(rules, document);
  const full = evaluate(rules, document, { completeEvents: true });
  if (decided) {
    expect(full.ok).toBe(true);
    if (full.ok) expect(full.report.rules.every((rule) => rule.status === 'SKIP')).toBe(true);
  }
  for (const options of [{ record: false }, {}]) expect(summary(evaluate(rules, document, options))).toBe(summary(full));
  return decided;
}

const BUCKETS = `let buckets = Resources.*[ Type == 'AWS::S3::Bucket'
  Metadata.guard.SuppressedRules not exists or
  Metadata.guard.SuppressedRules.* != "B"
]
let queues = Resources.*[ Type == 'AWS::SQS::Queue' ]
`;
const WITH_BUCKET = 'Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {Name: b}}\n';
const WITH_QUEUE = 'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {Name: q}}\n';

describe('skip gate', () => {
  it('answers `when %v !empty` on a document without the type, not with it', () => {
    const rules = compiled(`${BUCKETS}rule b when %buckets !empty { %buckets.Properties.Name exists }\nrule q when %queues not empty { %queues.Properties exists }\n`);
    expect(gated(rules, yamlDocument('Resources:\n  T: {Type: AWS::SNS::Topic}\n'))).toBe(true);
    expect(gated(rules, yamlDocument(WITH_BUCKET))).toBe(false);
    expect(gated(rules, yamlDocument(WITH_QUEUE))).toBe(false);
  });

  it('does not answer `%v empty` (it PASSes without the type)', () => {
    const rules = compiled(`${BUCKETS}rule b when %buckets empty { Resources exists }\n`);
    expect(gated(rules, yamlDocument(WITH_QUEUE))).toBe(false);
    expect(summary(evaluate(rules, yamlDocument(WITH_QUEUE)))).toBe('PASS b:PASS');
  });

  it('needs an indexed Resources map: not without one, nor with an empty or irregular one', () => {
    const rules = compiled(`${BUCKETS}rule b when %buckets !empty { %buckets.Properties exists }\n`);
    for (const text of ['{}\n', 'Parameters: {}\n', 'Resources: {}\n', 'Resources:\n  T: {Type: X}\n  U: {Properties: {}}\n', 'resources:\n  T: {Type: X}\n', '[1]\n']) {
      expect(gated(rules, yamlDocument(text))).toBe(false);
    }
  });

  it('decides a line of the condition that fails whatever the others say, and rule references to gated rules', () => {
    const rules = compiled(`${BUCKETS}rule b when %buckets !empty { %buckets.Properties exists }
rule both when %buckets !empty %queues !empty { %queues.Properties exists }
rule either when %buckets !empty or %queues !empty { Resources exists }
rule after_b when %queues !empty !b { %queues.Properties exists }
rule not_after_b when %buckets !empty b { Resources exists }
`);
    const withQueue = yamlDocument(WITH_QUEUE);
    // `either` PASSes its condition on a queue; `after_b` references b, which SKIPs: `!b` PASSes.
    expect(gated(rules, withQueue)).toBe(false);
    const without = compiled(`${BUCKETS}rule b when %buckets !empty { %buckets.Properties exists }
rule both when %queues !empty %buckets !empty { %queues.Properties exists }
rule not_after_b when %queues !empty b { Resources exists }
`);
    expect(gated(without, withQueue)).toBe(true);
    expect(gated(without, yamlDocument('Resources:\n  T: {Type: AWS::SNS::Topic}\n'))).toBe(true);
  });

  it('leaves rules referencing rules that reference rules, or ungated rules, to the evaluation', () => {
    const chained = compiled(`${BUCKETS}rule b when %buckets !empty { %buckets.Properties exists }
rule c when %buckets !empty b { Resources exists }
rule d when %buckets !empty c { Resources exists }
`);
    expect(gated(chained, yamlDocument(WITH_QUEUE))).toBe(false);
    const ungated = compiled(`${BUCKETS}rule plain { Resources exists }
rule b when %buckets !empty plain { Resources exists }
`);
    expect(gated(ungated, yamlDocument(WITH_QUEUE))).toBe(false);
  });

  it('answers filters whose line on Type is `in` a list, a regex list or a file-level literal', () => {
    const rules = compiled(`let TYPES = ["AWS::SQS::Queue", "AWS::SNS::Topic"]
let listed = Resources.*[ Type in %TYPES  Metadata.guard.SuppressedRules not exists ]
let matched = Resources.*[ Type in [ /AWS::S3::Bucket/, /SQS/ ]  Properties exists ]
let other = Resources.*[ Type != "AWS::SNS::Topic"  Properties exists ]
rule l when %listed !empty { %listed.Properties exists }
rule m when %matched !empty { %matched.Properties exists }
rule o when %other !empty { %other.Properties exists }
`);
    expect(gated(rules, yamlDocument('Resources:\n  T: {Type: AWS::SNS::Topic}\n'))).toBe(false); // l selects the topic
    const noSns = compiled(`let TYPES = ["AWS::SQS::Queue", "AWS::SNS::Topic"]
let listed = Resources.*[ Type in %TYPES  Metadata.guard.SuppressedRules not exists ]
let matched = Resources.*[ Type in [ /AWS::S3::Bucket/, /SQS/ ]  Properties exists ]
rule l when %listed !empty { %listed.Properties exists }
rule m when %matched !empty { %matched.Properties exists }
`);
    expect(gated(noSns, yamlDocument('Resources:\n  F: {Type: AWS::Lambda::Function}\n  R: {Type: AWS::IAM::Role}\n'))).toBe(true);
    expect(gated(noSns, yamlDocument('Resources:\n  F: {Type: AWS::Lambda::Function}\n  Q: {Type: AWS::SQS::QueuePolicy}\n'))).toBe(false); // /SQS/
    expect(gated(noSns, yamlDocument(WITH_BUCKET))).toBe(false);
    const unknown = compiled('let v = Resources.*[ Type in %NOPE  Properties exists ]\nrule r when %v !empty { %v exists }\n');
    expect(gated(unknown, yamlDocument(WITH_QUEUE))).toBe(false);
    expect(summary(evaluate(unknown, yamlDocument(WITH_QUEUE)))).toBe('unknown-variable');
  });

  it('answers rules made of type blocks only', () => {
    const rules = compiled('rule t { AWS::S3::Bucket { Properties exists } AWS::SQS::Queue { Properties exists } }\n');
    expect(gated(rules, yamlDocument('Resources:\n  T: {Type: AWS::SNS::Topic}\n'))).toBe(true);
    expect(gated(rules, yamlDocument(WITH_QUEUE))).toBe(false);
    const conditioned = compiled('rule t { AWS::S3::Bucket when Resources exists { Properties exists } }\n');
    expect(gated(conditioned, yamlDocument(WITH_QUEUE))).toBe(false);
  });

  it('is not used for a trace, complete events, or a depth limit below what the evaluation reaches', () => {
    const rules = compiled(`${BUCKETS}let named_queues = Resources.*[ Type == 'AWS::SQS::Queue'  Properties.Name exists ]
rule r when %queues !empty b { Resources exists }
rule b when %buckets !empty %named_queues !empty { %buckets.Properties exists }
`);
    const document = yamlDocument(WITH_QUEUE);
    expect(gated(rules, document)).toBe(true);
    const traced = evaluate(rules, document, { trace: true });
    expect(traced.ok && traced.report.trace).not.toBeNull();
    const complete = evaluate(rules, document, { completeEvents: true });
    expect(complete.ok && JSON.stringify(complete.report.events)).toContain('GuardClauseBlockCheck');
    // r evaluates b (depth 1), whose filter on queues runs at depth 2: a limit of 1 stops it.
    expect(summary(evaluate(rules, document, { record: false, maxDepth: 1 }))).toBe('depth-exceeded');
    expect(summary(evaluate(rules, document, { maxDepth: 2 }))).toBe('SKIP r:SKIP b:SKIP');
  });
});

describeShared('skip gate on the registry rules and templates-dev', (shared) => {
  it('every SKIP it decides is the full evaluation\'s, and it decides most all-SKIP pairs', () => {
    const corpus = join(shared, 'corpus');
    const files = walkFiles(join(corpus, 'registry', 'rules'), (n) => n.endsWith('.guard'));
    const templates = walkFiles(join(corpus, 'templates-dev', 'templates'), (n) => /\.(json|ya?ml|template)$/.test(n));
    const documents = templates.map((path) => loadDocument(readFileSync(path, 'utf8'), { fileName: path })).flatMap((loaded) => (loaded.ok ? [loaded.document] : []));
    let decided = 0;
    let allSkip = 0;
    for (const file of files) {
      const result = compileRules(readFileSync(file, 'utf8'), { fileName: file });
      if (!result.ok) continue;
      for (const document of documents) {
        const gate = skipsEveryRule(result.rules, document);
        const full = evaluate(result.rules, document, { completeEvents: true });
        const skipped = full.ok && full.report.rules.every((rule) => rule.status === 'SKIP');
        if (gate && !skipped) throw new Error(`${file}: the gate says SKIP, the evaluation ${summary(full)}`);
        if (gate) decided++;
        if (skipped) allSkip++;
      }
    }
    expect(allSkip).toBeGreaterThan(0);
    expect(decided / allSkip).toBeGreaterThan(0.5);
  });
});
