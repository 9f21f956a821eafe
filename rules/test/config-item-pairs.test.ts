// Each Config-item rule of the pack says over the projected resources what its template twin says
// over the template: the template twin's spec cases, projected with documentsForTemplate
// ('config-item'), evaluated in-process, folded per template (FAIL > PASS > SKIP).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsForTemplate, jsonToValue, parseTemplateText, type JsonValue } from '../../packages/config-adapter/src/index.js';
import { compileRules, evaluate } from '../../packages/evaluator/src/index.js';
import { repoRoot } from '../../test-support/shared-corpus.js';

const rulesDir = join(repoRoot, 'rules');

/** [template-form file, Config-item-form file, the rule name both define]. */
const PAIRS = [
  ['lambda_tracing_template', 'lambda_tracing_config_item', 'lambda_tracing_check'],
  ['lambda_reserved_concurrency', 'lambda_concurrency_config_item', 'lambda_reserved_concurrency'],
  ['s3_bucket_versioning', 's3_bucket_versioning_config_item', 's3_bucket_versioning'],
  ['s3_bucket_encryption', 's3_bucket_encryption_config_item', 's3_bucket_encryption'],
  ['dynamodb_pitr_enabled', 'dynamodb_pitr_config_item', 'dynamodb_pitr_enabled'],
  ['api_gw_xray_enabled', 'api_gw_xray_config_item', 'api_gw_xray_enabled'],
] as const;

interface SpecCase {
  readonly name: string;
  readonly input: JsonValue;
  readonly expectations: { readonly rules: Record<string, string> };
}

const rank = { SKIP: 0, PASS: 1, FAIL: 2 } as const;

describe.each(PAIRS)('%s and %s', (templateForm, configForm, ruleName) => {
  const compiled = compileRules(readFileSync(join(rulesDir, `${configForm}.guard`), 'utf8'), { fileName: `${configForm}.guard` });
  const specText = readFileSync(join(rulesDir, 'tests', `${templateForm}_tests.yaml`), 'utf8');
  const spec = parseTemplateText(specText, `${templateForm}_tests.yaml`);
  const cases = (spec.ok ? spec.template : []) as unknown as SpecCase[];

  it('has a spec to borrow', () => {
    expect(compiled.ok).toBe(true);
    expect(cases.length).toBeGreaterThan(2);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, specCase) => {
    if (!compiled.ok) throw new Error('the Config-item rule does not compile');
    const built = documentsForTemplate(specCase.input, 'template.yaml', 'config-item');
    const documents = built.ok ? built.documents : [];
    let status: keyof typeof rank = 'SKIP';
    for (const document of documents) {
      const result = evaluate(compiled.rules, jsonToValue(document.document), { record: false });
      if (!result.ok) throw new Error(result.error.message);
      const verdict = result.report.rules.find((rule) => rule.name === ruleName)?.status ?? 'SKIP';
      if (rank[verdict] > rank[status]) status = verdict;
    }
    expect(status).toBe(specCase.expectations.rules[ruleName]);
  });
});
