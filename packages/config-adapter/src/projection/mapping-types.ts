/**
 * The facts that drive projection, per CloudFormation type. Paths: `from` is a JSONPath over the
 * resource's `Properties` (`$.FileSystemConfigs[*].Arn`); `to` is a dotted Config item path whose
 * `[*]` take, in order, the list indexes the source matched (`configuration.fileSystemConfigs[*].arn`).
 */
import type { JsonValue } from './json.js';

export type MappingMove = readonly [from: string, to: string];

export interface GeneratedTypeMapping {
  /** Absent: Config's key rule (`configuration.tracingConfig.mode`); `preserve`: the type keeps CloudFormation's names. */
  readonly keys?: 'preserve';
  /** The writable primary identifier (`FunctionName`), when the type has one. */
  readonly name?: string;
  /** Moves that differ from the mechanical rule, found by name matching. */
  readonly moves: readonly MappingMove[];
  /** Top-level properties with at least one counterpart in Config's schema. */
  readonly matched: readonly string[];
  /** Top-level properties name matching found nowhere in Config's schema. */
  readonly unmatched: readonly string[];
}

export type GeneratedMappingTable = Readonly<Record<string, GeneratedTypeMapping>>;

/** How the keys below a mapped node are written. */
export type KeyStyle =
  /** Config's usual rule: lower-case the leading capital run (`SSEAlgorithm` -> `sseAlgorithm`). */
  | 'config'
  /** User data (environment variables, policy documents, maps): keys kept as written. */
  | 'preserve';

export interface HandMove {
  readonly from: string;
  /** `null`: the property has no Config counterpart (CloudFormation-only input such as Lambda `Code`). */
  readonly to: string | null;
  readonly keys?: KeyStyle;
  /** Reshapes the value before it is written; `undefined` writes nothing. */
  readonly transform?: (value: JsonValue) => JsonValue | undefined;
}

/** A hand-written completion of one type; its moves win over the generated ones. */
export interface TypeProfile {
  readonly type: string;
  readonly moves: readonly HandMove[];
  /** Overrides the generated key style of the type. */
  readonly keys?: KeyStyle;
  /** Properties the mechanical rule places right (checked against real configuration items), with no move needed. */
  readonly confirmed?: readonly string[];
  /** `false`: AWS Config records no configuration item for the type; the shape is the mechanical one. */
  readonly recordedByConfig?: false;
  /** The property that names the resource (`FunctionName`); it becomes `resourceName` and, when set, `resourceId`. */
  readonly nameProperty?: string;
}
