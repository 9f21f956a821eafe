export * from './hook-types.js';
export { compileHookRules, type HookRuleFile, type HookRuleSet, type HookRuleSource } from './hook-rules.js';
export { handleLambdaHook, type LambdaHookOptions } from './handle-lambda-hook.js';
export { evaluateHookRequest, type HookHandlerRequest } from './evaluate-hook-request.js';
export { evaluateTargets, documentFor, type HookTarget, type HookEvaluationOptions } from './evaluate-targets.js';
