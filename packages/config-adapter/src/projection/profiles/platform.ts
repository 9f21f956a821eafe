import { isJsonObject, type JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';
import { jsonText } from '../value-transforms.js';

const definitionText = (value: JsonValue): JsonValue => (isJsonObject(value) ? JSON.stringify(value) : value);

export const platformProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::KMS::Key',
    moves: [
      { from: '$.EnableKeyRotation', to: 'supplementaryConfiguration.KeyRotationStatus' },
      { from: '$.KeyPolicy', to: 'supplementaryConfiguration.Policy', transform: jsonText },
      // Deletion inputs, shown only once deletion is scheduled.
      { from: '$.PendingWindowInDays', to: null },
      { from: '$.BypassPolicyLockoutSafetyCheck', to: null },
    ],
    confirmed: ['RotationPeriodInDays'],
  },
  {
    type: 'AWS::CloudTrail::Trail',
    nameProperty: 'TrailName',
    moves: [
      { from: '$.TrailName', to: 'configuration.name' },
      { from: '$.EnableLogFileValidation', to: 'configuration.logFileValidationEnabled' },
      { from: '$.IsLogging', to: 'supplementaryConfiguration.TrailStatus.isLogging' },
      { from: '$.EventSelectors', to: 'supplementaryConfiguration.EventSelectors' },
      { from: '$.InsightSelectors', to: 'supplementaryConfiguration.InsightSelectors' },
    ],
  },
  {
    type: 'AWS::StepFunctions::StateMachine',
    keys: 'preserve',
    nameProperty: 'StateMachineName',
    moves: [
      { from: '$.DefinitionString', to: 'configuration.Definition' },
      { from: '$.Definition', to: 'configuration.Definition', transform: definitionText },
      { from: '$.DefinitionSubstitutions', to: null },
      { from: '$.DefinitionS3Location', to: null },
    ],
    confirmed: ['EncryptionConfiguration'],
  },
  { type: 'AWS::Logs::LogGroup', recordedByConfig: false, nameProperty: 'LogGroupName', moves: [] },
  { type: 'AWS::ElastiCache::ReplicationGroup', recordedByConfig: false, nameProperty: 'ReplicationGroupId', moves: [] },
  { type: 'AWS::ElastiCache::CacheCluster', recordedByConfig: false, nameProperty: 'ClusterName', moves: [] },
];
