/**
 * The key-case converters as they were before the ASCII fast path (Unicode-property regexps for
 * every character): the oracle the fast path is compared with. Not used by the evaluator.
 *
 * The case converters cfn-guard retries a missing map key with (§4.3), in its order: camelCase,
 * ClassCase (which singularises the last word), kebab-case, PascalCase, snake_case, Title Case,
 * Train-Case. A faithful port of the Rust `Inflector` 0.11 crate's `to_*_case` functions,
 * including their quirks (digits count as upper case when deciding where a word starts).
 */

const isAlphanumeric = (c: string) => /[\p{Alphabetic}\p{N}]/u.test(c);
const isLowercase = (c: string) => /\p{Lowercase}/u.test(c);
const isUppercase = (c: string) => /\p{Uppercase}/u.test(c);
const isNumeric = (c: string) => /\p{N}/u.test(c);
const asciiLower = (c: string) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);
const asciiUpper = (c: string) => (c >= 'a' && c <= 'z' ? c.toUpperCase() : c);

function trimRight(chars: readonly string[]): string[] {
  let end = chars.length;
  while (end > 0 && !isAlphanumeric(chars[end - 1]!)) end--;
  return chars.slice(0, end);
}

interface CamelOptions {
  readonly newWord: boolean;
  readonly firstWord: boolean;
  readonly injectableChar: string;
  readonly hasSeparator: boolean;
  readonly inverted: boolean;
}

function toCaseCamelLike(text: string, options: CamelOptions): string {
  let newWord = options.newWord;
  let firstWord = options.firstWord;
  let lastChar = ' ';
  let foundRealChar = false;
  let result = '';
  for (const c of trimRight([...text])) {
    if (!isAlphanumeric(c) && foundRealChar) {
      newWord = true;
    } else if (!foundRealChar && !isAlphanumeric(c)) {
      continue;
    } else if (isNumeric(c)) {
      foundRealChar = true;
      newWord = true;
      result += c;
    } else if (newWord || (isLowercase(lastChar) && isUppercase(c) && lastChar !== ' ')) {
      foundRealChar = true;
      newWord = false;
      if (options.hasSeparator && !firstWord) result += options.injectableChar;
      result += !options.inverted || firstWord ? asciiUpper(c) : asciiLower(c);
      firstWord = false;
    } else {
      foundRealChar = true;
      lastChar = c;
      result += asciiLower(c);
    }
  }
  return result;
}

function toCaseSnakeLike(text: string, separator: string, upper: boolean): string {
  const original = [...text];
  const chars = trimRight(original);
  let firstCharacter = true;
  let result = '';
  const convert = upper ? asciiUpper : asciiLower;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!isAlphanumeric(c)) {
      if (!firstCharacter) {
        firstCharacter = true;
        result += separator;
      }
    } else if (!firstCharacter && c === asciiUpper(c) && nextOrPreviousIsLowercase(original, i)) {
      firstCharacter = false;
      result += separator + convert(c);
    } else {
      firstCharacter = false;
      result += convert(c);
    }
  }
  return result;
}

function nextOrPreviousIsLowercase(chars: readonly string[], index: number): boolean {
  return isLowercase(chars[index + 1] ?? 'A') || isLowercase(chars[index - 1] ?? 'A');
}

export const toCamelCase = (s: string) =>
  toCaseCamelLike(s, { newWord: false, firstWord: false, injectableChar: ' ', hasSeparator: false, inverted: false });
export const toPascalCase = (s: string) =>
  toCaseCamelLike(s, { newWord: true, firstWord: false, injectableChar: ' ', hasSeparator: false, inverted: false });
export const toTitleCase = (s: string) =>
  toCaseCamelLike(s, { newWord: true, firstWord: true, injectableChar: ' ', hasSeparator: true, inverted: false });
export const toTrainCase = (s: string) =>
  toCaseCamelLike(s, { newWord: true, firstWord: true, injectableChar: '-', hasSeparator: true, inverted: false });
export const toSnakeCase = (s: string) => toCaseSnakeLike(s, '_', false);
export const toKebabCase = (s: string) => toCaseSnakeLike(s, '-', false);

/** PascalCase with the last word made singular (`security_groups` -> `SecurityGroup`). */
export function toClassCase(s: string): string {
  const plural = toPascalCase(s);
  let split = 0;
  const chars = [...plural];
  let offset = 0;
  for (const c of chars) {
    if (isUppercase(c)) split = offset;
    offset += c.length;
  }
  return plural.slice(0, split) + toSingular(plural.slice(split));
}

