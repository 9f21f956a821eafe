/** An error reply in AWS JSON 1.1 form: HTTP status plus `{"__type", "message"}`. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

/** "1 validation error detected: …", the wording AWS JSON services use for constraint failures. */
export function validationError(value: unknown, member: string, constraint: string): AwsError {
  const shown = value === undefined ? 'null' : typeof value === 'string' ? `'${value.length > 60 ? `${value.slice(0, 60)}…` : value}'` : JSON.stringify(value);
  return new AwsError('ValidationException', `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}
