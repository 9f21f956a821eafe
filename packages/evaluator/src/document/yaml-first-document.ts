/**
 * Reads the first YAML document of a text with the `yaml` package, the way both loaders need it:
 * only the first document is composed (cfn-guard stops at the first document end, so whatever
 * follows, even broken text, is never looked at); nesting is measured on the CST, which the
 * package builds without recursion, before the recursive composer sees it; and the offset where
 * each node's properties (`&anchor`, `!Tag`) begin is recorded, because libyaml, and so cfn-guard,
 * locates a node at its first property while the composed nodes start at their content.
 */
import type { CST, Document, ParsedNode } from 'yaml';
import { Composer, Parser } from 'yaml';
import { parseYamlTokens } from './libyaml-indentation.js';
import { withPlainProcessEnv } from './plain-process-env.js';
import type { DocumentLoadError } from './load-result.js';
import type { SourceLocator } from './source-locator.js';

export interface FirstDocument {
  readonly contents: ParsedNode | null;
  /** Content offset → offset of the node's first property, for nodes that have properties. */
  readonly propertyStarts: ReadonlyMap<number, number>;
  /** Whether another document follows (`validate` ignores it; the `test` loader refuses the file). */
  readonly hasMoreDocuments: boolean;
}

export type FirstDocumentResult =
  | { readonly ok: true; readonly document: FirstDocument }
  | { readonly ok: false; readonly error: DocumentLoadError };

type Item = CST.BlockMap['items'][number] | CST.BlockSequence['items'][number] | CST.FlowCollection['items'][number];

/** The first anchor/tag token offset in `tokens`, or -1. */
function firstProperty(tokens: readonly CST.SourceToken[] | undefined): number {
  if (tokens === undefined) return -1;
  for (const token of tokens) if (token.type === 'anchor' || token.type === 'tag') return token.offset;
  return -1;
}

/**
 * An empty value with properties (`Key: !GetAZs`, `- &a # note`): the composer places the empty
 * node after its properties, past some of the blanks and comments that follow them; each of
 * those places on the properties' line is mapped to the first property.
 */
function markEmptyValue(tokens: readonly CST.SourceToken[], propertyStarts: Map<number, number>): void {
  const property = firstProperty(tokens);
  if (property === -1) return;
  let last = tokens.length - 1;
  while (tokens[last]!.type !== 'anchor' && tokens[last]!.type !== 'tag') last--;
  for (let i = last; i < tokens.length; i++) {
    // The end of a line break can be where the next line's key starts.
    if (tokens[i]!.type !== 'newline') propertyStarts.set(tokens[i]!.offset + tokens[i]!.source.length, property);
  }
}

function collectionItems(token: CST.Token): readonly Item[] | undefined {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection' ? token.items : undefined;
}

interface WalkResult {
  readonly propertyStarts: Map<number, number>;
  /** Offset of the first container past the depth bound, or -1. */
  readonly tooDeepAt: number;
}

/** Iterative walk of the CST: nesting depth and property offsets. */
function walkTokens(root: CST.Token | undefined, rootProperty: number, maxDepth: number): WalkResult {
  const propertyStarts = new Map<number, number>();
  if (root === undefined) return { propertyStarts, tooDeepAt: -1 };
  if (rootProperty !== -1) propertyStarts.set(root.offset, rootProperty);
  const tokens: CST.Token[] = [root];
  const depths: number[] = [1];
  while (tokens.length > 0) {
    const token = tokens.pop()!;
    const depth = depths.pop()!;
    const items = collectionItems(token);
    if (items === undefined) continue;
    if (depth > maxDepth) return { propertyStarts, tooDeepAt: token.offset };
    for (const item of items) {
      const startProperty = firstProperty(item.start);
      const key = 'key' in item ? item.key : undefined;
      if (key) {
        if (startProperty !== -1) propertyStarts.set(key.offset, startProperty);
        tokens.push(key);
        depths.push(depth + 1);
      }
      if (item.value) {
        const valueProperty = key || 'sep' in item ? firstProperty('sep' in item ? item.sep : undefined) : -1;
        const property = key ? valueProperty : startProperty !== -1 ? startProperty : valueProperty;
        if (property !== -1) propertyStarts.set(item.value.offset, property);
        tokens.push(item.value);
        depths.push(depth + 1);
      } else {
        const sep = 'sep' in item ? (item.sep ?? []) : [];
        markEmptyValue(key ? sep : [...item.start, ...sep], propertyStarts);
      }
    }
  }
  return { propertyStarts, tooDeepAt: -1 };
}

function syntaxError(locator: SourceLocator, offset: number, end: number, detail: string): DocumentLoadError {
  const at = Math.min(offset, locator.text.length);
  return {
    code: 'syntax',
    message: `${locator.where(at)}: not well-formed YAML/JSON: ${detail}`,
    span: locator.span(at, Math.max(at, Math.min(end, locator.text.length))),
  };
}

