/**
 * build-quotes: turns quote-mark pairs and cues into quotes.
 *   1. Direct: a quoted span with a cue beside it (« … », a-t-il dit / X a déclaré : « … » / "…," she said), or a
 *      quoted span that reads as a sentence of its own (a continuation, attributed later).
 *   2. Indirect and mixed: a verb cue's que/that clause, zero-that clause, infinitive, object + infinitive, or the
 *      quoted fragment it governs; an according-frame's clause; a clause ended by a postposed incise.
 * Quoted spans inside another quote, titles, terms and scare quotes yield nothing.
 */
import type { Stage } from '../pipeline.js';
import type { Cue, Document, Mention, Message, QuoteDraft, QuoteKind, Quoted, Sentence, Span, Token } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import type { EngineConfig } from '../config.js';
import { lexicon, type Lexicon } from '../lang/lexicon.js';
import { CLOSING_MARK, OPENING_MARK, contains, lowerBound, overlaps, tokenAt, trimSpan } from '../lib/tokens.js';
import { mentionIndex } from '../lib/mention-index.js';

interface Ctx {
  doc: Document;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  cues: Cue[];
  quoted: Quoted[];
  pack: LanguagePack;
  lex: Lexicon;
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
  /** Contents of the quotes made so far, sorted; and the quotes by sentence. */
  spans: Span[];
  bySentence: Map<number, QuoteDraft[]>;
}

const PUNCT_GAP = /^[\s,—–-]*$/u;

type NewQuote = Omit<QuoteDraft, 'id' | 'speakerMention' | 'speakerEntity' | 'speakerName' | 'addressee' | 'via' | 'carriedVia' | 'time' | 'continues' | 'confidence'> & { speakerMention?: number | null };

function add(ctx: Ctx, q: NewQuote): void {
  // « » and «» hold no words: no quote (an empty content breaks the selon/1 contract; test/regressions.test.ts).
  if (q.content.end <= q.content.start || inBoilerplate(ctx, q.content)) return;
  if (q.cue !== null && ctx.outer.has(q.cue)) q = { ...q, outerCue: ctx.outer.get(q.cue)!, evidence: [...q.evidence, 'quote.nested-report'] };
  const quote: QuoteDraft = { id: '', speakerMention: null, speakerEntity: null, speakerName: null, addressee: null, via: [], carriedVia: [], time: null, continues: null, confidence: 0, ...q };
  ctx.quotes.push(quote);
  ctx.spans.splice(lowerBound(ctx.spans, q.content.start, (x) => x.start), 0, q.content);
  const list = ctx.bySentence.get(q.sentence);
  if (list) list.push(quote);
  else ctx.bySentence.set(q.sentence, [quote]);
  if (q.cue !== null) ctx.usedCues.add(q.cue);
}

/** Words (and numbers) within a span, counted on the tokens. */
function words(ctx: Ctx, span: Span): number {
  let n = 0;
  for (let k = tokenAt(ctx.tokens, span.start); k < ctx.tokens.length && ctx.tokens[k]!.end <= span.end; k++) {
    const kind = ctx.tokens[k]!.kind;
    if (kind === 'word' || kind === 'number') n++;
  }
  return n;
}

/* ---------- windows over the sorted layers (keep every search local, so time stays linear) ---------- */

/** Indices [first, last) of the cues starting in [from, to). Cues are sorted by start. */
function cuesIn(ctx: Ctx, from: number, to: number): [number, number] {
  return [lowerBound(ctx.cues, from, (c) => c.start), lowerBound(ctx.cues, to, (c) => c.start)];
}

/** The mentions starting in [from, to), in text order. */
function mentionsIn(ctx: Ctx, from: number, to: number): Mention[] {
  const mentions = ctx.doc.layers.mentions!;
  return mentions.slice(lowerBound(mentions, from, (m) => m.start), lowerBound(mentions, to, (m) => m.start));
}

/** Indices of the top-level quoted spans starting in [from, to). */
function topQuotedIn(ctx: Ctx, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = lowerBound(ctx.top, from, (qi) => ctx.quoted[qi]!.start); k < ctx.top.length && ctx.quoted[ctx.top[k]!]!.start < to; k++) out.push(ctx.top[k]!);
  return out;
}

/** Whether a span overlaps a quote already made (quotes never overlap, so their starts and ends are both sorted). */
function overlapsQuote(ctx: Ctx, span: Span): boolean {
  const k = lowerBound(ctx.spans, span.start + 1, (x) => x.end);
  return k < ctx.spans.length && ctx.spans[k]!.start < span.end;
}

/* ---------- 1. direct quotes ---------- */

