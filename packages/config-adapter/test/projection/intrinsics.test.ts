import { describe, expect, it } from 'vitest';
import { resolveIntrinsics } from '../../src/projection/intrinsics/resolve-intrinsics.js';
import { templateContext } from '../../src/projection/intrinsics/template-context.js';
import { parseParameterPairs } from '../../src/projection/intrinsics/parameter-values.js';
import { projectToConfigItem } from '../../src/projection/project-config-item.js';

const template = {
  Parameters: {
    Stage: { Type: 'String', Default: 'dev' },
    Mode: { Type: 'String' },
    Subnets: { Type: 'CommaDelimitedList', Default: 'a,b' },
  },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
    NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    Unknown: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] },
  },
  Mappings: { Sizes: { dev: { Memory: 128 }, prod: { Memory: 1024 } } },
  Resources: { Fn: { Type: 'AWS::Lambda::Function' }, Role: { Type: 'AWS::IAM::Role' } },
};

describe('resolveIntrinsics', () => {
  it('resolves Ref to parameters with given values, defaults, and typed lists', () => {
    const context = templateContext(template, { Stage: 'prod' });
    expect(resolveIntrinsics({ A: { Ref: 'Stage' }, B: { Ref: 'Subnets' } }, context).value).toEqual({ A: 'prod', B: ['a', 'b'] });
  });

  it('resolves Fn::Sub with parameters, pseudo parameters, bindings and escapes', () => {
    const context = templateContext(template, { 'AWS::Region': 'eu-west-1' });
    const { value, unresolved } = resolveIntrinsics(
      { Name: { 'Fn::Sub': 'fn-${Stage}-${AWS::Region}-${AWS::Partition}' }, B: { 'Fn::Sub': ['${X}-${!Literal}', { X: 'x' }] } },
      context,
    );
    expect(value).toEqual({ Name: 'fn-dev-eu-west-1-aws', B: 'x-${Literal}' });
    expect(unresolved).toEqual([]);
  });

  it('decides Fn::If on decidable conditions and drops AWS::NoValue', () => {
    const context = templateContext(template, { Stage: 'prod' });
    const { value } = resolveIntrinsics(
      { Mode: { 'Fn::If': ['IsProd', 'Active', 'PassThrough'] }, Extra: { 'Fn::If': ['NotProd', 1, { Ref: 'AWS::NoValue' }] } },
      context,
    );
    expect(value).toEqual({ Mode: 'Active' });
  });

  it('resolves Fn::FindInMap, Fn::Join, Fn::Select and Fn::Split', () => {
    const context = templateContext(template);
    const { value } = resolveIntrinsics(
      {
        Memory: { 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Memory'] },
        Joined: { 'Fn::Join': ['-', ['a', { Ref: 'Stage' }]] },
        Picked: { 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y,z'] }] },
      },
      context,
    );
    expect(value).toEqual({ Memory: 128, Joined: 'a-dev', Picked: 'y' });
  });

  it('marks what cannot be known offline and keeps it as written', () => {
    const context = templateContext(template);
    const getAtt = { 'Fn::GetAtt': ['Role', 'Arn'] };
    const { value, unresolved } = resolveIntrinsics(
      { Role: getAtt, Mode: { Ref: 'Mode' }, When: { 'Fn::If': ['Unknown', 'a', 'b'] }, Target: { Ref: 'Fn' } },
      context,
    );
    expect(value).toEqual({ Role: getAtt, Mode: { Ref: 'Mode' }, When: { 'Fn::If': ['Unknown', 'a', 'b'] }, Target: { Ref: 'Fn' } });
    expect(unresolved.map((u) => u.path)).toEqual(['/Role', '/Mode', '/When', '/Target']);
    expect(unresolved[1]!.reason).toMatch(/no value and no Default/);
    expect(unresolved[2]!.reason).toMatch(/cannot be decided/);
  });
});

describe('parameters in projection', () => {
  it('reports that the projected document contains unresolved values', () => {
    const projection = projectToConfigItem('AWS::Lambda::Function', 'Fn', {
      Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
      TracingConfig: { Mode: { Ref: 'TracingMode' } },
    }, { parameters: { TracingMode: 'Active' } });
    expect(projection.document['configuration']).toMatchObject({ tracingConfig: { mode: 'Active' } });
    expect(projection.unresolved.map((u) => u.path)).toEqual(['/Role']);
  });

  it('parses k=v pairs and refuses malformed ones', () => {
    expect(parseParameterPairs(['A=1', 'B=x=y'])).toEqual({ ok: true, values: { A: '1', B: 'x=y' } });
    expect(parseParameterPairs(['oops'])).toMatchObject({ ok: false });
  });
});
