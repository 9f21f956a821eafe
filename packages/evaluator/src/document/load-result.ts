/**
 * What the document loaders return. A file that cannot be read is a value, not an exception:
 * the CLI turns it into exit 255 with the message, which already names the file and the position.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { Value } from '../values/value.js';

export type DocumentLoadErrorCode =
  /** The text is not well-formed YAML/JSON (includes truncated files). */
  | 'syntax'
  /** Empty, whitespace-only or comment-only input. */
  | 'empty'
  /** `validate` refuses every alias (`*name`, `<<: *name`), as cfn-guard does. */
  | 'alias'
  /** A mapping key that does not come out as a string (`10:`, `true:`, `inf:`, `[a]:`). */
  | 'non-string-key'
  /** A duplicate mapping key where the loader forbids it (the `test` spec loader). */
  | 'duplicate-key'
  /** `!!int abc`, `!!float x`: a core tag whose text does not parse. */
  | 'bad-value'
  /** Alias expansion past the bound of the `test` spec loader (alias bombs). */
  | 'alias-expansion-limit'
  /** Nesting deeper than the configured bound. */
  | 'too-deep'
  /** Input larger than the configured maximum size. */
  | 'too-large'
  /** Bytes that are not UTF-8. */
  | 'invalid-utf8'
  /** `--input-params` merge: both sides have the key. */
  | 'key-exists'
  /** `--input-params` merge: a side is not a map. */
  | 'not-a-map';

export interface DocumentLoadError {
  readonly code: DocumentLoadErrorCode;
  /** A self-contained sentence, starting with `file:line:column:` when there is a position. */
  readonly message: string;
  readonly span: SourceSpan | null;
}

export type DocumentLoadResult =
  | { readonly ok: true; readonly document: Value }
  | { readonly ok: false; readonly error: DocumentLoadError };

export interface DocumentLoadOptions {
  /** The name reported in spans and messages (cfn-guard shows the canonical path, or `STDIN`). */
  readonly fileName: string;
  /** Refuse texts longer than this many UTF-16 code units (default {@link DEFAULT_MAX_DOCUMENT_SIZE}). */
  readonly maxSize?: number;
  /** Refuse documents with more nested mappings/sequences than this (default {@link DEFAULT_MAX_DOCUMENT_DEPTH}). */
  readonly maxDepth?: number;
}

/** 256 MiB of text: far above any template, low enough to refuse runaway input before parsing it. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 256 * 1024 * 1024;

/**
 * cfn-guard 3.1.1 loads 1,000 levels in 8 s, 2,000 in 70 s and crashes from about 20,000; real
 * templates stay under 25. The YAML composer we build on recurses and runs out of stack between
 * 500 and 1,000 levels, so the bound sits below that, with room for the caller's own stack.
 */
export const DEFAULT_MAX_DOCUMENT_DEPTH = 400;
