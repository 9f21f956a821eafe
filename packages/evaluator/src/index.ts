export * from './values/value.js';
export * from './values/query-result.js';
export type { EvaluationError, EvaluationErrorCode } from './values/evaluation-error.js';
