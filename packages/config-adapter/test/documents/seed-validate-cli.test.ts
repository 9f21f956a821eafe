// The README's promise, end to end through the built CLI (needs `pnpm build`): the seed rule over
// the seed templates SKIPs as is, and decides once each resource is projected to its Config item.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuardts } from '../../../../test-support/guardts-cli.js';
import { repoRoot } from '../../../../test-support/shared-corpus.js';

const seedDir = join(repoRoot, 'examples', 'seed');
const fixtures = join(repoRoot, 'packages', 'config-adapter', 'test', 'documents', 'fixtures');
const parameterised = join(fixtures, 'parameterised.yaml');
const validate = (template: string, ...extra: string[]) =>
  runGuardts(['validate', '-r', 'lambda_tracing_config_item.guard', '-d', template, '-S', 'all', ...extra], { cwd: seedDir });

describe('guardts validate --as on the seed', () => {
  it('SKIPs over the raw template (exit 0), as cfn-guard does', () => {
    const run = validate('template-passthrough.yaml');
    expect(run.stdout).toMatch(/template-passthrough\.yaml Status = SKIP/);
    expect(run.status).toBe(0);
  });

  it('FAILs the PassThrough function as a Config item (exit 19), naming it file#LogicalId', () => {
    const run = validate('template-passthrough.yaml', '--as', 'config-item');
    expect(run.stdout).toMatch(/template-passthrough\.yaml#MyLambdaFunction Status = FAIL/);
    expect(run.stdout).toMatch(/template-passthrough\.yaml#LambdaExecutionRole Status = SKIP/);
    expect(run.stdout).toContain('Property [/configuration/tracingConfig/mode]');
    expect(run.stderr).toMatch(/MyLambdaFunction: unresolved until deployment: \/Role/);
    expect(run.status).toBe(19);
  });

  it('PASSes the Active function as a Config item (exit 0)', () => {
    const run = validate('template-active.yaml', '--as', 'config-item');
    expect(run.stdout).toMatch(/template-active\.yaml#MyLambdaFunction Status = PASS/);
    expect(run.status).toBe(0);
  });

  it('resolves parameters given on the command line, in a file, or by their Default', () => {
    const given = validate(parameterised, '--as', 'config-item', '--parameter', 'TracingMode=Active');
    expect(given.stdout).toMatch(/#Fn Status = PASS/);
    expect(given.status).toBe(0);
    const fromFile = validate(parameterised, '--as=config-item', '--parameters-file', join(fixtures, 'parameters-active.json'));
    expect(fromFile.stdout).toMatch(/#Fn Status = PASS/);
    expect(fromFile.status).toBe(0);
    const defaulted = validate(parameterised, '--as', 'config-item');
    expect(defaulted.stdout).toMatch(/#Fn Status = FAIL/);
    expect(defaulted.status).toBe(19);
  });

  it('refuses a parameters file it cannot read (exit 2)', () => {
    const run = validate(parameterised, '--as', 'config-item', '--parameters-file', join(fixtures, 'missing.json'));
    expect(run.stderr).toMatch(/cannot read parameters file/);
    expect(run.status).toBe(2);
  });

  it('refuses an unknown mode and parameters without a mode (exit 2)', () => {
    expect(validate('template-active.yaml', '--as', 'bogus').status).toBe(2);
    const run = validate('template-active.yaml', '--parameter', 'A=1');
    expect(run.stderr).toMatch(/need '--as <MODE>'/);
    expect(run.status).toBe(2);
  });

  it('evaluates template rules on the Guard Hook RESOURCE and STACK inputs', () => {
    const rule = join(repoRoot, 'rules', 'lambda_tracing_template.guard');
    const run = runGuardts(['validate', '-r', rule, '-d', 'template-passthrough.yaml', '--as', 'guard-hook', '--guard-hook-targets', 'RESOURCE,STACK', '-S', 'all'], { cwd: seedDir });
    expect(run.stdout).toMatch(/template-passthrough\.yaml#MyLambdaFunction Status = FAIL/);
    expect(run.stdout).toMatch(/template-passthrough\.yaml Status = FAIL/);
    expect(run.status).toBe(19);
    const misplaced = validate('template-active.yaml', '--guard-hook-targets', 'STACK');
    expect(misplaced.stderr).toMatch(/needs '--as guard-hook'/);
    expect(misplaced.status).toBe(2);
  });

  it('evaluates the hook form with Control Tower style rules', () => {
    const run = validate('template-passthrough.yaml', '--as', 'hook');
    // The Config-item rule does not apply to the hook form: SKIP, as config-proactive.md §2.4 says.
    expect(run.stdout).toMatch(/#MyLambdaFunction Status = SKIP/);
    expect(run.status).toBe(0);
  });
});
