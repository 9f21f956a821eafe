// The `Resources.*[ Type == X ]` index gives exactly what evaluating the filter gives: compare the
// indexed path (verdicts only) with the recording path (which never uses the index).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { compileRules } from '../../src/api/compile-rules.js';
import { toStructuredReport } from '../../src/report/structured-report.js';
import type { EventRecord } from '../../src/report/types.js';
import type { Value } from '../../src/values/value.js';
import { loadForValidate } from './document-for-tests.js';
import { compiled } from './evaluate-helpers.js';
import { evaluate } from '../../src/api/evaluate.js';
import { resourcesByType } from '../../src/eval/type-index.js';
import { yamlDocument } from './plain-document.js';

const RULES = `let queues = Resources.*[ Type == "AWS::SQS::Queue" ]
let QUEUE = "AWS::SQS::Queue"
rule literal_type { Resources.*[ Type == "AWS::SQS::Queue" ].Properties.Name exists }
rule variable_type { Resources.*[ Type == %QUEUE ] { Properties exists } }
rule via_let { %queues !empty }
rule type_block { AWS::SQS::Queue { Properties.Name == "q" } }
`;

const DOCUMENTS = [
  'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {Name: q}}\n  B: {Type: AWS::S3::Bucket}\n',
  'Resources:\n  Q: {type: AWS::SQS::Queue, Properties: {Name: q}}\n',
  'Resources:\n  Q: {Type: [AWS::SQS::Queue], Properties: {Name: q}}\n',
  'Resources:\n  Q: {Type: AWS::SQS::Queue}\n  S: scalar\n',
  'Resources: {}\n',
  'Resources:\n  B: {Type: AWS::S3::Bucket}\n',
];

describe('type index', () => {
  it('an unknown variable in the filter fails only when the filter would run', () => {
    const rules = compiled('rule r { Resources.*[ Type == %NOPE ] exists }\n');
    for (const text of ['Resources: {}\n', 'Resources:\n  A: {Type: T}\n']) {
      const indexed = evaluate(rules, yamlDocument(text), { record: false });
      const filtered = evaluate(rules, yamlDocument(text), { completeEvents: true });
      expect(indexed.ok ? indexed.report.status : indexed.error.code).toBe(filtered.ok ? filtered.report.status : filtered.error.code);
    }
  });

  it.each(DOCUMENTS.map((d, i) => [i, d] as const))('document %i: indexed and filtered evaluation agree', (_i, text) => {
    const rules = compiled(RULES);
    const document = yamlDocument(text);
    const indexed = evaluate(rules, document, { record: false });
    const filtered = evaluate(rules, document, { completeEvents: true });
    const summary = (r: typeof indexed) => (r.ok ? r.report.rules.map((x) => `${x.name}:${x.status}`) : r.error.code);
    expect(summary(indexed)).toEqual(summary(filtered));
  });
});

/** The structured report (what the console and -o json reports print) of one evaluation. */
function reported(result: ReturnType<typeof evaluate>): unknown {
  return result.ok ? toStructuredReport('data', [result.report]) : result.error.code;
}

describe('type index while recording a failure', () => {
  const FAILING = `let buckets = Resources.*[ Type == "AWS::S3::Bucket" ]
rule named when %buckets !empty { %buckets.Properties.BucketName exists }
rule block { Resources.*[ Type == "AWS::S3::Bucket" ] { Properties.Versioning exists } }
rule none_selected { Resources.*[ Type == "AWS::None::Here" ] !empty }
rule none_block { Resources.*[ Type == "AWS::None::Here" ] { Properties exists } }
`;
  const TEMPLATE = 'Resources:\n  A: {Type: AWS::S3::Bucket, Properties: {Tags: []}}\n  Q: {Type: AWS::SQS::Queue}\n  B: {Type: AWS::S3::Bucket, Properties: {BucketName: b}}\n';

  // The reports' recording keeps only records with a failure below them (recorder.ts): the
  // candidates the filter rejected, not the ones it selected.
  /** The failing evaluation's Filter records, in order: `context:status:number of children`. */
  const filters = (rules: string): string[] => {
    const result = evaluate(compiled(rules), yamlDocument(TEMPLATE));
    expect(result.ok && result.report.status).toBe('FAIL');
    const found: string[] = [];
    const visit = (record: EventRecord): void => {
      if (record.record.kind === 'Filter') found.push(`${record.context}:${record.record.status}:${record.children.length}`);
      record.children.forEach(visit);
    };
    if (result.ok && result.report.events !== null) visit(result.report.events);
    return found;
  };

  it('leaves one Filter record per rejected candidate, in document order, with the filter outcome', () => {
    expect(filters('rule r { Resources.*[ Type == "AWS::S3::Bucket" ].Properties.BucketName exists }\n')).toEqual(['Filter/Map#1:FAIL:0']);
  });

  it('does so for a filter with other lines beside the one on `Type`, and runs the filter on the candidates it lets through', () => {
    // The queue Q is rejected by the `Type` line: its record, without the records inside. Bucket A
    // passes the filter though a clause inside fails (no `Versioning`, but `Tags`): that failure is
    // kept, in the Filter record that holds it. Bucket B fails the other line: the filter ran.
    const lines = ['Type == "AWS::S3::Bucket"', 'Type in ["AWS::S3::Bucket", /AWS::EC2::.*/]', 'Type in %TYPES', 'Type == %TYPE'];
    for (const line of lines) {
      const rules = `let TYPES = ["AWS::S3::Bucket"]\nlet TYPE = "AWS::S3::Bucket"\nrule r { Resources.*[ ${line}\n  Properties.Versioning exists or Properties.Tags exists\n].Properties.BucketName exists }\n`;
      expect(filters(rules), line).toEqual(['Filter/Map#2:PASS:1', 'Filter/Map#2:FAIL:0', 'Filter/Map#2:FAIL:1']);
    }
    // A variable only a query gives: deciding the type would evaluate it, so the filter runs on every candidate.
    const viaQuery = 'let TYPES = Resources.B.Type\nrule r { Resources.*[ Type in %TYPES\n  Properties.Versioning exists or Properties.Tags exists\n].Properties.BucketName exists }\n';
    expect(filters(viaQuery)).toEqual(['Filter/Map#2:PASS:1', 'Filter/Map#2:FAIL:2', 'Filter/Map#2:FAIL:1']);
  });

  it('gives the report that the complete event tree gives', () => {
    const rules = compiled(FAILING);
    const document = yamlDocument(TEMPLATE);
    const summary = evaluate(rules, document);
    expect(summary.ok && summary.report.status).toBe('FAIL');
    expect(reported(summary)).toEqual(reported(evaluate(rules, document, { completeEvents: true })));
  });
});

