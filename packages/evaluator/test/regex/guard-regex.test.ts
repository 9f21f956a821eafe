import { describe, expect, it } from 'vitest';
import { compileGuardRegex } from '../../src/regex/guard-regex.js';
import { expandReplacement } from '../../src/regex/replacement.js';

function compiled(pattern: string) {
  const result = compileGuardRegex(pattern);
  if (!result.ok) throw new Error(result.message);
  return result.regex;
}

describe('compileGuardRegex', () => {
  it('compiles each pattern once', () => {
    expect(compileGuardRegex('^cached-[0-9]+$')).toBe(compileGuardRegex('^cached-[0-9]+$'));
    expect(compileGuardRegex('(unclosed')).toBe(compileGuardRegex('(unclosed'));
  });

  it('explains why a pattern is refused', () => {
    const result = compileGuardRegex('abc\\Z');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('\\Z');
    const lookBehind = compileGuardRegex('(?<=a+)b');
    expect(lookBehind.ok).toBe(false);
    if (!lookBehind.ok) expect(lookBehind.message).toContain('constant length');
  });

  it('numbers groups like Rust when atomic groups add JavaScript groups', () => {
    const regex = compiled('(?>(a)b)(c)');
    expect(regex.groupCount).toBe(2);
    expect([...regex.matches('xabc')]).toEqual([{ start: 1, end: 4, groups: ['abc', 'a', 'c'] }]);
  });

  it('skips an empty match right after a match, as Rust does', () => {
    expect([...compiled('a*').matches('baaac')].map((match) => [match.start, match.end])).toEqual([
      [0, 0],
      [1, 4],
      [5, 5],
    ]);
  });

  it('steps over astral characters whole after an empty match', () => {
    expect([...compiled('').matches('😀x')].map((match) => match.start)).toEqual([0, 2, 3]);
  });
});

describe('replacement templates', () => {
  const regex = compiled('(?P<first>\\w+) (\\w+)');
  const [match] = [...regex.matches('hello world')];
  const expand = (template: string) => expandReplacement(template, regex, match!);

  it.each([
    ['$2 $1', 'world hello'],
    ['${first}!', 'hello!'],
    ['$first!', 'hello!'],
    ['$1_x', ''],
    ['${1}_x', 'hello_x'],
    ['$$1', '$1'],
    ['$', '$'],
    ['${', '${'],
    ['a$-b', 'a$-b'],
    ['$9', ''],
    ['$0', 'hello world'],
  ])('%s expands to %s', (template, expected) => {
    expect(expand(template)).toBe(expected);
  });
});
