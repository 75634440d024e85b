/** Token and span helpers shared by stages. */
import type { Span, Token } from '../types.js';

export { OPENING_MARK, CLOSING_MARK } from './marks.js';

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

/** Trims spaces and punctuation from both ends of a span; `keepFinal` keeps a final . ! ? … (a quoted sentence's own). */
export function trimSpan(text: string, span: Span, keepFinal = true): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:.—–-]/u.test(text[start]!)) start++;
  const tail = keepFinal ? /[\s,;:—–-]/u : /[\s,;:.!?…—–-]/u;
  while (end > start && tail.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the first item whose `key` is at or after `offset`, in an array sorted by that key. */
export function lowerBound<T>(items: readonly T[], offset: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
