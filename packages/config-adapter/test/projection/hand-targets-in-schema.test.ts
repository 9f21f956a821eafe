// Every hand-placed target is a path of Config's published schema for the type, or is listed here
// with why it is not: Config items carry more fields than SelectResources indexes, and a few
// placements are inferences. A typo in a profile fails this suite instead of silently moving a value.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { handProfiles } from '../../src/projection/profiles/index.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';

/** Fields the service APIs return (and Config items carry) that the searchable schema omits. */
const SERVICE_FIELDS = new Set([
  'AWS::Lambda::Function configuration.environment.variables', // GetFunctionConfiguration Environment.Variables
  'AWS::S3::Bucket supplementaryConfiguration.BucketNotificationConfiguration',
  'AWS::SQS::Queue configuration.RedrivePolicy', // GetQueueAttributes: JSON text
  'AWS::SQS::Queue configuration.RedriveAllowPolicy',
  'AWS::SNS::Topic configuration.DataProtectionPolicy', // GetTopicAttributes
  'AWS::SNS::Topic configuration.ArchivePolicy',
  'AWS::SNS::Topic configuration.DeliveryStatusLogging',
  'AWS::ApiGateway::RestApi configuration.policy', // GetRestApi policy (escaped JSON text)
  'AWS::ApiGateway::Stage configuration.methodSettings', // GetStage methodSettings map
  'AWS::ApiGateway::Stage configuration.variables',
  'AWS::IAM::Role configuration.assumeRolePolicyDocument', // GetRole, URL-encoded
  'AWS::StepFunctions::StateMachine configuration.Definition', // DescribeStateMachine definition (text)
  'AWS::CloudTrail::Trail supplementaryConfiguration.TrailStatus.isLogging', // GetTrailStatus
  'AWS::CloudTrail::Trail supplementaryConfiguration.EventSelectors', // GetEventSelectors
  'AWS::CloudTrail::Trail supplementaryConfiguration.InsightSelectors',
]);

/** Placements that are our inference (no schema path, no service field of that name). */
const INFERRED = new Set([
  'AWS::S3::Bucket supplementaryConfiguration.BucketOwnershipControls',
  'AWS::S3::Bucket supplementaryConfiguration.AccessControlList.cannedAcl',
  'AWS::DynamoDB::Table supplementaryConfiguration.TimeToLiveDescription',
  'AWS::EC2::Instance configuration.iamInstanceProfile.name',
  'AWS::EC2::Instance supplementaryConfiguration.DisableApiTermination',
  'AWS::EC2::Volume supplementaryConfiguration.AutoEnableIO',
  'AWS::EC2::VPC supplementaryConfiguration.EnableDnsSupport',
  'AWS::EC2::VPC supplementaryConfiguration.EnableDnsHostnames',
  'AWS::KMS::Key supplementaryConfiguration.Policy',
]);

describeShared('hand-placed targets against the Config resource schema', (shared) => {
  const schemaDir = join(shared, 'config-schema', 'config', 'properties', 'resource-types');
  const outside: string[] = [];
  for (const [type, profile] of handProfiles) {
    const file = join(schemaDir, `${type}.properties.json`);
    if (!existsSync(file)) continue;
    const paths = Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    for (const move of profile.moves) {
      if (move.to === null || move.to === 'tags') continue;
      const target = move.to.replace(/\[(\*|\d+)\]/g, '');
      if (!paths.some((path) => path === target || path.startsWith(`${target}.`))) outside.push(`${type} ${target}`);
    }
  }

  it('places nothing outside the schema except the listed service fields and inferences', () => {
    expect(outside.filter((entry) => !SERVICE_FIELDS.has(entry) && !INFERRED.has(entry))).toEqual([]);
  });

  it('keeps the lists current', () => {
    expect([...SERVICE_FIELDS, ...INFERRED].filter((entry) => !outside.includes(entry))).toEqual([]);
  });
});
