import { describe, expect, it } from 'vitest';
import { findUnresolvedIntrinsics } from '../src/client/index.js';
import { parseTemplate, substituteIntrinsics } from '../src/cross-check/index.js';

const TEMPLATE = `
Parameters:
  Env: { Type: String, Default: prod }
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
Mappings:
  Sizes: { prod: { Memory: 512 } }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Role: { Type: AWS::IAM::Role, Properties: {} }
  Bucket: { Type: AWS::S3::Bucket, Properties: {} }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      FunctionName: !Sub '\${AWS::StackName}-\${Env}-fn'
      MemorySize: !FindInMap [Sizes, !Ref Env, Memory]
      Description: !Join ['-', [a, !Ref Bucket, !Select [1, [x, y]]]]
      Tags: [{ Key: region, Value: !Ref 'AWS::Region' }]
      KmsKeyArn: !If [IsProd, !GetAtt Bucket.Arn, !Ref 'AWS::NoValue']
      ReservedConcurrentExecutions: !Ref 'AWS::NoValue'
      VpcConfig: { SubnetIds: !Ref Subnets, SecurityGroupIds: !Split [',', 'sg-1,sg-2'] }
`;

describe('reading templates and substituting intrinsics', () => {
  const parsed = parseTemplate(TEMPLATE, 't.yaml');
  if (!parsed.ok) throw new Error(parsed.error);
  const fn = parsed.template.resources.find((r) => r.logicalId === 'Fn')!;

  it('short-form tags become long-form intrinsics', () => {
    expect(fn.properties.Role).toEqual({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(fn.properties.MemorySize).toEqual({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Memory'] });
    expect(findUnresolvedIntrinsics(fn.properties).length).toBeGreaterThan(5);
  });

  it('substitutes defaults, pseudo parameters and placeholders, leaving no intrinsic and reporting each one', () => {
    const { value, substitutions } = substituteIntrinsics(fn.properties, { template: parsed.template, region: 'eu-west-1', stackName: 'stack' });
    expect(findUnresolvedIntrinsics(value)).toEqual([]);
    expect(value).toEqual({
      Role: 'arn:aws:iam::123456789012:role/role',
      FunctionName: 'stack-prod-fn',
      MemorySize: 512,
      Description: 'a-bucket-y',
      Tags: [{ Key: 'region', Value: 'eu-west-1' }],
      KmsKeyArn: 'arn:aws:s3:::bucket',
      VpcConfig: { SubnetIds: [], SecurityGroupIds: ['sg-1', 'sg-2'] },
    });
    expect(substitutions.map((s) => s.path)).toEqual(['/Role', '/FunctionName', '/MemorySize', '/Description', '/Tags/0/Value', '/KmsKeyArn', '/ReservedConcurrentExecutions', '/VpcConfig/SubnetIds', '/VpcConfig/SecurityGroupIds']);
  });

  it('reports unreadable templates with a position', () => {
    const bad = parseTemplate('Resources:\n  A: [unclosed\n', 'bad.yaml');
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^bad\.yaml:\d+:\d+: /) });
    expect(parseTemplate('just text', 'x.yaml')).toMatchObject({ ok: false });
    expect(parseTemplate('Resources:\n  A: { Properties: {} }\n', 'x.yaml')).toMatchObject({ ok: false, error: 'x.yaml: resource A has no Type' });
  });
});
