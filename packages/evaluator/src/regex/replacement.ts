/**
 * Replacement templates as fancy-regex 0.13's `Expander` reads them (what `regex_replace` uses):
 * `$$` is a dollar; `${name}` and `$name` name a group, where the name is the longest run of
 * letters, digits and `_` (so `$1a` is the group named `1a`, usually empty); a name that is not a
 * group's is tried as a number; anything else after `$` leaves the `$` as text.
 */
import type { GuardRegex, RegexMatch } from './guard-regex.js';

const IDENTIFIER = /^[\p{Alphabetic}\p{N}_]+/u;

function groupText(regex: GuardRegex, match: RegexMatch, name: string): string {
  const named = regex.groupIndex(name);
  if (named !== undefined) return match.groups[named] ?? '';
  if (/^[0-9]+$/.test(name)) return match.groups[Number(name)] ?? '';
  return '';
}

export function expandReplacement(template: string, regex: GuardRegex, match: RegexMatch): string {
  let output = '';
  let index = 0;
  while (index < template.length) {
    const dollar = template.indexOf('$', index);
    if (dollar < 0) {
      output += template.slice(index);
      break;
    }
    output += template.slice(index, dollar);
    const tail = template.slice(dollar + 1);
    if (tail.startsWith('$')) {
      output += '$';
      index = dollar + 2;
      continue;
    }
    const braced = /^\{([\p{Alphabetic}\p{N}_]+)\}/u.exec(tail);
    const bare = braced === null ? IDENTIFIER.exec(tail) : null;
    if (braced !== null) {
      output += groupText(regex, match, braced[1] as string);
      index = dollar + 1 + braced[0].length;
    } else if (bare !== null) {
      output += groupText(regex, match, bare[0]);
      index = dollar + 1 + bare[0].length;
    } else {
      output += '$';
      index = dollar + 1;
    }
  }
  return output;
}
