/**
 * Cuts an article's text into runs for display: each run knows which quote covers it, whether it is flagged
 * boilerplate, and whether it is the selected quote's speaker mention or cue. Offsets are selon/1 standoff spans
 * (UTF-16 code units, end exclusive), so `text.slice(start, end)` is exactly what a run shows.
 */
import type { Boilerplate, OutputQuote, Span } from '../../src/types.js';

export interface Run extends Span {
  /** Id of the quote covering this run. */
  quote: string | null;
  /** The first run of its quote (the one that takes keyboard focus). */
  head: boolean;
  boilerplate: Boilerplate | null;
  mention: boolean;
  cue: boolean;
}

/** The spans a quote's words occupy: its fragments when split by an incise, else its content hull. */
export function quoteSpans(q: Pick<OutputQuote, 'content' | 'fragments'>): Span[] {
  if (q.fragments && q.fragments.length > 0) return q.fragments.map(([start, end]) => ({ start, end }));
  return [{ start: q.content.start, end: q.content.end }];
}

export interface Marks {
  mention?: Span | null;
  cue?: Span | null;
}

export function buildRuns(text: string, quotes: OutputQuote[], boilerplate: Boilerplate[], marks: Marks = {}): Run[] {
  const len = text.length;
  const clamp = (n: number) => Math.max(0, Math.min(len, n));
  const quoteSpansList: { id: string; span: Span }[] = [];
  for (const q of quotes) for (const s of quoteSpans(q)) quoteSpansList.push({ id: q.id, span: { start: clamp(s.start), end: clamp(s.end) } });
  const cuts = new Set<number>([0, len]);
  const add = (s: Span | null | undefined) => {
    if (!s) return;
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
  };
  for (const { span } of quoteSpansList) add(span);
  for (const b of boilerplate) add(b);
  add(marks.mention);
  add(marks.cue);
  const points = [...cuts].sort((a, b) => a - b);
  const within = (s: Span | null | undefined, a: number, b: number) => !!s && s.start <= a && b <= s.end && s.start < s.end;
  const runs: Run[] = [];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const quote = quoteSpansList.find((q) => within(q.span, start, end))?.id ?? null;
    const boiler = boilerplate.find((b) => within(b, start, end)) ?? null;
    const run: Run = {
      start, end, quote, head: false, boilerplate: boiler,
      mention: within(marks.mention, start, end), cue: within(marks.cue, start, end),
    };
    const prev = runs[runs.length - 1];
    if (prev && prev.quote === run.quote && prev.boilerplate === run.boilerplate && prev.mention === run.mention && prev.cue === run.cue) {
      prev.end = end;
      continue;
    }
    if (quote && !seen.has(quote)) {
      seen.add(quote);
      run.head = true;
    }
    runs.push(run);
  }
  return runs;
}
