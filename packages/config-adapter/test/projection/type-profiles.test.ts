// One case per hand-completed type: CloudFormation properties in, the Config item fields they become.
import { describe, expect, it } from 'vitest';
import { handProfiles } from '../../src/projection/profiles/index.js';
import { projectToConfigItem } from '../../src/projection/project-config-item.js';

interface Case {
  readonly properties: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
}

const cases: Record<string, Case> = {
  'AWS::Lambda::Function': {
    properties: {
      FunctionName: 'orders',
      KmsKeyArn: 'arn:kms',
      ReservedConcurrentExecutions: 5,
      TracingConfig: { Mode: 'PassThrough' },
      Environment: { Variables: { TABLE_NAME: 't' } },
      Layers: ['arn:layer:1'],
      VpcConfig: { SubnetIds: ['s1'], SecurityGroupIds: ['g1'] },
      DeadLetterConfig: { TargetArn: 'arn:sqs' },
    },
    expected: {
      configuration: {
        functionName: 'orders',
        kmskeyArn: 'arn:kms',
        tracingConfig: { mode: 'PassThrough' },
        environment: { variables: { TABLE_NAME: 't' } },
        layers: [{ arn: 'arn:layer:1' }],
        vpcConfig: { subnetIds: ['s1'], securityGroupIds: ['g1'] },
        deadLetterConfig: { targetArn: 'arn:sqs' },
      },
      supplementaryConfiguration: { Concurrency: { reservedConcurrentExecutions: 5 } },
    },
  },
  'AWS::Lambda::Permission': {
    properties: { Action: 'lambda:InvokeFunction', Principal: '*', FunctionName: 'f' },
    expected: { configuration: { action: 'lambda:InvokeFunction', principal: '*', functionName: 'f' } },
  },
  'AWS::Lambda::Url': {
    properties: { AuthType: 'NONE', TargetFunctionArn: 'arn:fn' },
    expected: { configuration: { authType: 'NONE', targetFunctionArn: 'arn:fn' } },
  },
  'AWS::Lambda::EventSourceMapping': {
    properties: { BatchSize: 10, DestinationConfig: { OnFailure: { Destination: 'arn:q' } } },
    expected: { configuration: { batchSize: 10, destinationConfig: { onFailure: { destination: 'arn:q' } } } },
  },
  'AWS::S3::Bucket': {
    properties: {
      BucketName: 'logs',
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'k' }, BucketKeyEnabled: true },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: 'audit', LogFilePrefix: 'p/' },
      ObjectLockEnabled: true,
      ReplicationConfiguration: { Role: 'arn:role', Rules: [{ Status: 'Enabled' }] },
    },
    expected: {
      resourceName: 'logs',
      configuration: { name: 'logs' },
      supplementaryConfiguration: {
        ServerSideEncryptionConfiguration: {
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyID: 'k' }, bucketKeyEnabled: true }],
        },
        BucketVersioningConfiguration: { status: 'Enabled' },
        PublicAccessBlockConfiguration: { blockPublicAcls: true, restrictPublicBuckets: true },
        BucketLoggingConfiguration: { destinationBucketName: 'audit', logFilePrefix: 'p/' },
        ObjectLockConfiguration: { objectLockEnabled: 'Enabled' },
        BucketReplicationConfiguration: { roleARN: 'arn:role', rules: [{ status: 'Enabled' }] },
      },
    },
  },
  'AWS::DynamoDB::Table': {
    properties: {
      TableName: 't',
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'k' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    },
    expected: {
      configuration: {
        tableName: 't',
        billingModeSummary: { billingMode: 'PAY_PER_REQUEST' },
        ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: 'k' },
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      },
      supplementaryConfiguration: {
        ContinuousBackupsDescription: { pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' } },
      },
    },
  },
  'AWS::SQS::Queue': {
    properties: { QueueName: 'q', KmsMasterKeyId: 'alias/aws/sqs', RedrivePolicy: { deadLetterTargetArn: 'arn:dlq', maxReceiveCount: 3 } },
    expected: {
      configuration: {
        QueueName: 'q',
        KmsMasterKeyId: 'alias/aws/sqs',
        RedrivePolicy: '{"deadLetterTargetArn":"arn:dlq","maxReceiveCount":3}',
      },
    },
  },
  'AWS::SNS::Topic': {
    properties: { TopicName: 'n', KmsMasterKeyId: 'k', DisplayName: 'd' },
    expected: { configuration: { KmsMasterKeyId: 'k', DisplayName: 'd' } },
  },
  'AWS::ApiGateway::RestApi': {
    properties: { Name: 'api', EndpointConfiguration: { Types: ['REGIONAL'] }, Body: { openapi: '3.0' }, ApiKeySourceType: 'HEADER' },
    expected: { resourceName: 'api', configuration: { name: 'api', endpointConfiguration: { types: ['REGIONAL'] }, apiKeySource: 'HEADER' } },
  },
  'AWS::ApiGateway::Stage': {
    properties: {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: 'arn:logs', Format: '$context.requestId' },
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR', MetricsEnabled: true }],
    },
    expected: {
      configuration: {
        stageName: 'prod',
        tracingEnabled: true,
        accessLogSettings: { destinationArn: 'arn:logs', format: '$context.requestId' },
        methodSettings: { '*/*': { loggingLevel: 'ERROR', metricsEnabled: true } },
      },
    },
  },
  'AWS::ApiGateway::Method': {
    properties: { HttpMethod: 'GET', AuthorizationType: 'NONE' },
    expected: { configuration: { httpMethod: 'GET', authorizationType: 'NONE' } },
  },
  'AWS::IAM::Role': {
    properties: {
      RoleName: 'r',
      AssumeRolePolicyDocument: { Version: '2012-10-17' },
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17' } }],
    },
    expected: {
      configuration: {
        roleName: 'r',
        assumeRolePolicyDocument: encodeURIComponent('{"Version":"2012-10-17"}'),
        attachedManagedPolicies: [{ policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        rolePolicyList: [{ policyName: 'p', policyDocument: encodeURIComponent('{"Version":"2012-10-17"}') }],
      },
    },
  },
  'AWS::IAM::Policy': {
    properties: { PolicyName: 'p', PolicyDocument: { Statement: [] } },
    expected: { configuration: { policyName: 'p', policyVersionList: [{ isDefaultVersion: true }] } },
  },
  'AWS::IAM::ManagedPolicy': {
    properties: { ManagedPolicyName: 'm', PolicyDocument: { Statement: [] } },
    expected: { configuration: { policyName: 'm', policyVersionList: [{ document: encodeURIComponent('{"Statement":[]}') }] } },
  },
  'AWS::IAM::User': {
    properties: { UserName: 'u', Groups: ['g'], LoginProfile: { Password: 'secret' } },
    expected: { configuration: { userName: 'u', groupList: ['g'] } },
  },
  'AWS::EC2::SecurityGroup': {
    properties: {
      GroupDescription: 'web',
      VpcId: 'vpc-1',
      SecurityGroupIngress: [{ IpProtocol: '6', FromPort: '443', ToPort: 443, CidrIp: '0.0.0.0/0' }],
    },
    expected: {
      configuration: {
        description: 'web',
        vpcId: 'vpc-1',
        ipPermissions: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipRanges: ['0.0.0.0/0'] }],
      },
    },
  },
  'AWS::EC2::Instance': {
    properties: { ImageId: 'ami-1', InstanceType: 't3.micro', Monitoring: true, SecurityGroupIds: ['sg-1'], AvailabilityZone: 'eu-west-1a' },
    expected: {
      configuration: {
        imageId: 'ami-1',
        instanceType: 't3.micro',
        monitoring: { state: 'enabled' },
        securityGroups: [{ groupId: 'sg-1' }],
        placement: { availabilityZone: 'eu-west-1a' },
      },
    },
  },
  'AWS::EC2::Volume': {
    properties: { Encrypted: true, Size: 10, VolumeType: 'gp3' },
    expected: { configuration: { encrypted: true, size: 10, volumeType: 'gp3' } },
  },
  'AWS::EC2::VPC': {
    properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true },
    expected: { configuration: { cidrBlock: '10.0.0.0/16' }, supplementaryConfiguration: { EnableDnsSupport: true } },
  },
  'AWS::EC2::Subnet': {
    properties: { CidrBlock: '10.0.1.0/24', MapPublicIpOnLaunch: false, VpcId: 'vpc-1' },
    expected: { configuration: { cidrBlock: '10.0.1.0/24', mapPublicIpOnLaunch: false, vpcId: 'vpc-1' } },
  },
  'AWS::RDS::DBInstance': {
    properties: {
      DBInstanceIdentifier: 'db',
      DBInstanceClass: 'db.t3.micro',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      MultiAZ: true,
      EnableIAMDatabaseAuthentication: true,
      VPCSecurityGroups: ['sg-1'],
      MasterUserPassword: 'secret',
    },
    expected: {
      configuration: {
        dBInstanceIdentifier: 'db',
        dBInstanceClass: 'db.t3.micro',
        storageEncrypted: true,
        publiclyAccessible: false,
        multiAZ: true,
        iAMDatabaseAuthenticationEnabled: true,
        vpcSecurityGroups: [{ vpcSecurityGroupId: 'sg-1' }],
      },
    },
  },
  'AWS::RDS::DBCluster': {
    properties: { DBClusterIdentifier: 'c', StorageEncrypted: true, DeletionProtection: true, EnableIAMDatabaseAuthentication: true },
    expected: { configuration: { dbclusterIdentifier: 'c', storageEncrypted: true, deletionProtection: true, iamdatabaseAuthenticationEnabled: true } },
  },
  'AWS::KMS::Key': {
    properties: { EnableKeyRotation: true, KeySpec: 'SYMMETRIC_DEFAULT', Enabled: true },
    expected: { configuration: { keySpec: 'SYMMETRIC_DEFAULT', enabled: true }, supplementaryConfiguration: { KeyRotationStatus: true } },
  },
  'AWS::CloudTrail::Trail': {
    properties: { TrailName: 't', EnableLogFileValidation: true, IsMultiRegionTrail: true, KMSKeyId: 'k', S3BucketName: 'b' },
    expected: { configuration: { name: 't', logFileValidationEnabled: true, isMultiRegionTrail: true, kmsKeyId: 'k', s3BucketName: 'b' } },
  },
  'AWS::StepFunctions::StateMachine': {
    properties: { StateMachineName: 'sm', TracingConfiguration: { Enabled: true }, Definition: { StartAt: 'A' } },
    expected: { configuration: { StateMachineName: 'sm', TracingConfiguration: { Enabled: true }, Definition: '{"StartAt":"A"}' } },
  },
  'AWS::Logs::LogGroup': {
    properties: { LogGroupName: '/aws/lambda/f', RetentionInDays: 14, KmsKeyId: 'k' },
    expected: { resourceName: '/aws/lambda/f', configuration: { logGroupName: '/aws/lambda/f', retentionInDays: 14, kmsKeyId: 'k' } },
  },
  'AWS::ElastiCache::ReplicationGroup': {
    properties: { AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true },
    expected: { configuration: { atRestEncryptionEnabled: true, transitEncryptionEnabled: true } },
  },
  'AWS::ElastiCache::CacheCluster': {
    properties: { Engine: 'redis', CacheNodeType: 'cache.t3.micro' },
    expected: { configuration: { engine: 'redis', cacheNodeType: 'cache.t3.micro' } },
  },
  'AWS::ECS::Cluster': {
    properties: { ClusterName: 'c', ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] },
    expected: { configuration: { ClusterName: 'c', ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
  },
  'AWS::ECS::Service': {
    properties: { ServiceName: 's', LaunchType: 'FARGATE', ForceNewDeployment: { EnableForceNewDeployment: true } },
    expected: { configuration: { ServiceName: 's', LaunchType: 'FARGATE' } },
  },
  'AWS::ECS::TaskDefinition': {
    properties: { NetworkMode: 'awsvpc', ContainerDefinitions: [{ Name: 'app', Privileged: false }] },
    expected: { configuration: { NetworkMode: 'awsvpc', ContainerDefinitions: [{ Name: 'app', Privileged: false }] } },
  },
  'AWS::EKS::Cluster': {
    properties: { Name: 'k', ResourcesVpcConfig: { EndpointPublicAccess: false } },
    expected: { configuration: { Name: 'k', ResourcesVpcConfig: { EndpointPublicAccess: false } } },
  },
};

describe('hand-completed types', () => {
  it('has a case for every hand profile', () => {
    expect(Object.keys(cases).sort()).toEqual([...handProfiles.keys()].sort());
  });

  for (const [type, { properties, expected }] of Object.entries(cases)) {
    it(`projects ${type}`, () => {
      const projection = projectToConfigItem(type, 'Logical', properties as never);
      expect(projection.mappingSource).toBe('hand');
      expect(projection.document).toMatchObject({ resourceType: type, resourceId: 'Logical', ...expected });
    });
  }

  it('never carries secrets or deployment inputs into the item', () => {
    const user = projectToConfigItem('AWS::IAM::User', 'U', { LoginProfile: { Password: 'secret' } });
    const db = projectToConfigItem('AWS::RDS::DBInstance', 'D', { MasterUserPassword: 'secret' });
    expect(JSON.stringify([user.document, db.document])).not.toContain('secret');
    expect(db.droppedProperties).toEqual(['MasterUserPassword']);
  });
});
