/**
 * The resource types AWS Config evaluates proactively, as listed in its developer guide (2023).
 * The service's current list may be longer; the emulator takes another list, or `any`.
 */
export const DOCUMENTED_PROACTIVE_TYPES: readonly string[] = [
  'AWS::ApiGateway::Stage',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::EC2::EIP',
  'AWS::EC2::Instance',
  'AWS::EC2::Subnet',
  'AWS::Elasticsearch::Domain',
  'AWS::Lambda::Function',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
  'AWS::S3::Bucket',
  'AWS::SNS::Topic',
];
