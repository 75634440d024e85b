/**
 * The working state of build-quotes and the helpers its two halves share (src/quotes/direct.ts for quotes in quote
 * marks, src/quotes/clauses.ts for reported clauses): adding a quote, and searches kept to sorted windows of the
 * layers so that time stays linear in the input.
 */
import type { Cue, Document, Mention, Message, QuoteDraft, Quoted, Sentence, Span, Token } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import type { EngineConfig } from '../config.js';
import type { Lexicon } from '../lang/lexicon.js';
import { lowerBound, overlaps, tokenAt } from '../lib/tokens.js';
import type { DisjointSpans } from '../lib/disjoint-spans.js';

export interface Ctx {
  doc: Document;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  cues: Cue[];
  quoted: Quoted[];
  pack: LanguagePack;
  lex: Lexicon;
  /** The pack's determiners and pronouns as Maps (src/lib/records.ts): looked up once per token. */
  determiners: Map<string, LanguagePack['determiners'][string]>;
  pronouns: Map<string, LanguagePack['pronouns'][string]>;
  config: EngineConfig;
  usedCues: Set<number>;
  messages: Message[];
  /** Inner cue → the cue of the report that carries it. */
  outer: Map<number, number>;
  usedQuoted: Set<number>;
  quotes: QuoteDraft[];
  /** Indices of the top-level quoted spans (depth 0), by start; and by start offset. */
  top: number[];
  topByStart: Map<number, number>;
  /** Contents of the quotes made so far; and the quotes by sentence. */
  spans: DisjointSpans;
  bySentence: Map<number, QuoteDraft[]>;
}

export const PUNCT_GAP = /^[\s,—–-]*$/u;

export type NewQuote = Omit<QuoteDraft, 'id' | 'speakerMention' | 'speakerEntity' | 'speakerName' | 'addressee' | 'via' | 'carriedVia' | 'time' | 'continues' | 'confidence'> & { speakerMention?: number | null };

export function add(ctx: Ctx, q: NewQuote): void {
  // « » and «» hold no words: no quote (an empty content breaks the selon/1 contract; test/regressions.test.ts).
  if (q.content.end <= q.content.start || inBoilerplate(ctx, q.content)) return;
  if (q.cue !== null && ctx.outer.has(q.cue)) q = { ...q, outerCue: ctx.outer.get(q.cue)!, evidence: [...q.evidence, 'quote.nested-report'] };
  const quote: QuoteDraft = { id: '', speakerMention: null, speakerEntity: null, speakerName: null, addressee: null, via: [], carriedVia: [], time: null, continues: null, confidence: 0, ...q };
  ctx.quotes.push(quote);
  ctx.spans.add(q.content);
  const list = ctx.bySentence.get(q.sentence);
  if (list) list.push(quote);
  else ctx.bySentence.set(q.sentence, [quote]);
  if (q.cue !== null) ctx.usedCues.add(q.cue);
}

/** Words (and numbers) within a span, counted on the tokens. */
export function words(ctx: Ctx, span: Span, enough = Infinity): number {
  let n = 0;
  // Counting stops at `enough`: callers only ask "at least N words?", and a quote may span the whole text.
  for (let k = tokenAt(ctx.tokens, span.start); n < enough && k < ctx.tokens.length && ctx.tokens[k]!.end <= span.end; k++) {
    const kind = ctx.tokens[k]!.kind;
    if (kind === 'word' || kind === 'number') n++;
  }
  return n;
}

/* ---------- windows over the sorted layers (keep every search local, so time stays linear) ---------- */

/** Indices [first, last) of the cues starting in [from, to). Cues are sorted by start. */
export function cuesIn(ctx: Ctx, from: number, to: number): [number, number] {
  return [lowerBound(ctx.cues, from, (c) => c.start), lowerBound(ctx.cues, to, (c) => c.start)];
}

/** The mentions starting in [from, to), in text order. */
export function mentionsIn(ctx: Ctx, from: number, to: number): Mention[] {
  const mentions = ctx.doc.layers.mentions!;
  return mentions.slice(lowerBound(mentions, from, (m) => m.start), lowerBound(mentions, to, (m) => m.start));
}

/** Indices of the top-level quoted spans starting in [from, to). */
export function topQuotedIn(ctx: Ctx, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = lowerBound(ctx.top, from, (qi) => ctx.quoted[qi]!.start); k < ctx.top.length && ctx.quoted[ctx.top[k]!]!.start < to; k++) out.push(ctx.top[k]!);
  return out;
}

/** Whether a span overlaps a quote already made. */
export function overlapsQuote(ctx: Ctx, span: Span): boolean {
  return ctx.spans.overlaps(span);
}


export function clauseStartBefore(ctx: Ctx, s: Sentence, offset: number): number {
  // Clauses are local: look back at most REACH characters, so that a sentence with no punctuation stays linear.
  let from = Math.max(s.start, offset - REACH);
  for (const q of ctx.bySentence.get(s.index) ?? []) if (q.content.end <= offset && q.content.end >= from) from = Math.max(from, q.content.end + 1);
  const [c0, c1] = cuesIn(ctx, from, offset);
  for (let c = c0; c < c1; c++) {
    const cue = ctx.cues[c]!;
    if (ctx.usedCues.has(c) && cue.end <= offset) from = Math.max(from, cue.end);
  }
  // Back-to-back quotes: « … » « … » — the second starts its own clause.
  for (const qi of topQuotedIn(ctx, from - REACH, offset)) {
    const q = ctx.quoted[qi]!;
    if (q.end <= offset && q.end >= from && /^[\s.,;!?]*$/u.test(ctx.text.slice(q.end, offset))) from = Math.max(from, q.end);
  }
  const window = ctx.text.slice(from, offset);
  const semi = Math.max(window.lastIndexOf(';'), window.lastIndexOf(':'));
  if (semi >= 0) from += semi + 1;
  // Skip the closing mark, comma and subject of an incise that ended the previous quote.
  // Up to six words then a comma. Each word must end in a space: "(?:[^\s,]+\s*){0,6}" splits a long word six ways
  // and backtracked for hours on a run of apostrophes (test/regressions.test.ts).
  const gap = ctx.text.slice(from, Math.min(offset, from + 200)).match(/^[\s»”",]*(?:[^\s,]+\s+){0,5}?[^\s,]*,\s*/u);
  const [e0] = cuesIn(ctx, from - REACH, from);
  let afterCue = false;
  for (let c = e0; c < ctx.cues.length && ctx.cues[c]!.start < from; c++) if (ctx.cues[c]!.end === from) afterCue = true;
  return gap && afterCue ? from + gap[0].length : from;
}

/** How far back (in characters) a clause may start before its end. */
export const REACH = 2000;


export function inBoilerplate(ctx: Ctx, span: Span): boolean {
  // Boilerplate spans are whole blocks, sorted and disjoint: only the first one ending after the span's start matters.
  const blocks = ctx.doc.layers.boilerplate!;
  const k = lowerBound(blocks, span.start + 1, (b) => b.end);
  return k < blocks.length && overlaps(blocks[k]!, span);
}
