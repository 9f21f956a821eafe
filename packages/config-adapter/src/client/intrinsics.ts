/**
 * Finds CloudFormation intrinsic functions left in resource properties. Config validates
 * `ResourceConfiguration` against the type's registry schema, where `{"Fn::GetAtt": …}` is never a
 * valid value, so sending one yields a misleading verdict or a rejection; the caller must
 * resolve or substitute them first.
 */
const INTRINSIC_KEYS = new Set([
  'Ref',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::ForEach',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::If',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
]);

export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC_KEYS.has(keys[0]!);
}

/** JSON-pointer-like paths (`/Role`) of every intrinsic still present. */
export function findUnresolvedIntrinsics(value: unknown, path = ''): string[] {
  if (isIntrinsic(value)) return [`${path || '/'} (${Object.keys(value)[0]})`];
  if (Array.isArray(value)) return value.flatMap((item, index) => findUnresolvedIntrinsics(item, `${path}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => findUnresolvedIntrinsics(item, `${path}/${key}`));
  }
  return [];
}
