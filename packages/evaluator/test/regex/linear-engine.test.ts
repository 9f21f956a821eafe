import { describe, expect, it } from 'vitest';
import { compileGuardRegex, compileGuardRegexOn } from '../../src/regex/guard-regex.js';
import { REFERENCE_REGEX_CASES } from './regex-reference-cases.js';

const NEAR_MISS = `${'a'.repeat(5000)}!`;

describe('catastrophic backtracking', () => {
  // Each of these takes V8 longer than the age of the universe on the near-miss input.
  const explosive = ['^(a+)+$', '^(a|a)+$', '^(a|aa)*$', '^(?:a*)*$', '(a+)+b', '^([a-z]+)*$', '(?i)^(A+)+$', '^(\\w+\\s?)+$'];
  for (const pattern of explosive) {
    it(`${pattern} runs on the linear engine and answers without hanging`, () => {
      const compiled = compileGuardRegex(pattern);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      expect(compiled.regex.engineName).toBe('re2');
      expect(compiled.regex.test(NEAR_MISS)).toBe(false);
      expect([...compiled.regex.matches(NEAR_MISS)]).toEqual([]);
    });
  }

  it('still finds the matches of a nested quantifier', () => {
    const compiled = compileGuardRegex('^(a+)+$');
    expect(compiled.ok && compiled.regex.test('a'.repeat(5000))).toBe(true);
  });

  // Three quantifiers in a row make V8 take n^3 steps per start position: hours on 5,000 spaces.
  const polynomial: [string, string][] = [
    ['\\s*\\s*\\s*x', ' '.repeat(5000)],
    ['^.*.*.*x$', 'a'.repeat(5000)],
    ['a.*b.*c.*d', `${'a'.repeat(1000)}${'b'.repeat(1000)}${'c'.repeat(1000)}`],
  ];
  for (const [pattern, input] of polynomial) {
    it(`${pattern} (polynomial on V8) runs on the linear engine`, () => {
      const compiled = compileGuardRegex(pattern);
      expect(compiled.ok && compiled.regex.engineName).toBe('re2');
      expect(compiled.ok && compiled.regex.test(input)).toBe(false);
    });
  }

  it('keeps simple patterns on V8', () => {
    for (const pattern of ['^arn:aws:s3:::[a-z0-9.-]+$', '\\A\\s*\\z', '(?i)^(true|false)$', 'a{2,}', '^[a-z]{3,8}$']) {
      const compiled = compileGuardRegex(pattern);
      expect(compiled.ok && compiled.regex.engineName).toBe('v8');
    }
  });

  it('leaves to V8 the nested quantifiers RE2 cannot run (fancy-regex backtracks on those too)', () => {
    const compiled = compileGuardRegex('^(a+)+\\b');
    expect(compiled.ok && compiled.regex.engineName).toBe('v8');
  });
});

describe('the linear engine agrees with the verdicts recorded from cfn-guard 3.1.1', () => {
  let compared = 0;
  for (const reference of REFERENCE_REGEX_CASES) {
    if (!reference.compiles) continue;
    const compiled = compileGuardRegexOn(reference.pattern, 're2');
    if (!compiled.ok) continue;
    compared++;
    it(`${JSON.stringify(reference.pattern)} on RE2`, () => {
      expect(reference.matches.map(([input]) => [input, compiled.regex.test(input)])).toEqual(reference.matches);
    });
  }
  it('covers most recorded patterns', () => {
    expect(compared).toBeGreaterThan(100);
  });
});

describe('both engines iterate matches the same way', () => {
  const samples: [string, string][] = [
    ['a*', 'baaac'],
    ['x*', 'hello world'],
    ['', 'é😀x'],
    ['(a)|(o)', 'hello world'],
    ['(?U)l+', 'hello world'],
    ['(\\w+)@(\\w+)', 'me@host, you@there'],
    ['(?m)^\\w', 'one\ntwo\r\nthree'],
    ['(?i)straSSe|ß', 'STRASSE straße'],
  ];
  for (const [pattern, text] of samples) {
    it(`${pattern} on ${JSON.stringify(text)}`, () => {
      const onV8 = compileGuardRegexOn(pattern, 'v8');
      const onRe2 = compileGuardRegexOn(pattern, 're2');
      expect(onV8.ok && onRe2.ok).toBe(true);
      if (!onV8.ok || !onRe2.ok) return;
      expect([...onRe2.regex.matches(text)]).toEqual([...onV8.regex.matches(text)]);
    });
  }
});

describe('both engines give the predefined classes the same members', () => {
  // RE2 spells Unicode \w, \d, \s with its own tables; every code point is checked once.
  for (const pattern of ['^\\w$', '^\\d$', '^\\s$', '^\\S$', '(?i)^\\p{Lu}$', '^[\\w-]$']) {
    it(`${pattern} over the whole code space`, () => {
      const onV8 = compileGuardRegexOn(pattern, 'v8');
      const onRe2 = compileGuardRegexOn(pattern, 're2');
      expect(onV8.ok && onRe2.ok).toBe(true);
      if (!onV8.ok || !onRe2.ok) return;
      const differences: string[] = [];
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
        const text = String.fromCodePoint(codePoint);
        if (onV8.regex.test(text) !== onRe2.regex.test(text)) differences.push(codePoint.toString(16));
      }
      expect(differences).toEqual([]);
    });
  }
});
