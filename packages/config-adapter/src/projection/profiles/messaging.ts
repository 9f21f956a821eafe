import type { TypeProfile } from '../mapping-types.js';
import { jsonText } from '../value-transforms.js';

// Both record the service's attribute map, so names stay CloudFormation's (PascalCase).
export const messagingProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::SQS::Queue',
    keys: 'preserve',
    nameProperty: 'QueueName',
    moves: [
      { from: '$.RedrivePolicy', to: 'configuration.RedrivePolicy', transform: jsonText },
      { from: '$.RedriveAllowPolicy', to: 'configuration.RedriveAllowPolicy', transform: jsonText },
    ],
  },
  {
    type: 'AWS::SNS::Topic',
    keys: 'preserve',
    nameProperty: 'TopicName',
    moves: [
      { from: '$.DataProtectionPolicy', to: 'configuration.DataProtectionPolicy', transform: jsonText },
      { from: '$.ArchivePolicy', to: 'configuration.ArchivePolicy', transform: jsonText },
      { from: '$.DeliveryStatusLogging', to: 'configuration.DeliveryStatusLogging', keys: 'preserve' },
    ],
    confirmed: ['TopicName', 'TracingConfig', 'SignatureVersion', 'FifoThroughputScope', 'Subscription'],
  },
];