/** The yaml package's message without its own "at line X, column Y" suffix and code excerpt. */
function plainMessage(message: string): string {
  const firstLine = message.split('\n', 1)[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * libyaml accepts continuation lines of flow collections and quoted scalars at any indentation;
 * the `yaml` package does not (see libyaml-indentation.ts). Text it reads without error reads the
 * same either way, and its own lexer is the faster, so the lenient one only gets a second try at
 * text that failed (and when that fails too, the first error stands).
 */
export function readFirstYamlDocument(locator: SourceLocator, maxDepth: number): FirstDocumentResult {
  return withPlainProcessEnv(() => readFirstDocument(locator, maxDepth));
}

function readFirstDocument(locator: SourceLocator, maxDepth: number): FirstDocumentResult {
  const text = withLibyamlLineBreaks(locator.text);
  const strict = readWith(new Parser().parse(text), locator, maxDepth);
  if (strict.ok || strict.error.code !== 'syntax') return strict;
  const lenient = readWith(parseYamlTokens(text), locator, maxDepth);
  return lenient.ok ? lenient : strict;
}

const OTHER_LINE_BREAK = /\r(?!\n)|\u0085/;

/**
 * libyaml (YAML 1.1) also ends lines at a lone `\r` and at NEL, and reads either as `\n`; the
 * `yaml` package (YAML 1.2) does neither. Both are one code unit, as `\n` is, so replacing them
 * keeps every offset, and spans still point into the original text.
 */
function withLibyamlLineBreaks(text: string): string {
  return OTHER_LINE_BREAK.test(text) ? text.replace(/\r(?!\n)|\u0085/g, '\n') : text;
}

function readWith(cst: Iterable<CST.Token>, locator: SourceLocator, maxDepth: number): FirstDocumentResult {
  const tokens: CST.Token[] = [];
  let documentToken: CST.Document | undefined;
  let hasMoreDocuments = false;
  let pastDocumentEnd = false;
  for (const token of cst) {
    if (documentToken !== undefined) {
      // Stray tokens before the document's end (`V: [a]]`) belong to it and are errors; after
      // `...` or at the next `---` cfn-guard stops reading, so nothing later is composed.
      if (token.type === 'document') {
        hasMoreDocuments = true;
        break;
      }
      if (!pastDocumentEnd) {
        tokens.push(token);
        if (token.type === 'doc-end' || token.type === 'directive') pastDocumentEnd = true;
      }
      continue;
    }
    tokens.push(token);
    if (token.type === 'document') documentToken = token;
  }
  if (documentToken === undefined) {
    const error = tokens.find((token): token is CST.ErrorToken => token.type === 'error');
    if (error !== undefined) return { ok: false, error: syntaxError(locator, error.offset, error.offset + error.source.length, error.message) };
    return { ok: false, error: { code: 'empty', message: `${locator.fileName}: the file holds no document (it is empty or only comments)`, span: null } };
  }

  const walk = walkTokens(documentToken.value, firstProperty(documentToken.start), maxDepth);
  if (walk.tooDeepAt !== -1) {
    return {
      ok: false,
      error: {
        code: 'too-deep',
        message: `${locator.where(walk.tooDeepAt)}: the document nests mappings and sequences more than ${maxDepth} levels deep`,
        span: locator.span(walk.tooDeepAt, walk.tooDeepAt + 1),
      },
    };
  }

  // failsafe: every scalar keeps its text, typing is ours; duplicate keys are the loaders' business.
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, keepSourceTokens: false });
  let document: Document.Parsed | undefined;
  // The composer records a warning, an Error object, for every tag outside its schema (each `!Ref`,
  // `!Sub`, `!!int` …). Capturing their stack traces was a third of the time on tagged templates,
  // and the warnings are never read.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const composed of composer.compose(tokens, false, documentToken.offset)) {
      document = composed as Document.Parsed;
      break;
    }
  } catch (error) {
    // The depth bound keeps the composer's recursion in reach of the stack; this is the backstop.
    const detail = error instanceof RangeError ? 'the document is nested too deeply' : String(error);
    return { ok: false, error: syntaxError(locator, documentToken.offset, documentToken.offset, detail) };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (document === undefined) {
    return { ok: false, error: { code: 'empty', message: `${locator.fileName}: the file holds no document`, span: null } };
  }
  const first = document.errors[0];
  if (first !== undefined) {
    const error = syntaxError(locator, first.pos[0], first.pos[1], plainMessage(first.message));
    // The composer turns its own stack overflow into a document error; it means "too deep" here.
    if (first.message.includes('Maximum call stack')) return { ok: false, error: { ...error, code: 'too-deep', message: `${locator.where(first.pos[0])}: the document is nested too deeply to read` } };
    return { ok: false, error };
  }
  return { ok: true, document: { contents: document.contents, propertyStarts: walk.propertyStarts, hasMoreDocuments } };
}
