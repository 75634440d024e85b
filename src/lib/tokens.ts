/** Token and span helpers shared by stages. */
import type { Span, Token } from '../types.js';

export const OPENING_MARK = /[«“„‹"‘]/;
export const CLOSING_MARK = /[»”"’›“]/;

/** Index of the first token starting at or after `offset` (tokens are sorted). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
export const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** Trims spaces and the given punctuation from both ends of a span. */
export function trimSpan(text: string, span: Span, punct = /[\s,;:.—–-]/u): Span {
  let { start, end } = span;
  while (start < end && punct.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/u.test(text[end - 1]!)) end--;
  return { start, end };
}
