// The converters classify ASCII characters by code and singularise ASCII words with ASCII-only
// regexps (a cold-start saving). Property: on any key name, ASCII or not, every converter gives
// exactly what the Unicode-regexp implementation it replaced gives (kept as the oracle).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as current from '../../src/eval/key-case-converters.js';
import * as oracle from './key-case-converters-unicode-oracle.js';

const CONVERTERS = [
  'toCamelCase',
  'toClassCase',
  'toKebabCase',
  'toPascalCase',
  'toSnakeCase',
  'toSingular',
  'toTitleCase',
  'toTrainCase',
] as const;

function expectSameAsOracle(name: string): void {
  for (const converter of CONVERTERS) {
    expect(current[converter](name), `${converter}(${JSON.stringify(name)})`).toBe(oracle[converter](name));
  }
}

// Pieces that reach every rule and class boundary: plural endings the singular rules match, word
// separators, digits, and non-ASCII characters in each Unicode class the converters ask about
// (titlecase ǅ, Ⅻ upper case and numeric, ² numeric only, ª lower case, a combining mark, the
// zero-width joiner, the connector ‿, an astral letter and digit).
const PIECES = [
  'Bucket', 'bucket', 'Name', 'Statuses', 'Status', 'ies', 'ves', 'hives', 'tives', 'lves', 'ses', 'xes',
  'oes', 'ss', 's', 'a', 'ta', 'ia', 'news', 'series', 'movies', 'mice', 'bus', 'buses', 'shoes', 'axes',
  'octopi', 'aliases', 'oxen', 'vertices', 'matrices', 'quizzes', 'databases', 'analyses', 'theses', 'crises',
  'Policies', 'SecurityGroups', 'ID', 'URL', 'x', 'Q', 'qu', '_', '-', ' ', '.', '$', '2', '42', 'é', 'É',
  'ß', 'ǅ', 'Ⅻ', '²', 'ª', '\u0301', '\u200d', '‿', '𝐀', '𝟘', 'Ünïcödé', '日本',
];

const keyNames = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

describe('key-case converters: ASCII path equals the Unicode implementation', () => {
  it('on every ASCII character and every pair of ASCII characters', () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
    for (const a of ascii) {
      expectSameAsOracle(a);
      for (const b of ascii) expectSameAsOracle(a + b);
    }
  });

  it('on generated key names, ASCII and not', () => {
    fc.assert(fc.property(keyNames, (name) => expectSameAsOracle(name)), { numRuns: 5000 });
  });

  it('on plural words with a non-ASCII letter, which take the Unicode rules', () => {
    // The first result proves the Unicode rule set is the one used: `é` is a word character there.
    expect(current.toSingular('Caféves')).toBe(oracle.toSingular('Caféves'));
    for (const word of ['Caféves', 'Ünïcödéies', 'naïveties', 'Straße', '𝐀s', 'a\u0301s', 'x\u200dses']) {
      expectSameAsOracle(word);
    }
  });
});
