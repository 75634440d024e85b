/**
 * A set of disjoint spans that grows in any order and answers "does this span overlap one of them?" in logarithmic
 * time. Spans are kept in sorted runs: a span after the last one of the newest run is appended to it, any other starts
 * a run of its own, and a run is merged into the one before it as soon as it is at least as long. Most spans arrive in
 * text order, so runs are few and inserting is amortised O(log n) even when they do not (a sorted array with splice
 * was O(n) per insertion, quadratic over a text of a million short paragraphs).
 */
import type { Span } from '../types.js';
import { lowerBound } from './tokens.js';

export class DisjointSpans {
  private runs: Span[][] = [];

  add(span: Span): void {
    const last = this.runs.at(-1);
    if (last && last.at(-1)!.start <= span.start) last.push(span);
    else this.runs.push([span]);
    for (let n = this.runs.length; n >= 2 && this.runs[n - 2]!.length <= this.runs[n - 1]!.length; n--) {
      this.runs.splice(n - 2, 2, merge(this.runs[n - 2]!, this.runs[n - 1]!));
    }
  }

  /** Whether `span` overlaps a span of the set. Within a run spans are disjoint and sorted, so their ends are too. */
  overlaps(span: Span): boolean {
    for (const run of this.runs) {
      const k = lowerBound(run, span.start + 1, (x) => x.end);
      if (k < run.length && run[k]!.start < span.end) return true;
    }
    return false;
  }
}

function merge(a: Span[], b: Span[]): Span[] {
  const out: Span[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) out[k] = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
  return out;
}