/** The cue right after a closing mark: ", a déclaré X", "a-t-il dit", ", Lee said", "— Commissioner Lee" is not a cue. */
function cueAfter(ctx: Ctx, q: Quoted): number | null {
  const limit = q.end + 60;
  for (let c = cuesIn(ctx, q.end, q.end)[0]; c < ctx.cues.length; c++) {
    const cue = ctx.cues[c]!;
    if (cue.kind === 'colon') continue;
    if (cue.start > limit) break;
    const gap = ctx.text.slice(q.end, cue.start);
    if (gap.includes('\n')) return null;
    // « … fini. » After the match, X said…: a quote that ends its sentence takes no cue from the next one.
    if (q.close && ctx.tokens[tokenAt(ctx.tokens, q.close.start)]?.sentence !== cue.sentence) return null;
    if (PUNCT_GAP.test(gap)) return c;
    // ", Lee said" / ", Rep. Gwen Moore (D-Wis.) said" / ", Scott Pruitt, the attorney general of Oklahoma, said":
    // a subject, with its appositions, between the mark and the verb.
    const plain = gap.replace(/\([^()]*\)/g, '').replace(/\b\p{Lu}\p{Ll}{0,3}\./gu, 'X');
    if (/^\s*,?\s*[^.;:!?«»“”"]{1,150}$/u.test(plain) && startsWithSubject(ctx, q.end, cue.start)) return c;
    return null;
  }
  return null;
}

/**
 * The words between a closing mark and a verb are its subject: a mention right before the verb ("Clinton campaign
 * spokesman Brian Fallon said") or one right after the mark followed by appositions (", Scott Pruitt, the attorney
 * general of Oklahoma, said"), with no other cue in between.
 */
function startsWithSubject(ctx: Ctx, from: number, to: number): boolean {
  const [c0, c1] = cuesIn(ctx, from, to);
  if (c1 > c0 && ctx.cues[c0]!.end <= to) return false;
  const mentions = mentionsIn(ctx, from, to).filter((x) => x.end <= to);
  if (mentions.some((m) => /^\s*$/.test(ctx.text.slice(m.end, to)) && m.kind !== 'relative')) return true;
  const first = mentions[0];
  return !!first && /^[\s,]*$/.test(ctx.text.slice(from, first.start)) && /^\s*[,(]/.test(ctx.text.slice(first.end, to));
}

/**
 * The cue right before an opening mark: "X a déclaré : «", "Obama : «" (strong: a colon), "X said, “" or
 * "X told reporters “…”" (weak: only when no que/that clause claims the quote first).
 */
function cueBefore(ctx: Ctx, q: Quoted, strong: boolean): number | null {
  const c = cueBeforeAny(ctx, q);
  if (c === null) return null;
  const hasColon = /:\s*$/.test(ctx.text.slice(ctx.cues[c]!.end, q.start)) || ctx.cues[c]!.kind === 'colon';
  return hasColon === strong ? c : null;
}

function cueBeforeAny(ctx: Ctx, q: Quoted): number | null {
  for (let c = cuesIn(ctx, q.start, q.start)[0] - 1; c >= 0; c--) {
    const cue = ctx.cues[c]!;
    if (cue.end > q.start) continue;
    if (q.start - cue.end > 80) return null;
    const gap = ctx.text.slice(cue.end, q.start);
    // "X a déclaré : « … »", "X said, “…”": a colon or comma, or a whole quoted sentence; else the verb governs a fragment.
    if (/^[\s,:]*$/u.test(gap) && cue.kind !== 'according') return /[:,]/.test(gap) || (cue.frame !== 'indirect' && standsAlone(ctx, q)) ? c : null;
    // "X told reporters: «", "a déclaré à la presse : «", "a lancé aux journalistes «"
    if (/^\s+[^.!?;«»“”"]{1,50}?\s*[:,]?\s*$/u.test(gap) && cue.kind === 'verb' && !hasComplementizer(ctx, cue.end, q.start)) {
      return /:\s*$/.test(gap) || (addresseeGap(ctx, cue.end, q.start) && standsAlone(ctx, q)) ? c : null;
    }
    return null;
  }
  return null;
}

function hasComplementizer(ctx: Ctx, from: number, to: number): boolean {
  for (let k = tokenAt(ctx.tokens, from); k < ctx.tokens.length && ctx.tokens[k]!.start < to; k++) if (ctx.lex.complementizers.has(ctx.tokens[k]!.norm)) return true;
  return false;
}

function addresseeGap(ctx: Ctx, from: number, to: number): boolean {
  const k = tokenAt(ctx.tokens, from);
  const t = ctx.tokens[k];
  return !!t && (ctx.pack.addresseePrepositions.includes(t.norm) || ctx.doc.layers.mentions!.some((m) => m.start === t.start && m.end <= to));
}

/**
 * A quote left open to the end of its paragraph whose last clause is an incise ("« Nous avons reçu…, a poursuivi
 * Wang Wenbin.") lost its closing mark before that incise: it ends at the incise's comma.
 */
function trailingIncise(ctx: Ctx, q: Quoted): number | null {
  if (q.close !== null) return null;
  const [first, last] = cuesIn(ctx, q.inner.start + 1, q.inner.end);
  for (let c = last - 1; c >= first; c--) {
    const cue = ctx.cues[c]!;
    if (cue.end > q.inner.end) continue;
    if (cue.kind !== 'verb' || !/,\s*$/.test(ctx.text.slice(q.inner.start, cue.start))) return null;
    const rest = ctx.text.slice(cue.end, q.inner.end);
    const subject = mentionsIn(ctx, cue.end, q.inner.end).find((m) => m.end <= q.inner.end && /^\s*$/.test(ctx.text.slice(cue.end, m.start)));
    const tail = subject ? ctx.text.slice(subject.end, q.inner.end) : rest;
    return (subject || cue.clitic) && /^[\s.!?…]*$/u.test(tail) ? c : null;
  }
  return null;
}

/**
 * A line of dialogue: the words run from the dash to the first incise ("— Demain ! m'écriai-je.", "– Je n'ai pas
 * d'argent, répondit la femme."); with no incise, the whole line, attributed by continuation.
 */
function addDialogue(ctx: Ctx, q: Quoted, qi: number, sentence: number): void {
  ctx.usedQuoted.add(qi);
  const [first, last] = cuesIn(ctx, q.inner.start + 1, q.end);
  let incise = -1;
  for (let k = first; k < last && incise < 0; k++) {
    const c = ctx.cues[k]!;
    if (c.kind === 'verb' && c.end <= q.end && (c.clitic !== null || c.inverted) && /[,!?…]\s*$/u.test(ctx.text.slice(q.inner.start, c.start))) incise = k;
  }
  if (incise < 0) {
    // Without an incise, a dashed line is dialogue only inside an exchange of such lines (not a bulleted list item).
    const exchange = ctx.quoted.some((o) => o.dialogue && o !== q && Math.abs(o.paragraph - q.paragraph) === 1);
    if (!exchange || !/[.!?…»]$/u.test(ctx.text.slice(q.start, trimSpan(ctx.text, q).end))) return;
    add(ctx, { kind: 'direct', content: { start: q.start, end: trimSpan(ctx.text, q).end }, fragments: null, cue: null, quoted: qi, sentence, evidence: ['quote.direct.dialogue'] });
    return;
  }
  const end = trimSpan(ctx.text, { start: q.start, end: ctx.cues[incise]!.start }).end;
  add(ctx, { kind: 'direct', content: { start: q.start, end }, fragments: null, cue: incise, quoted: qi, sentence, evidence: ['quote.direct.dialogue'] });
}

/** A cue inside the quote, set off by commas: « Moi, dit-il, je n'y crois pas. » */
function cueInside(ctx: Ctx, q: Quoted): number | null {
  const [first, last] = cuesIn(ctx, q.inner.start + 1, q.inner.end);
  for (let c = first; c < last; c++) {
    const cue = ctx.cues[c]!;
    if (cue.start <= q.inner.start || cue.end >= q.inner.end || cue.kind !== 'verb' || cue.clitic === null) continue;
    const before = ctx.text.slice(Math.max(q.inner.start, cue.start - 3), cue.start);
    const after = ctx.text.slice(cue.end, Math.min(q.inner.end, cue.end + 3));
    if (/,\s*$/.test(before) && /^\s*,/.test(after)) return c;
  }
  return null;
}

function isTitleOrTerm(ctx: Ctx, q: Quoted): boolean {
  const k = tokenAt(ctx.tokens, q.start);
  const prev = ctx.tokens[k - 1];
  if (prev && ctx.pack.notSpeechIntroducers.includes(prev.norm)) return true;
  for (const marker of ctx.pack.unrealisedMarkers) {
    const n = marker.length;
    if (k - n < 0) continue;
    if (marker.every((w, i) => ctx.tokens[k - n + i]!.norm === w)) return true;
  }
  return false;
}

/** A quoted span with no cue is speech when it reads as a sentence standing on its own. */
function standsAlone(ctx: Ctx, q: Quoted): boolean {
  // After a colon even a short exchange is speech: "Le major quitta sa pipe : « Quelle fête, capitaine ? »".
  if (words(ctx, q.inner) < (afterColon(ctx, q) ? 1 : ctx.config.minDirectWords)) return false;
  const inner = ctx.text.slice(q.inner.start, q.inner.end);
  const before = ctx.text.slice(Math.max(0, q.start - 3), q.start);
  const startsSentence = /^\p{Lu}/u.test(inner) && (q.start === 0 || /(^|[.!?:,…\n]\s*|^\s*)$/u.test(before));
  const after = ctx.text.slice(q.end, q.end + 2);
  const endsSentence = /[.!?…]$/u.test(inner) || /^\s*[.!?…]|^\s*$|^\s*\n/u.test(after);
  return startsSentence && endsSentence;
}

function afterColon(ctx: Ctx, q: Quoted): boolean {
  return /:\s*$/u.test(ctx.text.slice(Math.max(0, q.start - 3), q.start));
}

/** The subject that opens the sentence before a colon: "Le baron s'approcha : « … »". */
function subjectBeforeColon(ctx: Ctx, q: Quoted, sentence: number): number | null {
  if (!afterColon(ctx, q)) return null;
  const mentions = ctx.doc.layers.mentions!;
  const s = ctx.sentences[sentence]!;
  const first = mentionIndex(mentions).bySentence.get(s.index)?.[0];
  if (first === undefined) return null;
  const m = mentions[first]!;
  const lead = ctx.text.slice(s.start, m.start);
  return m.start < q.start && !m.quoted && words(ctx, { start: s.start, end: m.start }) <= 3 && !/[,;]/.test(lead) ? first : null;
}

function inBoilerplate(ctx: Ctx, span: Span): boolean {
  return ctx.doc.layers.boilerplate!.some((b) => overlaps(b, span));
}

/**
 * Direct quotes, in two passes: `strong` takes quotes with a cue after them, inside them or before them with a
 * colon; the weak pass (after que/that clauses have claimed their quotes) takes a cue before with a comma, and
 * quotes that stand alone as sentences.
 */
function buildDirect(ctx: Ctx, strong: boolean): void {
  ctx.quoted.forEach((q, qi) => {
    if (q.depth > 0 || ctx.usedQuoted.has(qi) || inBoilerplate(ctx, q) || isTitleOrTerm(ctx, q)) return;
    const sentence = ctx.tokens[tokenAt(ctx.tokens, q.inner.start)]?.sentence ?? 0;
    if (q.dialogue) {
      if (strong) addDialogue(ctx, q, qi, sentence);
      return;
    }
    const trailing = strong ? trailingIncise(ctx, q) : null;
    if (trailing !== null) {
      const cut = ctx.text.lastIndexOf(',', ctx.cues[trailing]!.start);
      ctx.usedQuoted.add(qi);
      ctx.messages.push({ severity: 'info', ruleId: 'quote-closed-at-incise', start: cut, end: cut + 1, note: 'quote left open; closed before its postposed incise' });
      add(ctx, { kind: 'direct', content: trimSpan(ctx.text, { start: q.inner.start, end: cut }), fragments: null, cue: trailing, quoted: qi, sentence, evidence: ['quote.direct.incise-closes'] });
      return;
    }
    const inside = strong ? cueInside(ctx, q) : null;
    const after = strong && inside === null ? cueAfter(ctx, q) : null;
    const before = after === null && inside === null ? cueBefore(ctx, q, strong) : null;
    const cue = inside ?? after ?? before;
    const dash = cue === null && strong ? dashSpeaker(ctx, q) : null;
    if (dash !== null) {
      ctx.usedQuoted.add(qi);
      add(ctx, { kind: 'direct', content: q.inner, fragments: null, cue: null, quoted: qi, sentence, evidence: ['quote.direct.dash'], speakerMention: dash });
      return;
    }
    if (cue === null && (strong || !standsAlone(ctx, q))) return;
    const colonSubject = cue === null ? subjectBeforeColon(ctx, q, sentence) : null;
    if (colonSubject !== null) {
      ctx.usedQuoted.add(qi);
      add(ctx, { kind: 'direct', content: q.inner, fragments: null, cue: null, quoted: qi, sentence, evidence: ['quote.direct.after-colon'], speakerMention: colonSubject });
      return;
    }
    if (after !== null && leadsIn(ctx, q, sentence)) return addLeadIn(ctx, q, qi, after, sentence);
    let fragments: Span[] | null = null;
    let content = q.inner;
    if (inside !== null) {
      const c = ctx.cues[inside]!;
      // « …, disent-ils, »: an incise that ends the quote leaves one piece, not an empty second fragment.
      const pieces = [trimSpan(ctx.text, { start: q.inner.start, end: c.start }), trimSpan(ctx.text, { start: c.end, end: q.inner.end })].filter((f) => f.end > f.start);
      if (pieces.length === 2) fragments = pieces;
      else if (pieces.length === 1) content = pieces[0]!;
    }
    ctx.usedQuoted.add(qi);
    add(ctx, {
      kind: 'direct', content, fragments, cue, quoted: qi, sentence,
      evidence: [cue === null ? 'quote.direct.standalone' : inside !== null ? 'quote.direct.inner-incise' : after !== null ? 'quote.direct.cue-after' : 'quote.direct.cue-before'],
    });
  });
}

/** “We are ready.” — Commissioner Ann Lee: a dash, then a speaker that ends the paragraph. */
function dashSpeaker(ctx: Ctx, q: Quoted): number | null {
  const after = ctx.text.slice(q.end, q.end + 4).match(/^\s*[-—–―]\s*/u);
  if (!after) return null;
  const start = q.end + after[0].length;
  const mentions = ctx.doc.layers.mentions!;
  const i = mentionIndex(mentions).byStart.get(start);
  if (i === undefined) return null;
  const rest = ctx.text.slice(mentions[i]!.end, ctx.text.indexOf('\n', mentions[i]!.end) >>> 0);
  return /^[\s.,;)]*$/u.test(rest.split('\n')[0]!) ? i : null;
}

/**
 * Words of the same clause before the opening mark ("la question est de savoir « … » affirme-t-il"): the quote is
 * a fragment of reported material that starts earlier, so the whole clause is the (mixed) content.
 */
function leadsIn(ctx: Ctx, q: Quoted, sentence: number): boolean {
  const from = clauseStartBefore(ctx, ctx.sentences[sentence]!, q.start);
  const lead = ctx.text.slice(from, q.start);
  return words(ctx, { start: from, end: q.start }) >= 2 && !/[:]\s*$/.test(lead);
}

function addLeadIn(ctx: Ctx, q: Quoted, qi: number, cue: number, sentence: number): void {
  const from = clauseStartBefore(ctx, ctx.sentences[sentence]!, q.start);
  const content = trimSpan(ctx.text, { start: from, end: q.end }, false);
  for (const [oi, o] of ctx.quoted.entries()) if (o.depth === 0 && contains(content, o)) ctx.usedQuoted.add(oi);
  ctx.usedQuoted.add(qi);
  add(ctx, { kind: 'mixed', content, fragments: null, cue, quoted: qi, sentence, evidence: ['quote.mixed.lead-in'] });
}

/** Where the clause holding `offset` starts: the sentence start, or after an earlier quote, incise or semicolon. */
function clauseStartBefore(ctx: Ctx, s: Sentence, offset: number): number {
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
  const gap = ctx.text.slice(from, Math.min(offset, from + 200)).match(/^[\s»”",]*(?:[^\s,]+\s*){0,6}?,\s*/u);
  const [e0] = cuesIn(ctx, from - REACH, from);
  let afterCue = false;
  for (let c = e0; c < ctx.cues.length && ctx.cues[c]!.start < from; c++) if (ctx.cues[c]!.end === from) afterCue = true;
  return gap && afterCue ? from + gap[0].length : from;
}

/** How far back (in characters) a clause may start before its end. */
const REACH = 2000;

/* ---------- 2. indirect and mixed ---------- */

/** The end of the reported clause starting at `from`: the sentence end, cut before a trailing incise or frame. */
function clauseEnd(ctx: Ctx, from: number, s: Sentence, cueIndex: number): number {
  let end = Math.min(s.end, from + REACH);
  const [c0, c1] = cuesIn(ctx, from + 1, end);
  for (let c = c0; c < c1; c++) {
    if (c === cueIndex) continue;
    const other = ctx.cues[c]!;
    // ", a-t-il ajouté" / ", selon X" / ", he said" ends the clause at its comma.
    const before = ctx.text.slice(from, other.start);
    const comma = before.lastIndexOf(',');
    if (comma >= 0 && (PUNCT_GAP.test(before.slice(comma)) || other.kind === 'according' || other.inverted)) end = Math.min(end, from + comma);
  }
  // A semicolon ends the clause; so does a colon that introduces quoted words (": « … »").
  const stop = ctx.text.slice(from, end).search(/;|:\s*[«“„"‹]/u);
  if (stop >= 0) end = from + stop;
  // Words already reported by another quote, or a gerund starting a new predicate, end the clause.
  for (const q of ctx.bySentence.get(s.index) ?? []) {
    const mark = q.quoted !== null ? ctx.quoted[q.quoted]!.start : q.content.start;
    if (mark > from && mark < end) end = mark;
  }
  for (let c = c0; c < c1; c++) {
    const other = ctx.cues[c]!;
    if (other.start >= end) break;
    const before = ctx.tokens[other.range[0] - 1];
    // "… and claim she has…": a coordinated verb with a clause of its own reports separately; "and would respond"
    // without one belongs to the reported words.
    const coordinated = other.kind === 'verb' && !!before && ctx.pack.coordinators.includes(before.norm) && introducesClause(ctx, other, s);
    const opensPredicate = !!before && (before.norm === ',' || ctx.pack.gerundMarkers.includes(before.norm));
    if (other.form === 'gerund' && opensPredicate) end = before!.norm === ',' ? before!.start : other.start;
    else if (coordinated) end = before!.start;
  }
  // A quote opened inside the clause runs to its own closing mark, across sentences if need be.
  for (const qi of topQuotedIn(ctx, from, end)) if (ctx.quoted[qi]!.end > end) end = ctx.quoted[qi]!.end;
  return end;
}

function quotedWithin(ctx: Ctx, span: Span): number[] {
  return topQuotedIn(ctx, span.start, span.end).filter((qi) => contains(span, ctx.quoted[qi]!));
}

/** Makes an indirect or mixed quote from a reported clause; a clause that is one quoted span becomes its fragment. */
function addClause(ctx: Ctx, cue: number | null, clause: Span, sentence: number, rule: string): void {
  const span = trimSpan(ctx.text, clause, false);
  if (span.end - span.start < 3 || inBoilerplate(ctx, span)) return;
  if (overlapsQuote(ctx, span)) return;
  const inner = quotedWithin(ctx, { start: span.start, end: Math.min(ctx.text.length, span.end + 1) });
  for (const qi of inner) ctx.usedQuoted.add(qi);
  let kind: QuoteKind = inner.length ? 'mixed' : 'indirect';
  let content = span;
  const only = inner.length === 1 ? ctx.quoted[inner[0]!]! : null;
  if (only && only.start - span.start <= 1 && span.end - only.end <= 2) {
    content = only.inner; // « … » is the whole clause: the fragment, without its marks
    if (words(ctx, only.inner) >= ctx.config.minDirectWords && /[.!?…]$/.test(ctx.text.slice(only.inner.start, only.inner.end))) kind = 'direct';
  }
  add(ctx, { kind, content, fragments: null, cue, quoted: only ? inner[0]! : null, sentence, evidence: [rule] });
}

function skipWhile(ctx: Ctx, k: number, end: number, pred: (t: Token) => boolean): number {
  while (k < end && pred(ctx.tokens[k]!)) k++;
  return k;
}

/** An infinitive: by its ending, or (in a language without infinitive endings) any verb-like word after "to". */
function looksInfinitive(ctx: Ctx, t: Token | undefined, marked = false): boolean {
  if (!t || t.kind !== 'word') return false;
  if (ctx.lex.verbForms.get(t.norm)?.nonFinite === 'infinitive' || ctx.pack.auxiliaryInfinitives.includes(t.norm)) return true;
  if (ctx.lex.functionWords.has(t.norm)) return false;
  return ctx.pack.infinitiveEndings.length ? ctx.pack.infinitiveEndings.some((e) => t.norm.endsWith(e)) : marked;
}

/** Inside a quoted sentence, a verb is the quoted speaker's own ("je considère que…"), not a report. */
function insideQuotedSpeech(ctx: Ctx, cue: Cue): boolean {
  const k = lowerBound(ctx.top, cue.start + 1, (qi) => ctx.quoted[qi]!.start) - 1;
  const q = k >= 0 ? ctx.quoted[ctx.top[k]!]! : null;
  return !!q && q.inner.start <= cue.start && cue.end <= q.inner.end && words(ctx, q.inner) >= ctx.config.minDirectWords;
}

interface Clause {
  span: Span;
  rule: string;
}

type ClauseReader = (ctx: Ctx, cue: Cue, c: number, s: Sentence, k: number) => Clause | null;

const clauseFrom = (ctx: Ctx, c: number, s: Sentence, from: number, rule: string): Clause => ({ span: { start: from, end: clauseEnd(ctx, from, s, c) }, rule });

/** que / that within a short distance (past "à la presse", "in a statement", "on Tuesday"). */
const complementClause: ClauseReader = (ctx, cue, c, s, k) => {
  if (ctx.pack.verbs[cue.lemma]!.frame === 'direct') return null;
  for (let j = k; j < Math.min(s.tokens[1], k + 12); j++) {
    const t = ctx.tokens[j]!;
    if (t.kind === 'quote' || /^[.;!?:]$/.test(t.norm)) return null;
    if (ctx.lex.complementizers.has(t.norm)) return clauseFrom(ctx, c, s, ctx.tokens[j + 1]?.start ?? t.end, 'quote.indirect.complement-clause');
    const afterDeterminer = !!ctx.pack.determiners[ctx.tokens[j - 1]?.norm ?? ''];
    if (ctx.lex.verbForms.has(t.norm) && j > k && !afterDeterminer) return null;
  }
  return null;
};

/** Infinitive: "affirme avoir été menacée", "promet de revenir", "vowed to appeal". */
const infinitiveClause: ClauseReader = (ctx, cue, c, s, k) => {
  const verb = ctx.pack.verbs[cue.lemma]!;
  if (!verb.infinitive || verb.frame === 'direct') return null;
  let j = k;
  if (ctx.pack.infinitiveMarkers.includes(ctx.tokens[j]?.norm ?? '')) j++;
  if (j >= s.tokens[1] || !looksInfinitive(ctx, ctx.tokens[j], j > k) || (j === k && !ctx.pack.bareInfinitive)) return null;
  return clauseFrom(ctx, c, s, ctx.tokens[j]!.start, 'quote.indirect.infinitive');
};

/** Object + infinitive: "accuse le maire d'avoir menti", "urged voters to stay home", passive "was told to leave". */
const objectInfinitiveClause: ClauseReader = (ctx, cue, c, s, k) => {
  if (!ctx.pack.verbs[cue.lemma]!.objectInfinitive) return null;
  // The object may be absent ("menace de bouter…") or carry an apposition ("accusent le Front Nusrat, un groupe lié à
  // Al-Qaïda, d'être responsables").
  for (let j = k; j < Math.min(s.tokens[1], k + 16); j++) {
    const t = ctx.tokens[j]!;
    if (/^[.;!?:]$/.test(t.norm) || t.kind === 'quote' || ctx.pack.purposeWords.includes(t.norm)) return null;
    if (ctx.pack.infinitiveMarkers.includes(t.norm) && looksInfinitive(ctx, ctx.tokens[j + 1], true)) {
      return clauseFrom(ctx, c, s, ctx.tokens[j + 1]!.start, 'quote.indirect.object-infinitive');
    }
  }
  return null;
};

/** A clause with no complementizer: "Police said three people were arrested." */
const zeroThatClause: ClauseReader = (ctx, cue, c, s, k) => {
  if (!ctx.pack.zeroComplementizerVerbs.includes(cue.lemma) || cue.inverted || cue.passive || s.tokens[1] - k < 4) return null;
  if (!startsClause(ctx, k, s.tokens[1])) return null;
  const t = ctx.tokens[k]!;
  const starts = t.kind === 'word' && !ctx.pack.channelPrepositions.includes(t.norm) && !ctx.pack.addresseePrepositions.includes(t.norm) && !ctx.lex.adverbs.has(t.norm) && !ctx.lex.verbForms.has(t.norm);
  return starts ? clauseFrom(ctx, c, s, t.start, 'quote.indirect.zero-complementizer') : null;
};

/**
 * Whether a clause (subject + verb) starts at token k: a subject pronoun, or a name or definite phrase followed
 * closely by an auxiliary or a past form. "conceded a penalty", "maintained a policy" are objects, not clauses.
 */
function startsClause(ctx: Ctx, k: number, end: number): boolean {
  const t = ctx.tokens[k]!;
  if (ctx.pack.pronouns[t.norm]?.role === 'subject') return true;
  if (t.kind !== 'word' || ctx.pack.indefiniteArticles.includes(t.norm) || isPreposition(ctx, t.norm)) return false;
  for (let j = k + 1; j < Math.min(end, k + 7); j++) {
    const w = ctx.tokens[j]!;
    if (w.norm === ',' || w.kind === 'quote') return false;
    if (ctx.lex.auxiliaries.has(w.norm) || ctx.lex.verbForms.has(w.norm) || ctx.pack.finiteVerbEndings.some((e) => w.norm.length > 4 && w.norm.endsWith(e))) return true;
  }
  return false;
}

function isPreposition(ctx: Ctx, norm: string): boolean {
  return ctx.pack.channelPrepositions.includes(norm) || ctx.pack.addresseePrepositions.includes(norm) || ctx.lex.ofWords.has(norm) ||
    ctx.pack.infinitiveMarkers.includes(norm) || ctx.pack.placePrepositions.includes(norm) || ctx.lex.adverbs.has(norm);
}

function introducesClause(ctx: Ctx, cue: Cue, s: Sentence): boolean {
  const next = ctx.tokens[cue.range[1]];
  if (!next || cue.range[1] >= s.tokens[1]) return false;
  return ctx.lex.complementizers.has(next.norm) || next.kind === 'quote' || next.norm === ':' || startsClause(ctx, cue.range[1], s.tokens[1]);
}

/** An incise in mid-sentence: "Contrairement à tous les discours, appuie-t-il, le français est classé…" */
const midIncise: ClauseReader = (ctx, cue, c, s) => {
  const comma = ctx.tokens[cue.range[1]];
  if (cue.clitic === null || comma?.norm !== ',' || !/,\s*$/.test(ctx.text.slice(s.start, cue.start)) || s.tokens[1] - cue.range[1] <= 3) return null;
  return clauseFrom(ctx, c, s, ctx.tokens[cue.range[1] + 1]!.start, 'quote.indirect.mid-incise');
};

/** A postposed incise without marks: "Trois personnes ont été arrêtées, a indiqué la police." / ", police said." */
const postposedIncise: ClauseReader = (ctx, cue, _c, s) => {
  const comma = ctx.text.slice(s.start, cue.start).lastIndexOf(',');
  if (comma <= 0 || cue.passive || !isIncise(ctx, s, cue, s.start + comma)) return null;
  return { span: { start: clauseStartBefore(ctx, s, s.start + comma), end: s.start + comma }, rule: 'quote.indirect.postposed-incise' };
};

const CLAUSE_READERS: ClauseReader[] = [complementClause, infinitiveClause, objectInfinitiveClause, zeroThatClause, midIncise, postposedIncise];

/**
 * "…, the Church denied these allegations:" closing a paragraph, then a paragraph of unmarked words: a block quote
 * of the verb's subject.
 */
function blockQuote(ctx: Ctx, c: number, s: Sentence): boolean {
  const cue = ctx.cues[c]!;
  const paragraphs = ctx.doc.layers.paragraphs!;
  const para = paragraphs[s.paragraph]!;
  const tail = ctx.text.slice(cue.end, para.end);
  const next = paragraphs[s.paragraph + 1];
  if (!next || !/:\s*$/u.test(tail) || /[«»“”"]/u.test(tail) || OPENING_MARK.test(ctx.text[next.start]!)) return false;
  // The block runs until a sentence that reports speech itself ("They also claimed…").
  let end = next.end;
  for (const sent of ctx.sentences) {
    if (sent.paragraph !== s.paragraph + 1 || sent.start === next.start) continue;
    if (ctx.cues.some((x) => x.sentence === sent.index && x.kind === 'verb')) { end = sent.start; break; }
  }
  const content = trimSpan(ctx.text, { start: next.start, end });
  if (words(ctx, content) < ctx.config.minDirectWords || inBoilerplate(ctx, content)) return false;
  add(ctx, { kind: 'direct', content, fragments: null, cue: c, quoted: null, sentence: ctx.tokens[tokenAt(ctx.tokens, content.start)]!.sentence, evidence: ['quote.direct.block'] });
  return true;
}

/** How many tokens after the verb a governed fragment may open ("a annoncé ce matin, vers 7h30, son abandon, en raison « … »"). */
const GOVERNED_REACH = 14;

/** A quoted fragment the verb governs: "a dénoncé « une faute lourde »", "called the plan “a disgrace”". */
function governedFragment(ctx: Ctx, c: number, s: Sentence, k: number): boolean {
  for (let j = k; j < Math.min(s.tokens[1], k + GOVERNED_REACH); j++) {
    const t = ctx.tokens[j]!;
    if (ctx.lex.complementizers.has(t.norm) || /^[.;!?:]$/.test(t.norm)) return false;
    if (t.kind !== 'quote' || !OPENING_MARK.test(ctx.text[t.start]!)) continue;
    const qi = ctx.topByStart.get(t.start) ?? -1;
    if (qi < 0 || ctx.usedQuoted.has(qi) || isTitleOrTerm(ctx, ctx.quoted[qi]!)) return false;
    // "said, “In the first half…”": a comma before a quoted sentence introduces it; the direct pass takes it.
    if (/,/.test(ctx.text.slice(ctx.tokens[k - 1]!.end, t.start)) && standsAlone(ctx, ctx.quoted[qi]!)) return false;
    ctx.usedQuoted.add(qi);
    add(ctx, { kind: 'mixed', content: ctx.quoted[qi]!.inner, fragments: null, cue: c, quoted: qi, sentence: s.index, evidence: ['quote.mixed.governed-fragment'] });
    return true;
  }
  return false;
}

/** A speech verb near the start of a reported clause, with a clause of its own. */
function nestedReport(ctx: Ctx, c: number, clause: Span): number | null {
  const first = tokenAt(ctx.tokens, clause.start);
  for (let j = c + 1; j < ctx.cues.length; j++) {
    const inner = ctx.cues[j]!;
    if (inner.start >= clause.end || inner.range[0] - first > 6) return null;
    const s = ctx.sentences[inner.sentence]!;
    if (inner.kind === 'verb' && inner.frame !== 'direct' && complementClause(ctx, inner, j, s, inner.range[1]) !== null) return j;
  }
  return null;
}

function buildFromVerb(ctx: Ctx, c: number): void {
  const cue = ctx.cues[c]!;
  if (insideQuotedSpeech(ctx, cue) || !ctx.pack.verbs[cue.lemma]) return;
  const s = ctx.sentences[cue.sentence]!;
  const k = skipWhile(ctx, cue.range[1], s.tokens[1], (t) => ctx.lex.adverbs.has(t.norm));
  // A reported clause ("says he is making “a demand”") wins over the fragment it holds; else the verb may govern a
  // fragment directly ("a dénoncé « une faute lourde »").
  const clause = complementClause(ctx, cue, c, s, k) ?? zeroThatClause(ctx, cue, c, s, k);
  if (clause) {
    // A nested report ("La lecture a affirmé que Bachelet avait déclaré à Xi qu'elle « … »"): the inner report is
    // the quote, and the outer reporter its channel.
    const inner = nestedReport(ctx, c, clause.span);
    if (inner !== null) {
      ctx.outer.set(inner, c);
      return;
    }
    return addClause(ctx, c, clause.span, s.index, clause.rule);
  }
  if (governedFragment(ctx, c, s, k) || blockQuote(ctx, c, s)) return;
  for (const read of CLAUSE_READERS) {
    const found = read(ctx, cue, c, s, k);
    if (found) return addClause(ctx, c, found.span, s.index, found.rule);
  }
}

/** The cue stands in an incise at the end of its sentence: only its subject and punctuation follow. */
function isIncise(ctx: Ctx, s: Sentence, cue: Cue, comma: number): boolean {
  const between = ctx.text.slice(comma + 1, cue.start);
  const mentions = ctx.doc.layers.mentions!;
  const subject = mentions.find((m) => m.start > comma && m.end <= cue.start && ctx.text.slice(m.end, cue.start).replace(/\([^()]*\)/g, '').trim() === '');
  if (between.trim() !== '' && (!subject || subject.kind === 'relative' || ctx.text.slice(comma + 1, subject.start).trim() !== '')) return false;
  // Only the inverted subject and a short phrase may follow: ", a indiqué la police." / ", police said Tuesday."
  let k = cue.range[1];
  while (k < s.tokens[1] && ctx.lex.adverbs.has(ctx.tokens[k]!.norm)) k++;
  const inverted = mentions[mentionIndex(mentions).byStart.get(ctx.tokens[k]?.start ?? -1) ?? -1];
  if (between.trim() === '' && !inverted && cue.clitic === null) return false;
  if (inverted) k = tokenAt(ctx.tokens, inverted.end);
  // The subject may carry a complement: ", affirme Rami Abd al-Rahman de l'Observatoire syrien des droits de l'homme."
  const rest = s.tokens[1] - k;
  return rest <= 12 && !ctx.tokens.slice(k, s.tokens[1]).some((t) => t.kind === 'quote' || ctx.lex.complementizers.has(t.norm));
}

/**
 * An according-frame's clause: after it when the frame leads ("Selon X, …"), around it when it is a parenthesis
 * ("…, d'après X, …"), before it when it trails ("…, selon X."). A clause already reported by a verb cue keeps the
 * frame as its channel instead (attribute reads it there).
 */
function buildFromAccording(ctx: Ctx, c: number): void {
  const cue = ctx.cues[c]!;
  if (insideQuotedSpeech(ctx, cue)) return;
  const s = ctx.sentences[cue.sentence]!;
  let j = cue.range[1];
  while (j < s.tokens[1] && ctx.tokens[j]!.norm !== ',' && !/^[.;!?]$/.test(ctx.tokens[j]!.norm)) j++;
  const commaAfter = ctx.tokens[j]?.norm === ',' ? ctx.tokens[j]! : null;
  const clauseFrom = clauseStartBefore(ctx, s, cue.start);
  const lead = words(ctx, { start: clauseFrom, end: cue.start }) < 2;
  const commaBefore = /,\s*$/.test(ctx.text.slice(clauseFrom, cue.start));
  let span: Span | null = null;
  let rule = 'quote.indirect.according-before';
  if (lead && commaAfter) {
    // "According to Yonhap, quoting KCNA, …": the inner frame names the source; the outer becomes its channel.
    const next = ctx.cues[cuesIn(ctx, commaAfter.end, commaAfter.end)[0]];
    const inner = !!next && next.kind === 'according' && /^\s*$/.test(ctx.text.slice(commaAfter.end, next.start));
    if (inner || reportedWithin(ctx, { start: commaAfter.end, end: s.end })) return;
    span = { start: commaAfter.end, end: clauseEnd(ctx, commaAfter.end, s, c) };
  } else if (commaBefore && commaAfter && s.tokens[1] - j > 3) {
    span = { start: clauseFrom, end: clauseEnd(ctx, commaAfter.end, s, c) };
    rule = 'quote.indirect.according-parenthesis';
  } else if (commaBefore) {
    span = { start: clauseFrom, end: ctx.text.lastIndexOf(',', cue.start) };
    rule = 'quote.indirect.according-after';
  }
  // A clause whose own verb already reported it ("Selon l'AFP, X a déclaré que…") keeps the frame as its channel.
  if (!span || reportedWithin(ctx, span) || overlapsQuote(ctx, span)) return;
  addClause(ctx, c, span, s.index, rule);
}

/** A quote already reported by a verb cue inside this span. */
function reportedWithin(ctx: Ctx, span: Span): boolean {
  const [c0, c1] = cuesIn(ctx, span.start, span.end);
  for (let c = c0; c < c1; c++) if (ctx.usedCues.has(c) && ctx.cues[c]!.kind === 'verb' && ctx.cues[c]!.end <= span.end) return true;
  return false;
}

/** The source of an according-frame is a person or group (not an outlet or a document). */
function sourceSpeaks(ctx: Ctx, cue: Cue): boolean {
  const next = ctx.tokens[cue.range[1]];
  if (!next) return false;
  const m = mentionsIn(ctx, next.start, next.end + 5)[0];
  return !!m && (m.type === 'person' || m.type === 'group');
}

export const buildQuotes: Stage = {
  name: 'build-quotes',
  requires: ['sentences', 'tokens', 'quoted', 'cues', 'mentions', 'boilerplate'],
  produces: ['quotes'],
  run(doc, pack, config) {
    const ctx: Ctx = {
      doc, text: doc.text, tokens: doc.layers.tokens!, sentences: doc.layers.sentences!, cues: doc.layers.cues!, quoted: doc.layers.quoted!,
      pack, lex: lexicon(pack), config, usedCues: new Set(), messages: [...doc.messages], outer: new Map(), usedQuoted: new Set(), quotes: [],
      top: [], topByStart: new Map(), spans: [], bySentence: new Map(),
    };
    doc.layers.quoted!.forEach((q, qi) => {
      if (q.depth > 0) return;
      ctx.top.push(qi);
      ctx.topByStart.set(q.start, qi);
    });
    buildDirect(ctx, true);
    // "Pour lui, l'élite le caractérise de « grossier »": a frame naming a person frames the whole clause; a frame
    // naming an outlet ("Selon l'AFP, le Conseil a appelé à…") is the channel of the verb's report, read after it.
    ctx.cues.forEach((cue, c) => {
      if (!ctx.usedCues.has(c) && cue.kind === 'according' && sourceSpeaks(ctx, cue)) buildFromAccording(ctx, c);
    });
    ctx.cues.forEach((cue, c) => {
      if (!ctx.usedCues.has(c) && cue.kind === 'verb') buildFromVerb(ctx, c);
    });
    ctx.cues.forEach((cue, c) => {
      if (!ctx.usedCues.has(c) && cue.kind === 'according') buildFromAccording(ctx, c);
    });
    buildDirect(ctx, false);
    const quotes = ctx.quotes.sort((a, b) => a.content.start - b.content.start).map((q, i) => ({ ...q, id: `q${i + 1}` }));
    return { ...doc, messages: ctx.messages, layers: { ...doc.layers, quotes } };
  },
};
