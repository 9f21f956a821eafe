/** Member checks shared by the operations, raising the service's error shapes. */
import { AwsError, validationError } from './aws-error.js';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown, member: string, required: boolean): JsonObject | undefined {
  if (value === undefined || value === null) {
    if (required) throw validationError(undefined, member, 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new AwsError('SerializationException', `Expected an object for ${member}`);
  return value as JsonObject;
}

export function asString(value: unknown, member: string, bounds: { min: number; max: number; required: boolean }): string | undefined {
  if (value === undefined || value === null) {
    if (bounds.required) throw validationError(undefined, member, 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'string') throw new AwsError('SerializationException', `Expected a string for ${member}`);
  if (value.length < bounds.min) throw validationError(value, member, `Member must have length greater than or equal to ${bounds.min}`);
  if (value.length > bounds.max) throw validationError(value, member, `Member must have length less than or equal to ${bounds.max}`);
  return value;
}

export function asInteger(value: unknown, member: string, bounds: { min: number; max: number }): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new AwsError('SerializationException', `Expected an integer for ${member}`);
  if (value < bounds.min) throw validationError(value, member, `Member must have value greater than or equal to ${bounds.min}`);
  if (value > bounds.max) throw validationError(value, member, `Member must have value less than or equal to ${bounds.max}`);
  return value;
}

export function asStringList(value: unknown, member: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new AwsError('SerializationException', `Expected a list of strings for ${member}`);
  return value as string[];
}

export function asTimestamp(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AwsError('SerializationException', `Expected epoch seconds for ${member}`);
  return value;
}
