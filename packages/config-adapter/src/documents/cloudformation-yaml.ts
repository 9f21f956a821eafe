/**
 * Reads CloudFormation templates (JSON or YAML), turning the short-form tags (`!Ref X`,
 * `!Sub ...`, `!GetAtt A.B`) into the long form CloudFormation itself uses.
 */
import { parse, type ScalarTag, type CollectionTag } from 'yaml';
import type { JsonValue } from '../projection/json.js';

const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'And', 'Equals', 'If', 'Not', 'Or', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
  'Length', 'ToJsonString',
];

function tagsFor(tag: string, key: string, transform: (value: unknown) => unknown = (value) => value): (ScalarTag | CollectionTag)[] {
  const resolve = (value: unknown) => ({ [key]: transform(value) });
  return [
    { tag, resolve: (text: string) => resolve(text) } as ScalarTag,
    { tag, collection: 'seq', resolve: (seq: { toJSON(): unknown }) => resolve(seq.toJSON()) } as unknown as CollectionTag,
    { tag, collection: 'map', resolve: (map: { toJSON(): unknown }) => resolve(map.toJSON()) } as unknown as CollectionTag,
  ];
}

const customTags: (ScalarTag | CollectionTag)[] = [
  ...tagsFor('!Ref', 'Ref'),
  ...tagsFor('!Condition', 'Condition'),
  // `!GetAtt Res.Attr` is `Fn::GetAtt: [Res, Attr]` (the attribute may itself contain dots).
  ...tagsFor('!GetAtt', 'Fn::GetAtt', (value) => {
    if (typeof value !== 'string') return value;
    const dot = value.indexOf('.');
    return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
  }),
  ...FUNCTIONS.flatMap((name) => tagsFor(`!${name}`, `Fn::${name}`)),
];

export type TemplateParse = { readonly ok: true; readonly template: JsonValue } | { readonly ok: false; readonly message: string };

export function parseTemplateText(text: string, fileName: string): TemplateParse {
  try {
    // Tags of other tools (`!Rain::Embed`) keep their plain value, as cfn-guard does; no warnings on stderr.
    const template = parse(text, { customTags, uniqueKeys: false, merge: true, maxAliasCount: 10_000, logLevel: 'error' }) as JsonValue;
    return { ok: true, template: template ?? null };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const position = (error as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    return { ok: false, message: position ? `${fileName}:${position.line}:${position.col}: ${message}` : `${fileName}: ${message}` };
  }
}
