/**
 * Resolves a Rust `\p{…}` property name into the spelling JavaScript's `\p{…}` accepts.
 * Rust (regex-syntax) matches names loosely — letter case, spaces, `_` and `-` are ignored and an
 * `is` prefix is allowed — while JavaScript wants the exact canonical name, hence the tables.
 */

const GENERAL_CATEGORIES: readonly (readonly string[])[] = [
  ['L', 'Letter'], ['LC', 'Cased_Letter'], ['Lu', 'Uppercase_Letter'], ['Ll', 'Lowercase_Letter'],
  ['Lt', 'Titlecase_Letter'], ['Lm', 'Modifier_Letter'], ['Lo', 'Other_Letter'],
  ['M', 'Mark', 'Combining_Mark'], ['Mn', 'Nonspacing_Mark'], ['Mc', 'Spacing_Mark'], ['Me', 'Enclosing_Mark'],
  ['N', 'Number'], ['Nd', 'Decimal_Number', 'digit'], ['Nl', 'Letter_Number'], ['No', 'Other_Number'],
  ['P', 'Punctuation', 'punct'], ['Pc', 'Connector_Punctuation'], ['Pd', 'Dash_Punctuation'],
  ['Ps', 'Open_Punctuation'], ['Pe', 'Close_Punctuation'], ['Pi', 'Initial_Punctuation'],
  ['Pf', 'Final_Punctuation'], ['Po', 'Other_Punctuation'],
  ['S', 'Symbol'], ['Sm', 'Math_Symbol'], ['Sc', 'Currency_Symbol'], ['Sk', 'Modifier_Symbol'], ['So', 'Other_Symbol'],
  ['Z', 'Separator'], ['Zs', 'Space_Separator'], ['Zl', 'Line_Separator'], ['Zp', 'Paragraph_Separator'],
  ['C', 'Other'], ['Cc', 'Control', 'cntrl'], ['Cf', 'Format'], ['Cs', 'Surrogate'], ['Co', 'Private_Use'],
  ['Cn', 'Unassigned'],
];

const BINARY_PROPERTIES: readonly (readonly string[])[] = [
  ['ASCII_Hex_Digit', 'AHex'], ['Alphabetic', 'Alpha'], ['Bidi_Control', 'Bidi_C'], ['Bidi_Mirrored', 'Bidi_M'],
  ['Case_Ignorable', 'CI'], ['Cased'], ['Changes_When_Casefolded', 'CWCF'], ['Changes_When_Casemapped', 'CWCM'],
  ['Changes_When_Lowercased', 'CWL'], ['Changes_When_NFKC_Casefolded', 'CWKCF'],
  ['Changes_When_Titlecased', 'CWT'], ['Changes_When_Uppercased', 'CWU'], ['Dash'],
  ['Default_Ignorable_Code_Point', 'DI'], ['Deprecated', 'Dep'], ['Diacritic', 'Dia'], ['Emoji'],
  ['Emoji_Component', 'EComp'], ['Emoji_Modifier', 'EMod'], ['Emoji_Modifier_Base', 'EBase'],
  ['Emoji_Presentation', 'EPres'], ['Extended_Pictographic', 'ExtPict'], ['Extender', 'Ext'],
  ['Grapheme_Base', 'Gr_Base'], ['Grapheme_Extend', 'Gr_Ext'], ['Hex_Digit', 'Hex'],
  ['IDS_Binary_Operator', 'IDSB'], ['IDS_Trinary_Operator', 'IDST'], ['ID_Continue', 'IDC'], ['ID_Start', 'IDS'],
  ['Ideographic', 'Ideo'], ['Join_Control', 'Join_C'], ['Logical_Order_Exception', 'LOE'], ['Lowercase', 'Lower'],
  ['Math'], ['Noncharacter_Code_Point', 'NChar'], ['Pattern_Syntax', 'Pat_Syn'], ['Pattern_White_Space', 'Pat_WS'],
  ['Quotation_Mark', 'QMark'], ['Radical'], ['Regional_Indicator', 'RI'], ['Sentence_Terminal', 'STerm'],
  ['Soft_Dotted', 'SD'], ['Terminal_Punctuation', 'Term'], ['Unified_Ideograph', 'UIdeo'], ['Uppercase', 'Upper'],
  ['Variation_Selector', 'VS'], ['White_Space', 'space', 'wspace'], ['XID_Continue', 'XIDC'], ['XID_Start', 'XIDS'],
  ['Any'], ['ASCII'], ['Assigned'],
];

function normalize(name: string): string {
  return name.replace(/[\s_-]/g, '').toLowerCase();
}

function buildTable(rows: readonly (readonly string[])[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const row of rows) for (const alias of row) table.set(normalize(alias), row[0] as string);
  return table;
}

const generalCategories = buildTable(GENERAL_CATEGORIES);
const binaryProperties = buildTable(BINARY_PROPERTIES);

function acceptedByJavaScript(body: string): boolean {
  try {
    new RegExp(`\\p{${body}}`, 'v');
    return true;
  } catch {
    return false;
  }
}

/** `old italic` → `Old_Italic`, `GREK` → `Grek`: the spellings JavaScript knows for scripts. */
function scriptCandidates(value: string): string[] {
  const words = value.trim().split(/[\s_-]+/).filter((word) => word.length > 0);
  const titled = words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()).join('_');
  return [value, titled];
}

function resolveScript(propertyName: string, value: string): string | null {
  for (const candidate of scriptCandidates(value)) {
    const body = `${propertyName}=${candidate}`;
    if (acceptedByJavaScript(body)) return body;
  }
  return null;
}

function stripIsPrefix(normalized: string): string | null {
  return normalized.startsWith('is') && normalized.length > 2 ? normalized.slice(2) : null;
}

function resolveLoneName(name: string): string | null {
  const normalized = normalize(name);
  for (const key of [normalized, stripIsPrefix(normalized)]) {
    if (key === null) continue;
    // regex-syntax reads `cf`, `sc` and `lc` as general categories, never as property names.
    if (key !== 'cf' && key !== 'sc' && key !== 'lc') {
      const binary = binaryProperties.get(key);
      if (binary !== undefined) return binary;
    }
    const category = generalCategories.get(key);
    if (category !== undefined) return category;
  }
  return resolveScript('Script', name);
}

function resolveNameValue(property: string, value: string): string | null {
  const key = normalize(property);
  if (key === 'gc' || key === 'generalcategory') {
    const category = generalCategories.get(normalize(value));
    return category === undefined ? null : category;
  }
  if (key === 'sc' || key === 'script') return resolveScript('Script', value);
  if (key === 'scx' || key === 'scriptextensions') return resolveScript('Script_Extensions', value);
  return null;
}

export interface ResolvedProperty {
  readonly property: string;
}

/**
 * `body` is what stands between the braces of `\p{…}` (or the single letter of `\pL`).
 * Returns null when the name is unknown to Rust or has no JavaScript equivalent.
 */
export function resolveUnicodeProperty(body: string): ResolvedProperty | null {
  // cfn-guard 3.1.1 reads `\p{sc!=Greek}` exactly like `\p{sc=Greek}` (verified with the binary).
  const notEqual = body.indexOf('!=');
  if (notEqual >= 0) {
    const property = resolveNameValue(body.slice(0, notEqual), body.slice(notEqual + 2));
    return property === null ? null : { property };
  }
  const separator = body.search(/[=:]/);
  const property =
    separator >= 0 ? resolveNameValue(body.slice(0, separator), body.slice(separator + 1)) : resolveLoneName(body);
  return property === null ? null : { property };
}
