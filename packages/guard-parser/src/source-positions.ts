/**
 * Spans from tokens and CST nodes. Chevrotain's end offsets and columns are inclusive; spans
 * are exclusive at the end, hence the `+ 1`s.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { SourcePosition, SourceSpan } from './span.js';

export function startOf(token: IToken): SourcePosition {
  return { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 };
}

export function endOf(token: IToken): SourcePosition {
  const endOffset = token.endOffset ?? token.startOffset + token.image.length - 1;
  return { offset: endOffset + 1, line: token.endLine ?? token.startLine ?? 1, column: (token.endColumn ?? token.startColumn ?? 1) + 1 };
}

export function spanOfTokens(file: string, first: IToken, last: IToken = first): SourceSpan {
  return { file, start: startOf(first), end: endOf(last) };
}

export function spanOfNode(file: string, node: CstNode): SourceSpan {
  const location = node.location;
  if (location === undefined || Number.isNaN(location.startOffset)) {
    return { file, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  }
  return {
    file,
    start: { offset: location.startOffset, line: location.startLine ?? 1, column: location.startColumn ?? 1 },
    end: {
      offset: (location.endOffset ?? location.startOffset) + 1,
      line: location.endLine ?? location.startLine ?? 1,
      column: (location.endColumn ?? location.startColumn ?? 1) + 1,
    },
  };
}

export function joinSpans(first: SourceSpan, last: SourceSpan): SourceSpan {
  return { file: first.file, start: first.start, end: last.end };
}

/** The 1-based line and column of a 0-based offset of `text` (lines end at `\n`). */
export function positionAt(text: string, offset: number): SourcePosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < clamped; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}
