import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';
import { boolean, numeric } from '../value-transforms.js';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/**
 * One CloudFormation ingress/egress rule -> an EC2 `IpPermission`, the form Config records
 * (`ipv4Ranges[].cidrIp`, `userIdGroupPairs[].groupId`, ports as numbers, protocol names).
 */
function ipPermission(rule: JsonObject): JsonObject {
  const protocol = String(rule['IpProtocol'] ?? '-1').toLowerCase();
  const permission: JsonObject = { ipProtocol: PROTOCOL_NAMES[protocol] ?? protocol };
  if (rule['FromPort'] !== undefined) permission['fromPort'] = numeric(rule['FromPort']);
  if (rule['ToPort'] !== undefined) permission['toPort'] = numeric(rule['ToPort']);
  const description = rule['Description'];
  const withDescription = (entry: JsonObject): JsonObject => (description !== undefined ? { ...entry, description } : entry);
  permission['ipv4Ranges'] = rule['CidrIp'] !== undefined ? [withDescription({ cidrIp: rule['CidrIp'] })] : [];
  permission['ipRanges'] = rule['CidrIp'] !== undefined ? [rule['CidrIp']] : [];
  permission['ipv6Ranges'] = rule['CidrIpv6'] !== undefined ? [withDescription({ cidrIpv6: rule['CidrIpv6'] })] : [];
  const prefixList = rule['SourcePrefixListId'] ?? rule['DestinationPrefixListId'];
  permission['prefixListIds'] = prefixList !== undefined ? [withDescription({ prefixListId: prefixList })] : [];
  const group = rule['SourceSecurityGroupId'] ?? rule['DestinationSecurityGroupId'];
  const groupName = rule['SourceSecurityGroupName'];
  const pair: JsonObject = {};
  if (group !== undefined) pair['groupId'] = group;
  if (groupName !== undefined) pair['groupName'] = groupName;
  if (rule['SourceSecurityGroupOwnerId'] !== undefined) pair['userId'] = rule['SourceSecurityGroupOwnerId'];
  permission['userIdGroupPairs'] = Object.keys(pair).length > 0 ? [withDescription(pair)] : [];
  return permission;
}

const ipPermissions = (value: JsonValue): JsonValue | undefined =>
  Array.isArray(value) ? value.filter(isJsonObject).map(ipPermission) : undefined;

const monitoringState = (value: JsonValue): JsonValue => ({ state: boolean(value) === true ? 'enabled' : 'disabled' });
const groupIds = (value: JsonValue): JsonValue => (Array.isArray(value) ? value.map((groupId) => ({ groupId })) : value);
const groupNames = (value: JsonValue): JsonValue => (Array.isArray(value) ? value.map((groupName) => ({ groupName })) : value);

export const ec2Profiles: readonly TypeProfile[] = [
  {
    type: 'AWS::EC2::SecurityGroup',
    nameProperty: 'GroupName',
    moves: [
      { from: '$.GroupDescription', to: 'configuration.description' },
      { from: '$.SecurityGroupIngress', to: 'configuration.ipPermissions', transform: ipPermissions },
      { from: '$.SecurityGroupEgress', to: 'configuration.ipPermissionsEgress', transform: ipPermissions },
    ],
  },
  {
    type: 'AWS::EC2::Instance',
    moves: [
      { from: '$.Monitoring', to: 'configuration.monitoring', transform: monitoringState },
      { from: '$.SecurityGroupIds', to: 'configuration.securityGroups', transform: groupIds },
      { from: '$.SecurityGroups', to: 'configuration.securityGroups', transform: groupNames },
      { from: '$.AvailabilityZone', to: 'configuration.placement.availabilityZone' },
      { from: '$.Tenancy', to: 'configuration.placement.tenancy' },
      { from: '$.PlacementGroupName', to: 'configuration.placement.groupName' },
      { from: '$.HostId', to: 'configuration.placement.hostId' },
      { from: '$.Affinity', to: 'configuration.placement.affinity' },
      // An instance profile name; the item holds its ARN, known after deployment.
      { from: '$.IamInstanceProfile', to: 'configuration.iamInstanceProfile.name' },
      { from: '$.DisableApiTermination', to: 'supplementaryConfiguration.DisableApiTermination' },
      { from: '$.UserData', to: null },
      { from: '$.AdditionalInfo', to: null },
      { from: '$.SsmAssociations', to: null },
      { from: '$.Volumes', to: null },
      { from: '$.LaunchTemplate', to: null },
      { from: '$.PropagateTagsToVolumeOnCreation', to: null },
    ],
  },
  { type: 'AWS::EC2::Volume', moves: [{ from: '$.AutoEnableIO', to: 'supplementaryConfiguration.AutoEnableIO' }] },
  {
    type: 'AWS::EC2::VPC',
    moves: [
      { from: '$.EnableDnsSupport', to: 'supplementaryConfiguration.EnableDnsSupport' },
      { from: '$.EnableDnsHostnames', to: 'supplementaryConfiguration.EnableDnsHostnames' },
      { from: '$.Ipv4IpamPoolId', to: null },
      { from: '$.Ipv4NetmaskLength', to: null },
    ],
  },
  {
    type: 'AWS::EC2::Subnet',
    moves: [
      { from: '$.Ipv6CidrBlock', to: 'configuration.ipv6CidrBlockAssociationSet[0].ipv6CidrBlock' },
      { from: '$.Ipv4IpamPoolId', to: null },
      { from: '$.Ipv4NetmaskLength', to: null },
      { from: '$.Ipv6IpamPoolId', to: null },
      { from: '$.Ipv6NetmaskLength', to: null },
    ],
  },
];
