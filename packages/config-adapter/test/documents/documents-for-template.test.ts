import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsForTemplate } from '../../src/documents/documents-for-template.js';
import { parseTemplateText } from '../../src/documents/cloudformation-yaml.js';
import { jsonToValue } from '../../src/documents/value-conversion.js';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { repoRoot } from '../../../../test-support/shared-corpus.js';

const seedDir = join(repoRoot, 'examples', 'seed');
const seedTemplate = (name: string) => {
  const parsed = parseTemplateText(readFileSync(join(seedDir, name), 'utf8'), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.template;
};

describe('parseTemplateText', () => {
  it('turns short-form tags into the long form', () => {
    const parsed = parseTemplateText('A: !GetAtt Role.Arn\nB: !Sub "x-${Y}"\nC: !If [Cond, !Ref P, !Ref "AWS::NoValue"]\n', 't.yaml');
    expect(parsed).toEqual({
      ok: true,
      template: {
        A: { 'Fn::GetAtt': ['Role', 'Arn'] },
        B: { 'Fn::Sub': 'x-${Y}' },
        C: { 'Fn::If': ['Cond', { Ref: 'P' }, { Ref: 'AWS::NoValue' }] },
      },
    });
  });

  it('reports a syntax error with file, line and column', () => {
    const parsed = parseTemplateText('Resources:\n  A: [1,\n', 'bad.yaml');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(/^bad\.yaml:\d+:\d+: /);
  });
});

describe('documentsForTemplate', () => {
  it('projects every resource to its Config item, named file#LogicalId', () => {
    const result = documentsForTemplate(seedTemplate('template-passthrough.yaml'), 'template.yaml', 'config-item');
    if (!result.ok) throw new Error(result.message);
    expect(result.documents.map((d) => d.name)).toEqual(['template.yaml#LambdaExecutionRole', 'template.yaml#MyLambdaFunction']);
    const fn = result.documents[1]!;
    expect(fn.document).toMatchObject({ resourceType: 'AWS::Lambda::Function', configuration: { tracingConfig: { mode: 'PassThrough' } } });
    // The role ARN comes from Fn::GetAtt: known only after deployment, and said so.
    expect(fn.unresolved.map((u) => u.path)).toEqual(['/Role']);
  });

  it('accepts the evaluator data values as well as JSON', () => {
    const template = seedTemplate('template-active.yaml');
    const fromValue = documentsForTemplate(jsonToValue(template), 't.yaml', 'config-item');
    expect(fromValue).toEqual(documentsForTemplate(template, 't.yaml', 'config-item'));
  });

  it('builds the hook form keyed by type with resolved resourceProperties', () => {
    const template = {
      Parameters: { Mode: { Type: 'String', Default: 'Active' } },
      Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { TracingConfig: { Mode: { Ref: 'Mode' } } } } },
    };
    const result = documentsForTemplate(template, 't.json', 'hook');
    expect(result).toEqual({
      ok: true,
      documents: [
        expect.objectContaining({
          name: 't.json#Fn',
          document: { 'AWS::Lambda::Function': { resourceProperties: { TracingConfig: { Mode: 'Active' } } } },
        }),
      ],
    });
  });

  it('builds the Guard Hook RESOURCE and STACK inputs', () => {
    const template = { Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } } } };
    const result = documentsForTemplate(template, 't.json', 'guard-hook', {
      guardHookTargets: ['RESOURCE', 'STACK'],
      parameters: { 'AWS::StackName': 'shop' },
    });
    if (!result.ok) throw new Error(result.message);
    const [resource, stack] = result.documents;
    expect(resource!.document).toMatchObject({
      HookContext: { TargetType: 'RESOURCE', TargetName: 'AWS::S3::Bucket', TargetLogicalId: 'B', InvocationPoint: 'CREATE_PRE_PROVISION' },
      Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } } },
    });
    expect(stack!.name).toBe('t.json');
    expect(stack!.document).toMatchObject({ HookContext: { TargetType: 'STACK', TargetName: 'shop' }, Resources: template.Resources });
  });

  it('can spell the Guard Hook resource keys as the guide\'s syntax block does', () => {
    const template = { Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } } } };
    const result = documentsForTemplate(template, 't.json', 'guard-hook', { guardHookSpelling: 'ResourceType' });
    if (!result.ok) throw new Error(result.message);
    expect(result.documents[0]!.document['Resources']).toEqual({ B: { ResourceType: 'AWS::S3::Bucket', ResourceProperties: { BucketName: 'b' } } });
  });

  it('leaves out resources whose condition is false and flags undecidable ones', () => {
    const template = {
      Parameters: { Env: { Type: 'String', Default: 'dev' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, InRegion: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'x'] } },
      Resources: {
        Prod: { Type: 'AWS::SQS::Queue', Condition: 'IsProd' },
        Maybe: { Type: 'AWS::SQS::Queue', Condition: 'InRegion' },
      },
    };
    const result = documentsForTemplate(template, 't.json', 'config-item');
    if (!result.ok) throw new Error(result.message);
    expect(result.documents.map((d) => [d.logicalId, d.conditional])).toEqual([['Maybe', true]]);
  });

  it('refuses documents that are not templates', () => {
    expect(documentsForTemplate({ configuration: {} }, 'x.json', 'hook')).toEqual({
      ok: false,
      message: 'x.json: not a CloudFormation template (no Resources section)',
    });
  });
});

// The scenario, judged by the reference engine: the projected items make cfn-guard 3.1.1 itself
// FAIL the PassThrough function and PASS the Active one, where the raw template SKIPs.
if (referenceBinary() === null) {
  describe('seed scenario with cfn-guard 3.1.1 over projected items', () => {
    it.skip('SKIPPED: cfn-guard 3.1.1 is not available (scripts/get-reference-binary.mjs failed)', () => {});
  });
} else describe('seed scenario with cfn-guard 3.1.1 over projected items', () => {
  const rule = join(seedDir, 'lambda_tracing_config_item.guard');
  const verdictOver = (templateName: string) => {
    const result = documentsForTemplate(seedTemplate(templateName), templateName, 'config-item');
    if (!result.ok) throw new Error(result.message);
    const dir = mkdtempSync(join(tmpdir(), 'guardts-seed-'));
    const fn = result.documents.find((d) => d.logicalId === 'MyLambdaFunction')!;
    writeFileSync(join(dir, 'item.json'), JSON.stringify(fn.document));
    return runReference(['validate', '-r', rule, '-d', join(dir, 'item.json'), '--show-summary', 'all']);
  };

  it('the raw template SKIPs', () => {
    const raw = runReference(['validate', '-r', rule, '-d', join(seedDir, 'template-passthrough.yaml'), '--show-summary', 'all']);
    expect(raw.status).toBe(0);
    expect(raw.stdout).toMatch(/lambda_tracing_check\s+SKIP/);
  });

  it('the PassThrough function FAILs once projected', () => {
    const run = verdictOver('template-passthrough.yaml');
    expect(run.stdout).toMatch(/lambda_tracing_check\s+FAIL/);
    expect(run.status).toBe(19);
  });

  it('the Active function PASSes once projected', () => {
    const run = verdictOver('template-active.yaml');
    expect(run.stdout).toMatch(/lambda_tracing_check\s+PASS/);
    expect(run.status).toBe(0);
  });
});
