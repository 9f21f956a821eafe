// `--input-params` merging (spec §9.3, probe input_parameters_merge), as cfn-guard 3.1.1's
// `PathAwareValue::merge` does it.
import { describe, expect, it } from 'vitest';
import { loadDocument, mergeInputParameters, valueToJson } from '../../src/index.js';
import type { Value } from '../../src/index.js';
import { at, documentOf, errorOf } from './helpers.js';

const doc = (text: string, fileName = 'd.yaml'): Value => documentOf(loadDocument(text, { fileName }));

describe('mergeInputParameters', () => {
  it('puts the parameter keys at the root, before the data keys (probe input_parameters_merge)', () => {
    const data = doc('Resources:\n  App:\n    Properties:\n      Env: dev\n');
    const params = doc('AllowedEnvs: [dev, prod]\n', 'p.yaml');
    const merged = documentOf(mergeInputParameters(data, [params]));
    expect(valueToJson(merged)).toEqual({ AllowedEnvs: ['dev', 'prod'], Resources: { App: { Properties: { Env: 'dev' } } } });
    if (merged.kind !== 'map') expect.fail('not a map');
    expect(merged.keys.map((key) => key.value)).toEqual(['AllowedEnvs', 'Resources']);
    // Values are shared, not copied, and keep their own paths and files.
    expect(at(merged, 'Resources')).toBe(at(data, 'Resources'));
    expect(at(merged, 'AllowedEnvs', 1).span?.file).toBe('p.yaml');
  });

  it('returns the data document itself when there are no parameters', () => {
    const data = doc('A: 1\n');
    expect(documentOf(mergeInputParameters(data, []))).toBe(data);
  });

  it('merges several parameter files in order', () => {
    const merged = documentOf(mergeInputParameters(doc('D: 1\n'), [doc('A: 1\n'), doc('B: 2\n')]));
    expect(valueToJson(merged)).toEqual({ A: 1, B: 2, D: 1 });
  });

  it('refuses a key present on both sides, naming it', () => {
    const error = errorOf(mergeInputParameters(doc('A: 1\n'), [doc('A: 2\n', 'p.yaml')]));
    expect(error.code).toBe('key-exists');
    expect(error.message).toContain('Key A, already exists in map');
    const between = errorOf(mergeInputParameters(doc('D: 1\n'), [doc('A: 1\n'), doc('A: 2\n', 'q.yaml')]));
    expect(between.message).toMatch(/^q\.yaml:1:1: Key A, already exists in map/);
  });

  it('refuses a list parameter file against a map document', () => {
    const error = errorOf(mergeInputParameters(doc('A: 1\n'), [doc('[1, 2]\n', 'p.yaml')]));
    expect(error.code).toBe('not-a-map');
  });

  it('concatenates two lists, as the reference does', () => {
    expect(valueToJson(documentOf(mergeInputParameters(doc('[3]\n'), [doc('[1, 2]\n')])))).toEqual([1, 2, 3]);
  });
});
