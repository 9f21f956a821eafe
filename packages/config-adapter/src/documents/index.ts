export * from './documents-for-template.js';
export * from './cloudformation-yaml.js';
export * from './value-conversion.js';
