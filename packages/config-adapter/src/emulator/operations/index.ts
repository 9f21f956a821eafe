import type { OperationHandler } from '../emulator-context.js';
import { deleteConfigRule, describeConfigRules, putConfigRule } from './config-rules.js';
import { getComplianceDetailsByResource } from './get-compliance-details-by-resource.js';
import { getResourceEvaluationSummary } from './get-resource-evaluation-summary.js';
import { listResourceEvaluations } from './list-resource-evaluations.js';
import { startResourceEvaluation } from './start-resource-evaluation.js';

/** Operations by `X-Amz-Target` suffix. */
export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  StartResourceEvaluation: startResourceEvaluation,
  GetResourceEvaluationSummary: getResourceEvaluationSummary,
  GetComplianceDetailsByResource: getComplianceDetailsByResource,
  ListResourceEvaluations: listResourceEvaluations,
  PutConfigRule: putConfigRule,
  DescribeConfigRules: describeConfigRules,
  DeleteConfigRule: deleteConfigRule,
};
