// The `--explain` trace (report/explain-model.ts): recorded only when asked for, shaped like the
// event tree, and carrying what an explanation needs — query steps, where a query stopped,
// filter candidates, `when` positions, the failing comparison with its values.
import { describe, expect, it } from 'vitest';
import type { QueryTrace, TraceNode } from '../../src/report/explain-model.js';
import type { EvaluationReport } from '../../src/report/types.js';
import { evaluate } from '../../src/api/evaluate.js';
import { loadDocument } from '../../src/document/load-document.js';
import type { EvaluateOptions } from '../../src/report/types.js';
import { compiled } from './evaluate-helpers.js';

/** With the document loader of `validate`, so that data values carry their spans. */
function run(rules: string, data: string, options: EvaluateOptions = {}): { report: EvaluationReport } | { error: { message: string } } {
  const document = loadDocument(data, { fileName: 'template.yaml' });
  if (!document.ok) throw new Error(document.error.message);
  const result = evaluate(compiled(rules), document.document, options);
  return result.ok ? { report: result.report } : { error: result.error };
}

function traced(rules: string, data: string): EvaluationReport {
  const result = run(rules, data, { trace: true });
  if ('error' in result) throw new Error(result.error.message);
  return result.report;
}

function all(node: TraceNode): TraceNode[] {
  return [node, ...node.children.flatMap(all)];
}

function queries(node: TraceNode): QueryTrace[] {
  return all(node).flatMap((each) => each.notes.filter((note): note is QueryTrace => note.kind === 'query'));
}

function ruleNode(report: EvaluationReport, name: string): TraceNode {
  const found = report.trace?.children.find((child) => child.record.kind === 'RuleCheck' && child.record.name === name);
  if (found === undefined) throw new Error(`no trace node for rule ${name}`);
  return found;
}

