/** The merged facts for one type: generated name matches, completed by a hand profile when there is one. */
import { generatedConfigMapping } from './generated/config-mapping.generated.js';
import type { HandMove, KeyStyle, TypeProfile } from './mapping-types.js';
import { profileFor } from './profiles/index.js';
import { tagsToMap } from './value-transforms.js';

export type MappingSource = 'hand' | 'generated' | 'none';

export interface TypeMapping {
  readonly resourceType: string;
  readonly source: MappingSource;
  readonly keys: KeyStyle;
  readonly moves: readonly HandMove[];
  /** Top-level properties with a Config counterpart (matched by name, or placed by hand). */
  readonly confirmed: ReadonlySet<string>;
  readonly nameProperty: string | undefined;
  /** Whether AWS Config records items of this type at all. */
  readonly recordedByConfig: boolean;
}

const TAGS_MOVE: HandMove = { from: '$.Tags', to: 'tags', keys: 'preserve', transform: tagsToMap };

export function typeMapping(resourceType: string): TypeMapping {
  const generated = generatedConfigMapping[resourceType];
  const profile: TypeProfile | undefined = profileFor(resourceType);
  const moves = new Map<string, HandMove>([[TAGS_MOVE.from, TAGS_MOVE]]);
  for (const [from, to] of generated?.moves ?? []) moves.set(from, { from, to });
  for (const move of profile?.moves ?? []) moves.set(move.from, move);
  const confirmed = new Set(generated?.matched ?? []);
  for (const move of profile?.moves ?? []) {
    const top = /^\$\.([A-Za-z0-9_]+)/.exec(move.from)?.[1];
    if (top !== undefined) confirmed.add(top);
  }
  for (const property of profile?.confirmed ?? []) confirmed.add(property);
  return {
    resourceType,
    source: profile ? 'hand' : generated ? 'generated' : 'none',
    keys: profile?.keys ?? generated?.keys ?? 'config',
    moves: [...moves.values()],
    confirmed,
    nameProperty: profile?.nameProperty ?? generated?.name,
    recordedByConfig: profile?.recordedByConfig ?? generated !== undefined,
  };
}
