/**
 * CloudFormation short-form tags (`!Ref x`, `!GetAtt [a, b]`), which cfn-guard turns into the
 * long-form one-key maps. The two sets are the reference's: a tag in the scalar set on a scalar,
 * or in the sequence set on a sequence, becomes `{ "<long name>": value }`; any other tag is
 * ignored under `validate` (the scalar stays a string, the list or map stays as it is).
 */

const LONG_NAMES: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Base64: 'Fn::Base64',
  Sub: 'Fn::Sub',
  GetAZs: 'Fn::GetAZs',
  ImportValue: 'Fn::ImportValue',
  GetAtt: 'Fn::GetAtt',
  RefAll: 'Fn::RefAll',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Join: 'Fn::Join',
  FindInMap: 'Fn::FindInMap',
  And: 'Fn::And',
  Equals: 'Fn::Equals',
  Contains: 'Fn::Contains',
  EachMemberIn: 'Fn::EachMemberIn',
  EachMemberEquals: 'Fn::EachMemberEquals',
  ValueOf: 'Fn::ValueOf',
  If: 'Fn::If',
  Not: 'Fn::Not',
  Or: 'Fn::Or',
};

const SCALAR_FORMS = new Set(['Ref', 'Base64', 'Sub', 'GetAZs', 'ImportValue', 'GetAtt', 'Condition', 'RefAll']);

const SEQUENCE_FORMS = new Set([
  'GetAtt', 'Sub', 'Select', 'Split', 'Join', 'FindInMap', 'And', 'Equals', 'Contains',
  'EachMemberIn', 'EachMemberEquals', 'ValueOf', 'If', 'Not', 'Or',
]);

/** The short name of a local tag (`!Ref` → `Ref`); undefined for `!!x`, `!a!b` and resolved core tags. */
function shortName(tag: string): string | undefined {
  if (!tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  return tag.slice(1);
}

/** The long name for a short-form tag on a scalar under `validate`, or undefined. */
export function scalarShortForm(tag: string): string | undefined {
  const name = shortName(tag);
  return name !== undefined && SCALAR_FORMS.has(name) ? LONG_NAMES[name] : undefined;
}

/** The long name for a short-form tag on a sequence under `validate`, or undefined. */
export function sequenceShortForm(tag: string): string | undefined {
  const name = shortName(tag);
  return name !== undefined && SEQUENCE_FORMS.has(name) ? LONG_NAMES[name] : undefined;
}

/**
 * Under `test` (serde_yaml), a tag with exactly one `!` naming any short form wraps whatever it
 * is on, mappings included (`!Base64 {…}` → `{"Fn::Base64": {…}}`, `!If x` → `{"Fn::If": "x"}`).
 */
export function anyShortFormForTest(tag: string): string | undefined {
  if (!tag.startsWith('!') || tag.indexOf('!', 1) !== -1) return undefined;
  const name = tag.slice(1);
  return SCALAR_FORMS.has(name) || SEQUENCE_FORMS.has(name) ? LONG_NAMES[name] : undefined;
}