const TEMPLATE = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.8
      TracingConfig:
        Mode: PassThrough
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
`;

describe('explain trace', () => {
  it('is not recorded unless asked for, and does not change verdicts', () => {
    const rules = 'rule r { Resources.*.Properties.TracingConfig.Mode == "Active" }\n';
    const plain = run(rules, TEMPLATE);
    const withTrace = traced(rules, TEMPLATE);
    if ('error' in plain) throw new Error(plain.error.message);
    expect(plain.report.trace).toBeNull();
    expect(withTrace.trace?.record.kind).toBe('FileCheck');
    expect(withTrace.rules).toEqual(plain.report.rules);
    expect(withTrace.status).toBe(plain.report.status);
  });

  it('mirrors the event tree: one rule node per top-level rule, same statuses', () => {
    const report = traced('rule a { Resources exists }\nrule b { Nope exists }\n', TEMPLATE);
    const ruleNodes = report.trace!.children;
    expect(ruleNodes.map((node) => node.context)).toEqual(['a', 'b']);
    expect(ruleNodes.map((node) => (node.record.kind === 'RuleCheck' ? node.record.status : null))).toEqual(['PASS', 'FAIL']);
    expect(report.events?.children.map((event) => event.context)).toEqual(['a', 'b']);
  });

  it('records each query step with the values it reached and the failing comparison', () => {
    const report = traced('rule r {\n  Resources.Fn.Properties.TracingConfig.Mode == "Active"\n}\n', TEMPLATE);
    const [query] = queries(ruleNode(report, 'r'));
    expect(query?.role).toBe('lhs');
    expect(query?.span.start.line).toBe(2);
    expect(query?.clauseSpan?.start.line).toBe(2);
    expect(query?.steps.map((step) => step.part)).toEqual(['Resources', 'Fn', 'Properties', 'TracingConfig', 'Mode']);
    expect(query?.steps.map((step) => step.values.map((value) => value.path))).toEqual([
      ['/Resources'],
      ['/Resources/Fn'],
      ['/Resources/Fn/Properties'],
      ['/Resources/Fn/Properties/TracingConfig'],
      ['/Resources/Fn/Properties/TracingConfig/Mode'],
    ]);
    const mode = query!.steps[4]!.values[0]!;
    expect(mode.kind === 'string' ? mode.value : null).toBe('PassThrough');
    expect(mode.span?.start.line).toBe(7);
    const failed = all(ruleNode(report, 'r')).flatMap((node) => (node.record.kind === 'ClauseValueCheck' && node.record.check.kind === 'Comparison' ? [node.record.check] : []));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.from.kind === 'resolved' ? failed[0]!.from.value.path : null).toBe('/Resources/Fn/Properties/TracingConfig/Mode');
    expect(failed[0]!.comparison).toEqual(['Eq', false]);
  });

  it('says at which step a query stopped, on which value (with its keys)', () => {
    const report = traced('rule r { Resources.Bucket.Properties.Encryption.Mode exists }\n', TEMPLATE);
    const [query] = queries(ruleNode(report, 'r'));
    const stoppedSteps = query!.steps.flatMap((step, i) => (step.stopped.length > 0 ? [i] : []));
    expect(stoppedSteps).toEqual([3]);
    const stop = query!.steps[3]!.stopped[0]!;
    expect(query!.steps[3]!.part).toBe('Encryption');
    expect(stop.traversedTo.path).toBe('/Resources/Bucket/Properties');
    expect(stop.traversedTo.kind === 'map' ? stop.traversedTo.keys.map((key) => key.value) : []).toEqual(['BucketName']);
    expect(query!.steps[4]!.values).toEqual([]);
  });

  it('notes which candidate each filter record was about, and which the query kept', () => {
    const report = traced('rule r { Resources.*[ Type == "AWS::S3::Bucket" ].Properties.BucketName == "other" }\n', TEMPLATE);
    const rule = ruleNode(report, 'r');
    const filters = all(rule).filter((node) => node.record.kind === 'Filter');
    const candidates = filters.map((node) => {
      const note = node.notes.find((each) => each.kind === 'candidate');
      return `${note?.kind === 'candidate' ? note.value.path : '?'}:${node.record.kind === 'Filter' ? node.record.status : '?'}`;
    });
    expect(candidates).toEqual(['/Resources/Fn:FAIL', '/Resources/Bucket:PASS']);
    const [query] = queries(rule).filter((each) => each.role === 'lhs' && each.text.startsWith('Resources'));
    expect(query!.steps[2]!.part).toBe('[filter]');
    expect(query!.steps[2]!.span?.start.line).toBe(1);
    expect(query!.steps[2]!.values.map((value) => value.path)).toEqual(['/Resources/Bucket']);
    // The filter records belong to the clause node that owns the query.
    const owner = all(rule).find((node) => node.notes.includes(query!))!;
    const [from, to] = query!.childRange;
    expect(owner.children.slice(from, to).filter((child) => child.record.kind === 'Filter')).toHaveLength(2);
  });

  it('notes where a when condition is written, on the condition record with its status', () => {
    const rules = 'rule r when Resources.Fn.Properties.Runtime == "nodejs20.x" {\n  Resources.Fn.Properties.TracingConfig.Mode == "Active"\n}\n';
    const report = traced(rules, TEMPLATE);
    expect(report.rules[0]?.status).toBe('SKIP');
    const condition = all(ruleNode(report, 'r')).find((node) => node.record.kind === 'RuleCondition')!;
    expect(condition.record.kind === 'RuleCondition' ? condition.record.status : null).toBe('FAIL');
    const note = condition.notes.find((each) => each.kind === 'condition');
    expect(note?.kind === 'condition' ? [note.span.start.line, note.span.start.column] : null).toEqual([1, 13]);
    // The rule body never ran: no query of it is in the trace.
    expect(queries(ruleNode(report, 'r')).map((query) => query.text)).toEqual(['Resources.Fn.Properties.Runtime']);
  });

  it('traces block and type-block queries with the values they iterate', () => {
    const report = traced('rule r {\n  AWS::Lambda::Function {\n    Properties.Runtime == "python3.8"\n  }\n}\n', TEMPLATE);
    const typeQuery = queries(ruleNode(report, 'r')).find((query) => query.role === 'typeBlock');
    expect(typeQuery?.results.map((result) => (result.kind === 'resolved' ? result.value.path : '?'))).toEqual(['/Resources/Fn']);
    const inner = queries(ruleNode(report, 'r')).find((query) => query.text === 'Properties.Runtime');
    expect(inner?.start.path).toBe('/Resources/Fn');
  });

  it('gives a leading variable step the variable\'s values', () => {
    const report = traced('let buckets = Resources.*[ Type == "AWS::S3::Bucket" ]\nrule r { %buckets.Properties.BucketName == "x" }\n', TEMPLATE);
    const query = queries(ruleNode(report, 'r')).find((each) => each.text.startsWith('%buckets'));
    expect(query?.steps.map((step) => step.part)).toEqual(['%buckets', '[*]', 'Properties', 'BucketName']);
    expect(query?.steps[0]!.values.map((value) => value.path)).toEqual(['/Resources/Bucket']);
  });
});
