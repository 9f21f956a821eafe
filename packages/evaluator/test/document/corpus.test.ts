// Every data file of the shared corpus that cfn-guard 3.1.1 reads must load: the 151 development
// templates ("every one of the templates parses in cfn-guard 3.1.1", templates-dev/README.md) with
// the `validate` loader, the 194 registry test specs (all run with exit 0 in registry/expected.json)
// with the `test` loader; and the JSON and YAML twins of a template must give the same values.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadDocument, loadTestSpecDocument } from '../../src/index.js';
import type { Value } from '../../src/index.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => pattern.test(path) && statSync(path).isFile())
    .sort();
}

/** Values with their kinds (`int:5` vs `float:5`), keys in order. Templates are shallow: recursion is fine. */
function typedText(value: Value): string {
  if (value.kind === 'list') return `[${value.items.map(typedText).join(',')}]`;
  if (value.kind === 'map') return `{${value.keys.map((key) => `${JSON.stringify(key.value)}:${typedText(value.entries.get(key.value)!)}`).join(',')}}`;
  return `${value.kind}:${JSON.stringify('value' in value ? value.value : null)}`;
}

describeShared('document loaders on the shared corpus', (shared) => {
  const templatesDir = join(shared, 'corpus', 'templates-dev', 'templates');
  const specsDir = join(shared, 'corpus', 'registry', 'tests');

  it('loads all development templates', () => {
    const templates = filesUnder(templatesDir, /\.(json|jsn|ya?ml|template)$/);
    expect(templates.length).toBe(151);
    const refused = templates.flatMap((path) => {
      const result = loadDocument(readFileSync(path, 'utf8'), { fileName: path });
      return result.ok ? [] : [result.error.message];
    });
    expect(refused).toEqual([]);
  });

  it('gives the same values and kinds for the JSON and YAML twins of templates without short-form tags', () => {
    let compared = 0;
    const different: string[] = [];
    for (const jsonPath of filesUnder(templatesDir, /\.json$/)) {
      const yamlPath = jsonPath.replace(/\.json$/, '.yaml');
      if (!existsSync(yamlPath)) continue;
      const yamlText = readFileSync(yamlPath, 'utf8');
      if (/!\w/.test(yamlText)) continue; // short forms are not written like the long forms of the JSON twin
      const fromJson = loadDocument(readFileSync(jsonPath, 'utf8'), { fileName: jsonPath });
      const fromYaml = loadDocument(yamlText, { fileName: yamlPath });
      if (!fromJson.ok || !fromYaml.ok) expect.fail(`${jsonPath} or its twin did not load`);
      compared++;
      if (typedText(fromJson.document) !== typedText(fromYaml.document)) different.push(jsonPath);
    }
    expect(compared).toBeGreaterThanOrEqual(2);
    expect(different).toEqual([]);
  });

  it('loads all registry test specs', () => {
    const specs = filesUnder(specsDir, /\.(json|ya?ml)$/);
    expect(specs.length).toBe(194);
    const refused = specs.flatMap((path) => {
      const result = loadTestSpecDocument(readFileSync(path, 'utf8'), { fileName: path });
      return result.ok ? [] : [result.error.message];
    });
    expect(refused).toEqual([]);
  });
});
