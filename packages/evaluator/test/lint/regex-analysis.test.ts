import { describe, expect, it } from 'vitest';
import { whyRegexNeverMatches } from '../../src/lint/regex-analysis.js';

// Each pattern's verdict was checked with cfn-guard 3.1.1 against "a\nb" and "ab"
// (`S == /…/`): the never-matching ones FAIL on both, the others PASS on at least one.
describe('whyRegexNeverMatches', () => {
  it.each(['a$b', 'x\\zy', 'a\\Ab', 'b^a', 'a$\\n', '[^\\s\\S]', 'ab$c+', '^a\\A'])('%s can never match', (pattern) => {
    expect(whyRegexNeverMatches(pattern)).toMatch(/./);
  });

  it.each(['a$|b', '$a?', '(?m)a$\\nb', '[]a]', '^abc$', '\\Aabc\\z', 'a$(?:x)?', 'ab*$c*', 'a${0,2}', '(?x) a $ # comment', '[$]x', '\\$x', 'a{2}$'])(
    '%s may match',
    (pattern) => {
      expect(whyRegexNeverMatches(pattern)).toBeNull();
    },
  );
});
