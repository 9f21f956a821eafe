/**
 * How cfn-guard's `validate` loader (libyaml events, `guard/src/rules/libyaml/loader.rs`) types
 * a scalar. Plain scalars: i64, then f64, then exactly `true`/`false`, then `~`/`null` in any
 * case, else a string. Quoted and block scalars are strings. Core tags are honoured; a `!!int` or
 * `!!float` whose text does not parse is a "bad value" that makes the file unreadable.
 */
import { parseRustF64, parseRustI64 } from './rust-number-syntax.js';

export type TypedScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'bad-value'; readonly text: string };

const NULL: TypedScalar = { kind: 'null' };
const TRUE: TypedScalar = { kind: 'bool', value: true };
const FALSE: TypedScalar = { kind: 'bool', value: false };

export const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

export function typePlainScalar(text: string): TypedScalar {
  const first = text.charCodeAt(0);
  // Every number starts with a digit, a sign, a dot, or the letters of inf/infinity/nan.
  const maybeNumber =
    (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 105 || first === 73 || first === 110 || first === 78;
  if (maybeNumber) {
    const int = parseRustI64(text);
    if (int !== undefined) return { kind: 'int', value: int };
    const float = parseRustF64(text);
    if (float !== undefined) return { kind: 'float', value: float };
  }
  if (text === 'true') return TRUE;
  if (text === 'false') return FALSE;
  if (text === '~' || (text.length === 4 && text.toLowerCase() === 'null')) return NULL;
  return { kind: 'string', value: text };
}

/** A scalar carrying a `tag:yaml.org,2002:*` tag (`!!int`, `!<tag:yaml.org,2002:int>`). */
export function typeCoreTaggedScalar(tag: string, text: string): TypedScalar {
  switch (tag.slice(CORE_TAG_PREFIX.length)) {
    case 'bool':
      return text === 'true' ? TRUE : text === 'false' ? FALSE : { kind: 'string', value: text };
    case 'int': {
      const int = parseRustI64(text);
      return int === undefined ? { kind: 'bad-value', text } : { kind: 'int', value: int };
    }
    case 'float': {
      const float = parseRustF64(text);
      return float === undefined ? { kind: 'bad-value', text } : { kind: 'float', value: float };
    }
    case 'null':
      return NULL;
    default:
      return { kind: 'string', value: text };
  }
}
