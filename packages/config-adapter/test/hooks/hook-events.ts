// Hook events in the documented shapes (config-proactive.md §4.1, §4.3), for the hook suites.
import type { LambdaHookEvent } from '../../src/hooks/hook-types.js';

export const SEED_RULE = `rule lambda_tracing_check {
    when configuration.tracingConfig exists {
        configuration.tracingConfig.mode == "Active" <<Lambda functions must use Active tracing>>
    }
}
`;

/** A Control Tower style rule: template form and hook form (§4.4). */
export const CT_STYLE_RULE = `let INPUT_DOCUMENT = this
rule lambda_inside_vpc when %INPUT_DOCUMENT.'AWS::Lambda::Function'.resourceProperties exists {
    %INPUT_DOCUMENT.'AWS::Lambda::Function'.resourceProperties.VpcConfig.SubnetIds !empty <<Put the function in a VPC>>
}
`;

export function lambdaResourceEvent(properties: Record<string, unknown>, overrides: Partial<LambdaHookEvent> = {}): LambdaHookEvent {
  return {
    clientRequestToken: 'f1c3b5d8-0000-4000-8000-000000000001',
    awsAccountId: '123456789012',
    stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/shop/00000000-0000-0000-0000-000000000000',
    changeSetId: null,
    hookTypeName: 'Private::Lambda::Hook',
    hookTypeVersion: '00000001',
    hookModel: { LambdaFunction: 'arn:aws:lambda:us-east-1:123456789012:function:guard-hook' },
    actionInvocationPoint: 'CREATE_PRE_PROVISION',
    requestData: {
      targetName: 'AWS::Lambda::Function',
      targetType: 'AWS::Lambda::Function',
      targetLogicalId: 'MyLambdaFunction',
      targetModel: { resourceProperties: properties as never },
    },
    requestContext: { invocation: 1, callbackContext: null },
    ...overrides,
  };
}

export const PASSTHROUGH = { Handler: 'index.handler', Runtime: 'python3.12', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'x' }, TracingConfig: { Mode: 'PassThrough' } };
export const ACTIVE = { ...PASSTHROUGH, TracingConfig: { Mode: 'Active' } };
