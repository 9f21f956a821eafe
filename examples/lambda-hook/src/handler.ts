/**
 * The deployable Lambda hook: CloudFormation calls it before creating or updating a resource (and,
 * when the hook targets them, a stack or change set); it answers FAILED/NonCompliant when the
 * seed rule fails on the resource's AWS Config item, so the deployment stops.
 *
 * The rule text is bundled into the function (esbuild's text loader), compiled once per cold start.
 */
import { compileHookRules, handleLambdaHook, type HookResponse, type LambdaHookEvent } from '@guardts/config-adapter';
import seedRule from '../rules/lambda_tracing_config_item.guard';

const ruleSet = compileHookRules([{ fileName: 'lambda_tracing_config_item.guard', text: seedRule, as: 'config-item' }]);

export async function handler(event: LambdaHookEvent): Promise<HookResponse> {
  if (!ruleSet.ok) {
    return { hookStatus: 'FAILED', errorCode: 'InternalFailure', message: `the hook's rules do not compile: ${ruleSet.message}`, annotations: [] };
  }
  const response = await handleLambdaHook(ruleSet.files, event, {
    parameters: { 'AWS::AccountId': event.awsAccountId ?? '', 'AWS::Region': process.env['AWS_REGION'] ?? 'us-east-1' },
  });
  // One line per invocation in the function's log: what was judged and how.
  console.log(JSON.stringify({ target: event.requestData?.targetLogicalId, status: response.hookStatus, message: response.message }));
  return response;
}
