import { describe, expect, it } from 'vitest';
import { toStructuredReport } from '../../src/report/structured-report.js';
import type { EvaluationReport } from '../../src/report/types.js';
import { run } from './evaluate-helpers.js';

const RULES = `rule bucket_versioning {
  Resources.*[ Type == 'AWS::S3::Bucket' ] {
    Properties.VersioningConfiguration.Status == 'Enabled' <<Versioning must be on>>
  }
}
rule has_resources {
  Resources !empty
}
rule only_queues when Resources.*[ Type == 'AWS::SQS::Queue' ] !empty {
  Resources.*.Properties exists
}
`;
const DATA = 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Suspended\n';

function report(rules: string, data: string, options = {}): EvaluationReport {
  const result = run(rules, data, options);
  if ('error' in result) throw new Error(result.error.message);
  return result.report;
}

describe('report model', () => {
  it('reports every rule, the file status and the failing check (spec §11.3 example)', () => {
    const evaluation = report(RULES, DATA);
    expect(evaluation.rules.map((r) => `${r.name}:${r.status}`)).toEqual(['bucket_versioning:FAIL', 'has_resources:PASS', 'only_queues:SKIP']);
    const structured = toStructuredReport('STDIN', [evaluation]);
    expect(structured.status).toBe('FAIL');
    expect(structured.compliant).toEqual(['has_resources']);
    expect(structured.not_applicable).toEqual(['only_queues']);
    expect(structured.not_compliant).toHaveLength(1);
    const rule = structured.not_compliant[0] as unknown as { Rule: { name: string; checks: unknown[] } };
    expect(rule.Rule.name).toBe('bucket_versioning');
    expect(rule.Rule.checks[0]).toMatchObject({
      Clause: {
        Binary: {
          context: ' Properties.VersioningConfiguration.Status EQUALS  "Enabled"',
          messages: { custom_message: 'Versioning must be on' },
          check: {
            Resolved: {
              from: { path: '/Resources/Logs/Properties/VersioningConfiguration/Status', value: 'Suspended' },
              to: { path: '', value: 'Enabled' },
              comparison: ['Eq', false],
            },
          },
        },
      },
    });
  });

  it('several rules files merge into one record per data file', () => {
    const failing = report(RULES, DATA);
    const passing = report('rule other { Resources exists }\n', DATA);
    const merged = toStructuredReport('d.yaml', [passing, failing]);
    expect(merged.status).toBe('FAIL');
    expect(merged.compliant).toEqual(['has_resources', 'other']);
  });

  it('records the full event tree only when something fails, unless asked to', () => {
    const passing = report('rule r { Resources exists }\n', DATA);
    expect(passing.events?.children.map((c) => c.record.kind)).toEqual(['RuleCheck']);
    expect(passing.events?.children[0]?.children).toEqual([]);
    const complete = report('rule r { Resources exists }\n', DATA, { completeEvents: true });
    expect(complete.events?.children[0]?.children.length).toBeGreaterThan(0);
    const failing = report(RULES, DATA);
    expect(failing.events?.children[0]?.children.length).toBeGreaterThan(0);
    expect(report(RULES, DATA, { record: false }).events).toBeNull();
  });

  it('a failing check carries the rule-side span and the data path', () => {
    const evaluation = report(RULES, DATA);
    const checks: { kind: string; span: { start: { line: number } } | null }[] = [];
    const walk = (record: NonNullable<EvaluationReport['events']>) => {
      if (record.record.kind === 'ClauseValueCheck' && record.record.check.kind !== 'Success') checks.push(record.record.check);
      record.children.forEach(walk);
    };
    walk(evaluation.events!.children[0]!);
    expect(checks.map((c) => c.kind)).toEqual(['Comparison']);
    expect(checks[0]?.span?.start.line).toBe(3);
  });

  it('the explain trace is off by default and lists queries, filters and conditions when asked', () => {
    expect(report(RULES, DATA).trace).toBeNull();
    const root = report(RULES, DATA, { trace: true }).trace;
    const notes: string[] = [];
    const walk = (node: NonNullable<typeof root>): void => {
      for (const note of node.notes) notes.push(note.kind);
      node.children.forEach(walk);
    };
    if (root !== null) walk(root);
    expect(notes).toContain('query');
    expect(notes).toContain('candidate');
    expect(notes).toContain('condition');
  });
});
