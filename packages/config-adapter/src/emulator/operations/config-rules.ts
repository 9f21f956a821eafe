/**
 * PutConfigRule / DescribeConfigRules / DeleteConfigRule for Guard custom policy rules only, so
 * that tests and users can load rules over the wire as they would in an account.
 */
import { AwsError, validationError } from '../aws-error.js';
import type { EmulatorContext } from '../emulator-context.js';
import { asObject, asString, asStringList, type JsonObject } from '../input-checks.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import type { StoredRule } from '../rule-store.js';

const DESCRIBE_PAGE_SIZE = 25;

export function putConfigRule(input: JsonObject, context: EmulatorContext): JsonObject {
  const rule = asObject(input.ConfigRule, 'configRule', true)!;
  const name = asString(rule.ConfigRuleName, 'configRule.configRuleName', { min: 1, max: 128, required: true })!;
  const source = asObject(rule.Source, 'configRule.source', true)!;
  const owner = asString(source.Owner, 'configRule.source.owner', { min: 1, max: 64, required: true })!;
  if (owner !== 'CUSTOM_POLICY') {
    throw new AwsError('InvalidParameterValueException', `The emulator runs only Guard custom policy rules (Owner CUSTOM_POLICY), not ${owner}.`);
  }
  const policy = asObject(source.CustomPolicyDetails, 'configRule.source.customPolicyDetails', true)!;
  const runtime = asString(policy.PolicyRuntime, 'configRule.source.customPolicyDetails.policyRuntime', { min: 1, max: 64, required: true })!;
  if (!/^guard-2\.x\.x$/.test(runtime)) throw validationError(runtime, 'configRule.source.customPolicyDetails.policyRuntime', 'Member must satisfy regular expression pattern: guard\\-2\\.x\\.x');
  const policyText = asString(policy.PolicyText, 'configRule.source.customPolicyDetails.policyText', { min: 0, max: 10_000, required: true })!;
  const scope = asObject(rule.Scope, 'configRule.scope', false);
  const resourceTypes = asStringList(scope?.ComplianceResourceTypes, 'configRule.scope.complianceResourceTypes') ?? [];
  if (resourceTypes.length > 100) throw validationError(resourceTypes, 'configRule.scope.complianceResourceTypes', 'Member must have length less than or equal to 100');
  const modes = rule.EvaluationModes;
  if (modes !== undefined && !Array.isArray(modes)) throw new AwsError('SerializationException', 'Expected a list for configRule.evaluationModes');
  const evaluationModes = (modes ?? [{ Mode: 'DETECTIVE' }]).map((entry, index) => {
    const mode = asString(asObject(entry, `configRule.evaluationModes.${index}`, true)!.Mode, `configRule.evaluationModes.${index}.mode`, { min: 1, max: 64, required: true })!;
    if (mode !== 'DETECTIVE' && mode !== 'PROACTIVE') throw validationError(mode, `configRule.evaluationModes.${index}.mode`, 'Member must satisfy enum value set: [DETECTIVE, PROACTIVE]');
    return mode;
  });
  context.rules.put({
    name,
    policyText,
    // Without a Scope of its own, a rule takes the emulator's default scope (`--scope`), if any.
    resourceTypes: resourceTypes.length > 0 ? resourceTypes : context.defaultScope,
    evaluationModes,
    ...(typeof rule.Description === 'string' ? { description: rule.Description } : {}),
    source,
  });
  return {};
}

export function describeConfigRules(input: JsonObject, context: EmulatorContext): JsonObject {
  const names = asStringList(input.ConfigRuleNames, 'configRuleNames');
  if (names !== undefined && names.length > 25) throw validationError(names, 'configRuleNames', 'Member must have length less than or equal to 25');
  const selected: StoredRule[] = [];
  for (const name of names ?? []) {
    const rule = context.rules.get(name);
    if (rule === undefined) throw new AwsError('NoSuchConfigRuleException', `The ConfigRule '${name}' provided in the request is invalid. Please check the configRule name.`);
    selected.push(rule);
  }
  const rules = names === undefined || names.length === 0 ? context.rules.all() : selected;
  const key = `rules:${(names ?? []).join(',')}`;
  const offset = decodePageToken(asString(input.NextToken, 'nextToken', { min: 0, max: 4096, required: false }), key);
  const page = rules.slice(offset, offset + DESCRIBE_PAGE_SIZE);
  return {
    ConfigRules: page.map(toWire),
    ...(offset + DESCRIBE_PAGE_SIZE < rules.length ? { NextToken: encodePageToken(key, offset + DESCRIBE_PAGE_SIZE) } : {}),
  };
}

export function deleteConfigRule(input: JsonObject, context: EmulatorContext): JsonObject {
  const name = asString(input.ConfigRuleName, 'configRuleName', { min: 1, max: 128, required: true })!;
  if (!context.rules.delete(name)) throw new AwsError('NoSuchConfigRuleException', `The ConfigRule '${name}' provided in the request is invalid. Please check the configRule name.`);
  return {};
}

function toWire(rule: StoredRule): JsonObject {
  return {
    ConfigRuleName: rule.name,
    ConfigRuleArn: rule.arn,
    ConfigRuleId: rule.id,
    ...(rule.description !== undefined ? { Description: rule.description } : {}),
    ...(rule.resourceTypes.length > 0 ? { Scope: { ComplianceResourceTypes: rule.resourceTypes } } : {}),
    Source: rule.source,
    ConfigRuleState: 'ACTIVE',
    EvaluationModes: rule.evaluationModes.map((Mode) => ({ Mode })),
  };
}
