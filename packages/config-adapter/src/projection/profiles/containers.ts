import type { TypeProfile } from '../mapping-types.js';

// Config records these through the CloudFormation registry schema: CloudFormation's names, as generated.
export const containerProfiles: readonly TypeProfile[] = [
  { type: 'AWS::ECS::Cluster', keys: 'preserve', nameProperty: 'ClusterName', moves: [], confirmed: ['ServiceConnectDefaults'] },
  { type: 'AWS::ECS::Service', keys: 'preserve', nameProperty: 'ServiceName', moves: [{ from: '$.ForceNewDeployment', to: null }] },
  { type: 'AWS::ECS::TaskDefinition', keys: 'preserve', moves: [], confirmed: ['RuntimePlatform', 'EphemeralStorage'] },
  { type: 'AWS::EKS::Cluster', keys: 'preserve', nameProperty: 'Name', moves: [{ from: '$.Force', to: null }], confirmed: ['AccessConfig', 'UpgradePolicy'] },
];
