import type { TypeProfile } from '../mapping-types.js';
import { apiGatewayProfiles } from './api-gateway.js';
import { containerProfiles } from './containers.js';
import { dynamoDbProfiles } from './dynamodb.js';
import { ec2Profiles } from './ec2.js';
import { iamProfiles } from './iam.js';
import { lambdaProfiles } from './lambda.js';
import { messagingProfiles } from './messaging.js';
import { platformProfiles } from './platform.js';
import { rdsProfiles } from './rds.js';
import { s3Profiles } from './s3.js';

/** The hand-completed types, the ones serverless and platform templates use most. */
export const handProfiles: ReadonlyMap<string, TypeProfile> = new Map(
  [
    ...lambdaProfiles,
    ...s3Profiles,
    ...dynamoDbProfiles,
    ...messagingProfiles,
    ...apiGatewayProfiles,
    ...iamProfiles,
    ...ec2Profiles,
    ...rdsProfiles,
    ...platformProfiles,
    ...containerProfiles,
  ].map((profile) => [profile.type, profile]),
);

export function profileFor(resourceType: string): TypeProfile | undefined {
  return handProfiles.get(resourceType);
}
