import type { JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';

const SUPPLEMENTARY = 'supplementaryConfiguration';

/** CloudFormation's boolean `ObjectLockEnabled` is S3's `"Enabled"` status. */
const objectLockStatus = (value: JsonValue): JsonValue => (value === true || value === 'true' ? 'Enabled' : value);

export const s3Profiles: readonly TypeProfile[] = [
  {
    type: 'AWS::S3::Bucket',
    nameProperty: 'BucketName',
    moves: [
      { from: '$.BucketName', to: 'configuration.name' },
      { from: '$.BucketEncryption', to: `${SUPPLEMENTARY}.ServerSideEncryptionConfiguration` },
      { from: '$.BucketEncryption.ServerSideEncryptionConfiguration', to: `${SUPPLEMENTARY}.ServerSideEncryptionConfiguration.rules` },
      {
        from: '$.BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault',
        to: `${SUPPLEMENTARY}.ServerSideEncryptionConfiguration.rules[*].applyServerSideEncryptionByDefault`,
      },
      { from: '$.VersioningConfiguration', to: `${SUPPLEMENTARY}.BucketVersioningConfiguration` },
      { from: '$.PublicAccessBlockConfiguration', to: `${SUPPLEMENTARY}.PublicAccessBlockConfiguration` },
      { from: '$.LoggingConfiguration', to: `${SUPPLEMENTARY}.BucketLoggingConfiguration` },
      { from: '$.AccelerateConfiguration.AccelerationStatus', to: `${SUPPLEMENTARY}.BucketAccelerateConfiguration.status` },
      { from: '$.CorsConfiguration.CorsRules', to: `${SUPPLEMENTARY}.BucketCrossOriginConfiguration.rules` },
      { from: '$.CorsConfiguration.CorsRules[*].MaxAge', to: `${SUPPLEMENTARY}.BucketCrossOriginConfiguration.rules[*].maxAgeSeconds` },
      { from: '$.LifecycleConfiguration', to: `${SUPPLEMENTARY}.BucketLifecycleConfiguration` },
      { from: '$.LifecycleConfiguration.Rules[*].Transitions[*].TransitionInDays', to: `${SUPPLEMENTARY}.BucketLifecycleConfiguration.rules[*].transitions[*].days` },
      { from: '$.ReplicationConfiguration', to: `${SUPPLEMENTARY}.BucketReplicationConfiguration` },
      { from: '$.ReplicationConfiguration.Role', to: `${SUPPLEMENTARY}.BucketReplicationConfiguration.roleARN` },
      { from: '$.NotificationConfiguration', to: `${SUPPLEMENTARY}.BucketNotificationConfiguration` },
      { from: '$.ObjectLockEnabled', to: `${SUPPLEMENTARY}.ObjectLockConfiguration.objectLockEnabled`, transform: objectLockStatus },
      { from: '$.ObjectLockConfiguration', to: `${SUPPLEMENTARY}.ObjectLockConfiguration` },
      { from: '$.ObjectLockConfiguration.ObjectLockEnabled', to: `${SUPPLEMENTARY}.ObjectLockConfiguration.objectLockEnabled` },
      { from: '$.WebsiteConfiguration', to: `${SUPPLEMENTARY}.BucketWebsiteConfiguration` },
      { from: '$.WebsiteConfiguration.IndexDocument', to: `${SUPPLEMENTARY}.BucketWebsiteConfiguration.indexDocumentSuffix` },
      { from: '$.OwnershipControls', to: `${SUPPLEMENTARY}.BucketOwnershipControls` },
      // A canned ACL has no field of its own; Config shows the grants it expands to, unknown before deployment.
      { from: '$.AccessControl', to: `${SUPPLEMENTARY}.AccessControlList.cannedAcl` },
    ],
  },
];
