import { isJsonObject, type JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';
import { boolean } from '../value-transforms.js';

const status = (enabled: JsonValue | undefined) => (boolean(enabled ?? false) === true ? 'ENABLED' : 'DISABLED');

/** `SSESpecification` -> DynamoDB's `SSEDescription`; absent when encryption uses the AWS owned key. */
function sseDescription(value: JsonValue): JsonValue | undefined {
  if (!isJsonObject(value) || boolean(value['SSEEnabled'] ?? false) !== true) return undefined;
  const description: Record<string, JsonValue> = { status: 'ENABLED', ssetype: value['SSEType'] ?? 'KMS' };
  if (value['KMSMasterKeyId'] !== undefined) description['kmsmasterKeyArn'] = value['KMSMasterKeyId'];
  return description;
}

function continuousBackups(value: JsonValue): JsonValue | undefined {
  if (!isJsonObject(value)) return undefined;
  const enabled = status(value['PointInTimeRecoveryEnabled']);
  return { continuousBackupsStatus: 'ENABLED', pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: enabled } };
}

function streamSpecification(value: JsonValue): JsonValue | undefined {
  if (!isJsonObject(value)) return undefined;
  return { streamEnabled: true, streamViewType: value['StreamViewType'] ?? null };
}

export const dynamoDbProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::DynamoDB::Table',
    nameProperty: 'TableName',
    moves: [
      { from: '$.SSESpecification', to: 'configuration.ssedescription', transform: sseDescription },
      { from: '$.PointInTimeRecoverySpecification', to: 'supplementaryConfiguration.ContinuousBackupsDescription', transform: continuousBackups },
      { from: '$.StreamSpecification', to: 'configuration.streamSpecification', transform: streamSpecification },
      { from: '$.BillingMode', to: 'configuration.billingModeSummary.billingMode' },
      { from: '$.TableClass', to: 'configuration.tableClassSummary.tableClass' },
      { from: '$.TimeToLiveSpecification', to: 'supplementaryConfiguration.TimeToLiveDescription' },
      { from: '$.ImportSourceSpecification', to: null },
    ],
    confirmed: ['KeySchema', 'AttributeDefinitions', 'DeletionProtectionEnabled'],
  },
];
