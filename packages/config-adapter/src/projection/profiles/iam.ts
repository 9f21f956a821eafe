import { isJsonObject, type JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';
import { urlEncodedJson } from '../value-transforms.js';

/** IAM returns policy documents URL-encoded, and Config records them so. */
function inlinePolicies(value: JsonValue): JsonValue | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((policy) =>
    isJsonObject(policy)
      ? { policyName: policy['PolicyName'] ?? null, policyDocument: urlEncodedJson(policy['PolicyDocument'] ?? null) }
      : policy,
  );
}

const attachedPolicies = (value: JsonValue): JsonValue => (Array.isArray(value) ? value.map((policyArn) => ({ policyArn })) : value);

const boundary = (value: JsonValue): JsonValue => ({ permissionsBoundaryArn: value, permissionsBoundaryType: 'PermissionsBoundaryPolicy' });

/** A policy's document as its single, default version. */
const policyVersions = (value: JsonValue): JsonValue => [{ document: urlEncodedJson(value), versionId: 'v1', isDefaultVersion: true }];

export const iamProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::IAM::Role',
    nameProperty: 'RoleName',
    moves: [
      { from: '$.AssumeRolePolicyDocument', to: 'configuration.assumeRolePolicyDocument', transform: urlEncodedJson },
      { from: '$.Policies', to: 'configuration.rolePolicyList', transform: inlinePolicies },
      { from: '$.ManagedPolicyArns', to: 'configuration.attachedManagedPolicies', transform: attachedPolicies },
      { from: '$.PermissionsBoundary', to: 'configuration.permissionsBoundary', transform: boundary },
    ],
    confirmed: ['Description', 'MaxSessionDuration'],
  },
  {
    type: 'AWS::IAM::User',
    nameProperty: 'UserName',
    moves: [
      { from: '$.Policies', to: 'configuration.userPolicyList', transform: inlinePolicies },
      { from: '$.ManagedPolicyArns', to: 'configuration.attachedManagedPolicies', transform: attachedPolicies },
      { from: '$.PermissionsBoundary', to: 'configuration.permissionsBoundary', transform: boundary },
      { from: '$.Groups', to: 'configuration.groupList' },
      // A secret; no item field.
      { from: '$.LoginProfile', to: null },
    ],
  },
  // Config records managed policies as AWS::IAM::Policy; inline policies live on their role/user/group item.
  {
    type: 'AWS::IAM::ManagedPolicy',
    nameProperty: 'ManagedPolicyName',
    moves: [
      { from: '$.ManagedPolicyName', to: 'configuration.policyName' },
      { from: '$.PolicyDocument', to: 'configuration.policyVersionList', transform: policyVersions },
    ],
    confirmed: ['Description', 'Path', 'Groups', 'Roles', 'Users'],
  },
  {
    type: 'AWS::IAM::Policy',
    nameProperty: 'PolicyName',
    moves: [{ from: '$.PolicyDocument', to: 'configuration.policyVersionList', transform: policyVersions }],
    confirmed: ['Groups', 'Roles', 'Users'],
  },
];
