import type { JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';

const vpcSecurityGroups = (value: JsonValue): JsonValue =>
  Array.isArray(value) ? value.map((vpcSecurityGroupId) => ({ vpcSecurityGroupId, status: 'active' })) : value;

// Secrets and restore inputs have no item field.
const CREATE_ONLY = [
  'MasterUserPassword', 'MasterUserSecret', 'ManageMasterUserPassword', 'TdeCredentialPassword',
  'SnapshotIdentifier', 'DBSnapshotIdentifier', 'DBClusterSnapshotIdentifier', 'RestoreTime', 'RestoreToTime', 'RestoreType',
  'UseLatestRestorableTime', 'SourceRegion', 'SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier', 'SourceDbiResourceId',
  'SourceDbClusterResourceId', 'SourceDBInstanceAutomatedBackupsArn', 'UseDefaultProcessorFeatures', 'CertificateRotationRestart',
  'AllowMajorVersionUpgrade', 'ApplyImmediately', 'DeleteAutomatedBackups',
];

export const rdsProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::RDS::DBInstance',
    nameProperty: 'DBInstanceIdentifier',
    moves: [
      { from: '$.DBSubnetGroupName', to: 'configuration.dBSubnetGroup.dBSubnetGroupName' },
      { from: '$.VPCSecurityGroups', to: 'configuration.vpcSecurityGroups', transform: vpcSecurityGroups },
      { from: '$.EnableCloudwatchLogsExports', to: 'configuration.enabledCloudwatchLogsExports' },
      { from: '$.EnableIAMDatabaseAuthentication', to: 'configuration.iAMDatabaseAuthenticationEnabled' },
      { from: '$.EnablePerformanceInsights', to: 'configuration.performanceInsightsEnabled' },
      { from: '$.Port', to: 'configuration.dbInstancePort' },
      { from: '$.DBParameterGroupName', to: 'configuration.dBParameterGroups[0].dBParameterGroupName' },
      { from: '$.OptionGroupName', to: 'configuration.optionGroupMemberships[0].optionGroupName' },
      ...CREATE_ONLY.map((name) => ({ from: `$.${name}`, to: null })),
    ],
  },
  {
    type: 'AWS::RDS::DBCluster',
    nameProperty: 'DBClusterIdentifier',
    moves: [
      { from: '$.DBSubnetGroupName', to: 'configuration.dbsubnetGroup' },
      { from: '$.VpcSecurityGroupIds', to: 'configuration.vpcSecurityGroups', transform: vpcSecurityGroups },
      { from: '$.EnableCloudwatchLogsExports', to: 'configuration.enabledCloudwatchLogsExports' },
      { from: '$.EnableIAMDatabaseAuthentication', to: 'configuration.iamdatabaseAuthenticationEnabled' },
      { from: '$.EnableHttpEndpoint', to: 'configuration.httpEndpointEnabled' },
      { from: '$.DBClusterParameterGroupName', to: 'configuration.dbclusterParameterGroup' },
      { from: '$.ScalingConfiguration', to: 'configuration.scalingConfigurationInfo' },
      { from: '$.AvailabilityZones', to: 'configuration.availabilityZones' },
      ...CREATE_ONLY.map((name) => ({ from: `$.${name}`, to: null })),
    ],
  },
];
