import { describe, expect, it } from 'vitest';
import { projectToConfigItem } from '../../src/projection/project-config-item.js';

describe('projectToConfigItem envelope', () => {
  it('builds the Config item fields around the configuration', () => {
    const { document } = projectToConfigItem('AWS::Lambda::Function', 'MyFn', { FunctionName: 'orders', Runtime: 'nodejs22.x' }, {
      parameters: { 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '111122223333' },
    });
    expect(document).toMatchObject({
      resourceType: 'AWS::Lambda::Function',
      resourceId: 'MyFn',
      resourceName: 'orders',
      awsRegion: 'eu-west-1',
      accountId: '111122223333',
      configuration: { functionName: 'orders', runtime: 'nodejs22.x' },
      supplementaryConfiguration: {},
      tags: {},
    });
  });

  it('names the resource after its logical id when no name is given', () => {
    expect(projectToConfigItem('AWS::S3::Bucket', 'Logs', {}).document['resourceName']).toBe('Logs');
  });

  it('turns CloudFormation tag lists into the Config tag map', () => {
    const { document } = projectToConfigItem('AWS::SQS::Queue', 'Q', { Tags: [{ Key: 'team', Value: 'payments' }] });
    expect(document['tags']).toEqual({ team: 'payments' });
  });
});

describe('projectToConfigItem bookkeeping', () => {
  it('lists properties placed without any Config fact, and those Config has no field for', () => {
    const projection = projectToConfigItem('AWS::Lambda::Function', 'Fn', {
      Code: { ZipFile: 'x' },
      Runtime: 'python3.12',
      RecursiveLoop: 'Terminate',
    });
    expect(projection.droppedProperties).toEqual(['Code']);
    expect(projection.unmappedProperties).toEqual(['RecursiveLoop']);
    expect(projection.mappingSource).toBe('hand');
    expect(projection.document['configuration']).not.toHaveProperty('code');
  });

  it('can leave unmapped properties out', () => {
    const projection = projectToConfigItem('AWS::Lambda::Function', 'Fn', { RecursiveLoop: 'Terminate' }, { unmapped: 'drop' });
    expect(projection.document['configuration']).toEqual({});
  });

  it('projects types without hand or generated facts mechanically and says so', () => {
    const projection = projectToConfigItem('Custom::Thing', 'X', { SomeSetting: { Inner: 1 } });
    expect(projection.mappingSource).toBe('none');
    expect(projection.recordedByConfig).toBe(false);
    expect(projection.document['configuration']).toEqual({ someSetting: { inner: 1 } });
  });

  it('keeps generated facts for types nobody completed by hand', () => {
    const projection = projectToConfigItem('AWS::Kinesis::Stream', 'S', { StreamEncryption: { EncryptionType: 'KMS' } });
    expect(projection.mappingSource).toBe('generated');
    expect(projection.document['configuration']).toEqual({ StreamEncryption: { EncryptionType: 'KMS' } });
  });
});
