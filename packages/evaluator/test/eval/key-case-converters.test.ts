import { describe, expect, it } from 'vitest';
import {
  toCamelCase,
  toClassCase,
  toKebabCase,
  toPascalCase,
  toSnakeCase,
  toSingular,
  toTitleCase,
  toTrainCase,
} from '../../src/eval/key-case-converters.js';

// Expected values are the Rust Inflector 0.11 crate's outputs for the same inputs.
describe('Inflector case converters', () => {
  it('camelCase', () => {
    expect(toCamelCase('bucket_name')).toBe('bucketName');
    expect(toCamelCase('BucketName')).toBe('bucketName');
    expect(toCamelCase('max-size')).toBe('maxSize');
  });
  it('PascalCase', () => {
    expect(toPascalCase('bucket_name')).toBe('BucketName');
    expect(toPascalCase('bucketName')).toBe('BucketName');
  });
  it('snake_case and kebab-case split before capitals', () => {
    expect(toSnakeCase('MinSize')).toBe('min_size');
    expect(toSnakeCase('maxSize')).toBe('max_size');
    expect(toKebabCase('maxSize')).toBe('max-size');
    expect(toSnakeCase('My Key')).toBe('my_key');
  });
  it('Title Case and Train-Case', () => {
    expect(toTitleCase('my_key')).toBe('My Key');
    expect(toTrainCase('my_key')).toBe('My-Key');
  });
  it('ClassCase singularises the last word', () => {
    expect(toClassCase('security_groups')).toBe('SecurityGroup');
    expect(toClassCase('policies')).toBe('Policy');
    expect(toClassCase('bucket_name')).toBe('BucketName');
  });
  it('singular forms, with the crate\'s group-1-plus-replacement quirk', () => {
    expect(toSingular('Addresses')).toBe('Address');
    expect(toSingular('Statuses')).toBe('Statuse');
    expect(toSingular('Policies')).toBe('Policy');
    expect(toSingular('Wolves')).toBe('Wof');
    expect(toSingular('Knives')).toBe('Knfe');
    expect(toSingular('boxes')).toBe('box');
  });
  it('a word without boundaries stays one word', () => {
    expect(toPascalCase('bucketname')).toBe('Bucketname');
  });
});