describeShared('type index while recording: every failing pair reports as with complete events', (shared) => {
  it.each([
    ['237 CT rule files', join('ct-rules', 'cfn-guard')],
    ['209 registry rule files', join('registry', 'rules')],
  ])('%s x templates-dev: the same structured report either way', async (_, rulesDir) => {
    const corpus = join(shared, 'corpus');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    const rules = files(join(corpus, rulesDir))
      .filter((file) => file.endsWith('.guard'))
      .map((file) => compileRules(readFileSync(file, 'utf8'), { fileName: file }))
      .flatMap((result) => (result.ok ? [result.rules] : []));
    const documents: [string, Value][] = [];
    for (const file of files(join(corpus, 'templates-dev', 'templates'))) {
      const loaded = await loadForValidate(readFileSync(file, 'utf8'), file);
      if (loaded.ok) documents.push([file, loaded.value]);
    }
    expect(rules.length).toBeGreaterThan(200);
    expect(documents.length).toBeGreaterThan(100);
    let failing = 0;
    const differences: string[] = [];
    for (const compiledRules of rules) {
      for (const [name, document] of documents) {
        const summary = evaluate(compiledRules, document);
        if (!summary.ok || summary.report.status !== 'FAIL') continue;
        failing++;
        const complete = evaluate(compiledRules, document, { completeEvents: true });
        if (JSON.stringify(reported(summary)) !== JSON.stringify(reported(complete))) differences.push(`${compiledRules.fileName} x ${name}`);
      }
    }
    expect(failing).toBeGreaterThan(100);
    expect(differences).toEqual([]);
  }, 300_000);
});

describe('where the type index is kept', () => {
  const resourcesOf = (root: Value) => (root.kind === 'map' ? root.entries.get('Resources')! : root);

  it('on the map, hidden: a spread copy does not take it along, and a comparison does not see it', () => {
    const root = yamlDocument('Resources:\n  Q: {Type: AWS::SQS::Queue}\n');
    const resources = resourcesOf(root);
    if (resources.kind !== 'map') throw new Error('expected a map');
    const index = resourcesByType(resources);
    expect([...index!.keys()]).toEqual(['AWS::SQS::Queue']);
    expect(resourcesByType(resources)).toBe(index);
    expect(Object.keys(resources)).toEqual(['kind', 'keys', 'entries', 'path', 'span']);
    expect(resources).toStrictEqual(resourcesOf(yamlDocument('Resources:\n  Q: {Type: AWS::SQS::Queue}\n')));
    // A caller that derives a document by spreading a map gets a map of its own index.
    const other = resourcesOf(yamlDocument('Resources:\n  B: {Type: AWS::S3::Bucket}\n'));
    if (other.kind !== 'map') throw new Error('expected a map');
    const derived = { ...resources, keys: other.keys, entries: other.entries };
    expect([...resourcesByType(derived)!.keys()]).toEqual(['AWS::S3::Bucket']);
  });

  it('a document the caller froze is indexed all the same, with the same verdicts', () => {
    const text = 'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {Name: q}}\n  B: {Type: AWS::S3::Bucket}\n';
    const frozen = deepFreeze(yamlDocument(text));
    const resources = resourcesOf(frozen);
    if (resources.kind !== 'map') throw new Error('expected a map');
    expect([...resourcesByType(resources)!.keys()]).toEqual(['AWS::SQS::Queue', 'AWS::S3::Bucket']);
    const rules = compiled(RULES);
    const fromFrozen = evaluate(rules, frozen, { record: false });
    const fromPlain = evaluate(rules, yamlDocument(text), { record: false });
    expect(fromFrozen.ok && fromFrozen.report.rules.map((rule) => rule.status)).toEqual(fromPlain.ok && fromPlain.report.rules.map((rule) => rule.status));
  });
});

function deepFreeze(value: Value): Value {
  if (value.kind === 'map') for (const child of value.entries.values()) deepFreeze(child);
  if (value.kind === 'list') for (const child of value.items) deepFreeze(child);
  return Object.freeze(value);
}
