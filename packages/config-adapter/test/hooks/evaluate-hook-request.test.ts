import { describe, expect, it } from 'vitest';
import { compileHookRules } from '../../src/hooks/hook-rules.js';
import { evaluateHookRequest } from '../../src/hooks/evaluate-hook-request.js';
import { ACTIVE, PASSTHROUGH, SEED_RULE, lambdaResourceEvent } from './hook-events.js';

const set = compileHookRules([{ fileName: 'seed.guard', text: SEED_RULE, as: 'config-item' }]);
if (!set.ok) throw new Error(set.message);
const rules = set.files;

describe('evaluateHookRequest (custom hooks)', () => {
  it('fails a CREATE_PRE_PROVISION request with a non-compliant resource', () => {
    const response = evaluateHookRequest(rules, lambdaResourceEvent(PASSTHROUGH));
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'NonCompliant' });
  });

  it('judges an UPDATE_PRE_PROVISION request on the new properties', () => {
    const request = lambdaResourceEvent(ACTIVE, { actionInvocationPoint: 'UPDATE_PRE_PROVISION' });
    const withPrevious = { ...request, requestData: { ...request.requestData, targetModel: { resourceProperties: ACTIVE as never, previousResourceProperties: PASSTHROUGH as never } } };
    expect(evaluateHookRequest(rules, withPrevious).hookStatus).toBe('SUCCESS');
  });

  it('lets DELETE_PRE_PROVISION through without evaluating', () => {
    const response = evaluateHookRequest(rules, lambdaResourceEvent(PASSTHROUGH, { actionInvocationPoint: 'DELETE_PRE_PROVISION' }));
    expect(response).toMatchObject({ hookStatus: 'SUCCESS', message: 'deletions are not evaluated' });
  });

  it('accepts the handler-side request with a hookContext', () => {
    const response = evaluateHookRequest(rules, {
      clientRequestToken: 't',
      hookContext: {
        invocationPoint: 'CREATE_PRE_PROVISION',
        targetName: 'AWS::Lambda::Function',
        targetLogicalId: 'Fn',
        targetModel: { resourceProperties: PASSTHROUGH as never },
      },
    });
    expect(response).toMatchObject({ hookStatus: 'FAILED', clientRequestToken: 't' });
    expect(response.message).toContain('Fn');
  });
});

describe('compileHookRules', () => {
  it('refuses rules that do not parse, with file:line:column', () => {
    const broken = compileHookRules([{ fileName: 'broken.guard', text: 'rule x {\n  a ==\n' }]);
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.message).toMatch(/^broken\.guard:\d+:\d+: /);
  });
});