const UNCOUNTABLE = new Set([
  'accommodation', 'adulthood', 'advertising', 'advice', 'aggression', 'aid', 'air', 'aircraft', 'alcohol',
  'anger', 'applause', 'arithmetic', 'assistance', 'athletics', 'bacon', 'baggage', 'beef', 'biology', 'blood',
  'botany', 'bread', 'butter', 'carbon', 'cardboard', 'cash', 'chalk', 'chaos', 'chess', 'crossroads', 'countryside',
  'dancing', 'deer', 'dignity', 'dirt', 'dust', 'economics', 'education', 'electricity', 'engineering', 'enjoyment',
  'envy', 'equipment', 'ethics', 'evidence', 'evolution', 'fame', 'fiction', 'flour', 'flu', 'food', 'fuel', 'fun',
  'furniture', 'gallows', 'garbage', 'garlic', 'genetics', 'gold', 'golf', 'gossip', 'grammar', 'gratitude', 'grief',
  'guilt', 'gymnastics', 'happiness', 'hardware', 'harm', 'hate', 'hatred', 'health', 'heat', 'help', 'homework',
  'honesty', 'honey', 'hospitality', 'housework', 'humour', 'hunger', 'hydrogen', 'ice', 'importance', 'inflation',
  'information', 'innocence', 'iron', 'irony', 'jam', 'jewelry', 'judo', 'karate', 'knowledge', 'lack', 'laughter',
  'lava', 'leather', 'leisure', 'lightning', 'linguine', 'linguini', 'linguistics', 'literature', 'litter', 'livestock',
  'logic', 'loneliness', 'luck', 'luggage', 'macaroni', 'machinery', 'magic', 'management', 'mankind', 'marble',
  'mathematics', 'mayonnaise', 'measles', 'methane', 'milk', 'money', 'mud', 'music', 'mumps', 'nature', 'news',
  'nitrogen', 'nonsense', 'nurture', 'nutrition', 'obedience', 'obesity', 'oxygen', 'pasta', 'patience', 'physics',
  'poetry', 'pollution', 'poverty', 'pride', 'psychology', 'publicity', 'punctuation', 'quartz', 'racism', 'relaxation',
  'reliability', 'research', 'respect', 'revenge', 'rice', 'rubbish', 'rum', 'safety', 'scenery', 'seafood', 'seaside',
  'series', 'shame', 'sheep', 'shopping', 'sleep', 'smoke', 'smoking', 'snow', 'soap', 'software', 'soil', 'spaghetti',
  'species', 'steam', 'stuff', 'stupidity', 'sunshine', 'symmetry', 'tennis', 'thirst', 'thunder', 'timber', 'traffic',
  'transportation', 'trust', 'underwear', 'unemployment', 'unity', 'validity', 'veal', 'vegetation', 'vegetarianism',
  'vengeance', 'violence', 'vitality', 'warmth', 'wealth', 'weather', 'welfare', 'wheat', 'wildlife', 'wisdom', 'yoga',
  'zinc', 'zoology',
]);

/**
 * Inflector 0.11's singular rules, tried from the last. Its replacement is *group 1 followed by
 * the replacement text* (with `$2` expanded), so text matched by other groups is lost:
 * `Wolves` -> `Wof`, `Knives` -> `Knfe`. That is what cfn-guard looks keys up with.
 */
const W = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]`;
const SINGULAR_RULES: readonly (readonly [RegExp, string])[] = (
  [
    [String.raw`(${W}*)s$`, ''],
    [String.raw`(${W}*)(ss)$`, '$2'],
    ['(n)ews$', 'ews'],
    [String.raw`(${W}*)(o)es$`, ''],
    [String.raw`(${W}*)([ti])a$`, 'um'],
    ['((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$', 'sis'],
    ['(^analy)(sis|ses)$', 'sis'],
    [String.raw`(${W}*)([^f])ves$`, 'fe'],
    [String.raw`(${W}*)(hive)s$`, ''],
    [String.raw`(${W}*)(tive)s$`, ''],
    [String.raw`(${W}*)([lr])ves$`, 'f'],
    [String.raw`(${W}*([^aeiouy]|qu))ies$`, 'y'],
    ['(s)eries$', 'eries'],
    ['(m)ovies$', 'ovie'],
    [String.raw`(${W}*)(x|ch|ss|sh)es$`, '$2'],
    ['(m|l)ice$', 'ouse'],
    ['(bus)(es)?$', ''],
    ['(shoe)s$', ''],
    ['(cris|test)(is|es)$', 'is'],
    ['^(a)x[ie]s$', 'xis'],
    ['(octop|vir)(us|i)$', 'us'],
    ['(alias|status)(es)?$', ''],
    ['^(ox)en', ''],
    ['(vert|ind)ices$', 'ex'],
    ['(matr)ices$', 'ix'],
    ['(quiz)zes$', ''],
    ['(database)s$', ''],
  ] as const
).map(([pattern, replacement]) => [new RegExp(pattern, 'u'), replacement] as const);

const SPECIAL_SINGULARS: ReadonlyMap<string, string> = new Map([
  ['oxen', 'ox'],
  ['boxes', 'box'],
  ['men', 'man'],
  ['women', 'woman'],
  ['dice', 'die'],
  ['yeses', 'yes'],
  ['feet', 'foot'],
  ['eaves', 'eave'],
  ['geese', 'goose'],
  ['teeth', 'tooth'],
  ['quizzes', 'quiz'],
]);

/** Inflector's `to_singular`, case-sensitive (`Statuses` only loses its final `s`). */
export function toSingular(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  const special = SPECIAL_SINGULARS.get(word);
  if (special !== undefined) return special;
  for (let i = SINGULAR_RULES.length - 1; i >= 0; i--) {
    const [pattern, replacement] = SINGULAR_RULES[i]!;
    const match = pattern.exec(word);
    if (match !== null && match[1] !== undefined) return match[1] + replacement.replace('$2', match[2] ?? '');
  }
  return word;
}

export type KeyConverter = (key: string) => string;

/** In cfn-guard's order. */
export const KEY_CONVERTERS: readonly KeyConverter[] = [
  toCamelCase,
  toClassCase,
  toKebabCase,
  toPascalCase,
  toSnakeCase,
  toTitleCase,
  toTrainCase,
];
