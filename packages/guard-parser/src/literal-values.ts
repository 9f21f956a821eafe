/**
 * Decoding of literal token text as cfn-guard does it: the one string escape, i64 integers,
 * regex bodies.
 */

/** `"say \"hi\""` -> `say "hi"`: only a backslash before the delimiter is an escape. */
export function unquoteString(image: string): string {
  const quote = image[0] as string;
  return image.slice(1, -1).split(`\\${quote}`).join(quote);
}

const I64_MAX = 2n ** 63n - 1n;

/**
 * The value of an integer token, or null outside i64. cfn-guard parses the digits as a positive
 * i64 and then negates, so `-9223372036854775808` is out of range too.
 */
export function parseI64(image: string): number | null {
  const negative = image.startsWith('-');
  const magnitude = BigInt(negative ? image.slice(1) : image);
  if (magnitude > I64_MAX) return null;
  return Number(negative ? -magnitude : magnitude);
}

/** `/a\/b/` -> `a/b`. */
export function regexPattern(image: string): string {
  return image.slice(1, -1).split('\\/').join('/');
}

/** Is the text of a quoted or unquoted key made of digits only (an index for cfn-guard)? */
export function isIndexKey(key: string): boolean {
  return /^-?\d+$/.test(key);
}
