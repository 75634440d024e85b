/**
 * find-cues: the places where the text signals reported speech — speech verbs (with their auxiliaries, inverted
 * clitics "a-t-il dit", object clitics "lui a dit"), according-frames ("selon", "d'après", "according to") and a
 * colon after a speaker before quote marks. Negated verbs ("n'a pas dit") are not cues.
 */
import type { Stage } from '../pipeline.js';
import type { Cue, Mention, Quoted, Sentence, Span, Token } from '../types.js';
import type { LanguagePack, PronounInfo } from '../lang/pack.js';
import { lexicon, type Lexicon } from '../lang/lexicon.js';
import { CLOSING_MARK as CLOSING, DOUBLE_MARKS, OPENING_MARK as OPENING } from '../lib/marks.js';
import { lowerBound, tokenAt } from '../lib/tokens.js';
import { asMap } from '../lib/records.js';
import {
  ADVERB, AMBIGUOUS, AUXILIARY, COMPLEMENTIZER, DETERMINER, FRAME_FIRST, NEGATION, OF_WORD, PREVERBAL_CLITIC, PRONOUN, VERB_FORM, WORD,
  is, tokenClasses,
} from '../lib/word-classes.js';

interface Ctx {
  text: string;
  tokens: Token[];
  pack: LanguagePack;
  lex: Lexicon;
  /** The pack's records as Maps (see lib/records.ts). */
  pronouns: Map<string, PronounInfo>;
  determiners: Map<string, LanguagePack['determiners'][string]>;
  quoted: Quoted[];
  /** In text order, as find-mentions writes them. */
  mentions: Mention[];
  /** Dashed lines of dialogue (few: one per line of an exchange). */
  dialogue: Quoted[];
  /** The word classes of each token (see lib/word-classes.ts). */
  classes: Int32Array;
}


/** Walks left from token i over auxiliaries, adverbs, negation and clitics; returns the first token of the group. */
function groupStart(ctx: Ctx, i: number, from: number): { start: number; aux: boolean; negated: boolean; objectClitic: Span | null } {
  let j = i;
  let aux = false;
  let negated = false;
  let objectClitic: Span | null = null;
  let cliticAfterAux = false;
  while (j - 1 >= from) {
    const t = ctx.tokens[j - 1]!;
    if (is(ctx.classes, j - 1, AUXILIARY)) aux = true;
    else if (is(ctx.classes, j - 1, NEGATION)) negated = true;
    else if (ctx.pack.addresseeClitics.includes(t.norm)) {
      objectClitic = { start: t.start, end: t.end };
      cliticAfterAux = !aux;
    }
    else if (!is(ctx.classes, j - 1, ADVERB | PREVERBAL_CLITIC) && !isHyphenClitic(ctx, j - 1)) break;
    j--;
  }
  // "lui a dit" (to him) but "a lui écrit" (he, for his part, wrote): an object clitic stands before the auxiliary.
  if (aux && cliticAfterAux) objectClitic = null;
  return { start: j, aux, negated, objectClitic };
}

/** "-t-" or "-" joining an inverted clitic, or the clitic itself. */
function isHyphenClitic(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t) return false;
  return /^[-‑](?:t[-‑])?$/.test(ctx.text.slice(t.start, t.end)) || (ctx.pack.invertedClitics.includes(t.norm) && i > 0 && /^[-‑]/.test(ctx.text.slice(ctx.tokens[i - 1]!.start, ctx.tokens[i - 1]!.end)));
}

/** "a fait savoir", "fait remarquer": the causative form right before an infinitive (adverbs between). */
function causativeBefore(ctx: Ctx, i: number, from: number): number | null {
  let k = i - 1;
  while (k >= from && is(ctx.classes, k, ADVERB)) k--;
  return k >= from && ctx.pack.causatives.includes(ctx.tokens[k]!.norm) ? k : null;
}

/** An inverted clitic right after token i ("dit-elle", "a-t-il"): the clitic's token index. */
function invertedCliticAfter(ctx: Ctx, i: number, end: number): number | null {
  const hy = ctx.tokens[i + 1];
  const cl = ctx.tokens[i + 2];
  if (!hy || !cl || i + 2 >= end || hy.start !== ctx.tokens[i]!.end) return null;
  if (!/^[-‑](?:t[-‑])?$/.test(ctx.text.slice(hy.start, hy.end))) return null;
  return ctx.pack.invertedClitics.includes(cl.norm) ? i + 2 : null;
}

/** An inverted clitic inside a compound group: "a-t-il dit", "s'est-elle exclamée". */
function invertedCliticWithin(ctx: Ctx, from: number, to: number): number | null {
  for (let k = from; k < to; k++) {
    const c = invertedCliticAfter(ctx, k, to + 1);
    if (c !== null && c < to) return c;
  }
  return null;
}

/**
 * A negation just after the verb that negates it ("ne dit-il pas"), from the pack's postverbal negations; one that
 * follows its own "ne" negates an infinitive instead ("dit ne pas vouloir").
 */
function negatedAfter(ctx: Ctx, i: number, end: number): boolean {
  for (let k = i + 1; k < Math.min(end, i + 3); k++) {
    if (ctx.pack.postverbalNegations.includes(ctx.tokens[k]!.norm) && !is(ctx.classes, k - 1, NEGATION)) return true;
  }
  return false;
}

/** Inside a dashed line of dialogue, an incise verb stands next to the quoted words. */
function inDialogue(ctx: Ctx, offset: number): boolean {
  const k = lowerBound(ctx.dialogue, offset + 1, (q) => q.start) - 1;
  return k >= 0 && offset < ctx.dialogue[k]!.end;
}

/** Quote marks touch the cue: a closing mark just before its group or an opening mark (or colon) just after. */
function nearQuote(ctx: Ctx, s: Sentence, groupFrom: number, verbEnd: number): boolean {
  for (let k = groupFrom - 1; k >= Math.max(s.tokens[0], groupFrom - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === 'quote' && CLOSING.test(ctx.text[t.start]!)) return true;
    if (t.kind === 'word') break;
  }
  for (let k = verbEnd; k < Math.min(s.tokens[1] + 2, verbEnd + 6, ctx.tokens.length); k++) {
    const t = ctx.tokens[k]!;
    if (t.norm === ':' || (t.kind === 'quote' && OPENING.test(ctx.text[t.start]!))) return true;
  }
  return false;
}

function verbCues(ctx: Ctx, s: Sentence, out: Cue[]): void {
  const [from, to] = s.tokens;
  for (let i = from; i < to; i++) {
    if (!is(ctx.classes, i, WORD) || !is(ctx.classes, i, VERB_FORM)) continue;
    const t = ctx.tokens[i]!;
    const form = ctx.lex.verbForms.get(t.norm);
    if (!form) continue;
    const verb = ctx.pack.verbs[form.lemma];
    if (!verb) continue;
    const causative = causativeBefore(ctx, i, from);
    if (verb.afterCausative && causative === null) continue;
    const group = groupStart(ctx, causative ?? i, from);
    if (causative !== null) group.aux = true;
    const clitic = invertedCliticAfter(ctx, i, to) ?? invertedCliticWithin(ctx, group.start, i);
    if (group.negated || negatedAfter(ctx, clitic ?? i, to)) continue;
    // A participle needs an auxiliary (or an inverted one: "a-t-il déclaré"); an infinitive needs quotes nearby.
    const prevWord = ctx.tokens[i - 1];
    const afterComma = !!prevWord && (prevWord.norm === ',' || (prevWord.kind === 'quote' && CLOSING.test(ctx.text[prevWord.start]!)));
    if (form.nonFinite === 'participle' && !group.aux && !afterComma && clitic === null) continue;
    const end = clitic !== null ? Math.max(clitic, i) + 1 : i + 1;
    const quoteNear = nearQuote(ctx, s, group.start, end) || inDialogue(ctx, t.start);
    if ((verb.needsQuote || (form.nonFinite === 'infinitive' && causative === null)) && !quoteNear) continue;
    const passive = ctx.pack.passiveAuxiliaries.includes(prevWord?.norm ?? '') && form.nonFinite !== 'gerund';
    // "were found", "was charged": a passive reports no speech unless it is a telling ("was told to leave").
    if (passive && !verb.objectInfinitive && !verb.addresseeObject) continue;
    if (is(ctx.classes, i, AMBIGUOUS) && !group.aux && clitic === null && !quoteNear && !verbalContext(ctx, i, end, to)) continue;
    const cueStart = ctx.tokens[group.start]!.start;
    const atIncise = afterComma || (group.start > from && isBoundary(ctx, group.start - 1));
    const inverted = clitic !== null || (atIncise && invertedSubjectAfter(ctx, end, to));
    out.push({
      start: cueStart, end: ctx.tokens[end - 1]!.end, text: ctx.text.slice(cueStart, ctx.tokens[end - 1]!.end),
      kind: 'verb', lemma: form.lemma, frame: verb.frame, inverted, passive, form: group.aux ? 'finite' : form.nonFinite ?? 'finite',
      clitic: clitic !== null ? { start: ctx.tokens[clitic]!.start, end: ctx.tokens[clitic]!.end } : null,
      objectClitic: group.objectClitic, sentence: s.index,
      rule: clitic !== null ? `${ctx.pack.code}.cue.inverted-clitic` : group.aux ? `${ctx.pack.code}.cue.compound-verb` : `${ctx.pack.code}.cue.verb`,
      head: i, range: [group.start, end],
    });
  }
}

/**
 * Verbal evidence for a form that is often a noun: no determiner before it, and a name or pronoun subject right
 * before, or a complementizer, infinitive marker or comma right after.
 */
function verbalContext(ctx: Ctx, i: number, end: number, to: number): boolean {
  const prev = ctx.tokens[i - 1];
  if (prev && is(ctx.classes, i - 1, DETERMINER | OF_WORD)) return false;
  const next = ctx.tokens[end];
  if (next && end < to && (is(ctx.classes, end, COMPLEMENTIZER) || ctx.pack.infinitiveMarkers.includes(next.norm))) return true;
  if (prev && (prev.upper || isSubjectPronoun(ctx, i - 1))) return true;
  // A clause starts right after it ("critics charge it is…", "woman claims Church of Scientology…").
  return !!prev && prev.kind === 'word' && !!next && end < to && (next.upper || isSubjectPronoun(ctx, end));
}

function isSubjectPronoun(ctx: Ctx, i: number): boolean {
  return is(ctx.classes, i, PRONOUN) && ctx.pronouns.get(ctx.tokens[i]!.norm)!.role === 'subject';
}

/**
 * After the verb of an incise, a noun phrase (never a pronoun: those invert as clitics) that ends the clause is
 * its inverted subject: ", a déclaré la ministre Anne Roy.", "said Governor Ann Lee,". "said he would…" is not.
 */
function invertedSubjectAfter(ctx: Ctx, k: number, to: number): boolean {
  while (k < to && is(ctx.classes, k, ADVERB)) k++;
  if (k < to && ctx.pack.addresseePrepositions.includes(ctx.tokens[k]!.norm)) return true; // "déclare à l'AFP X"
  const m = mentionAt(ctx, ctx.tokens[k]?.start ?? -1);
  if (!m || m.kind === 'pronoun' || m.kind === 'relative') return false;
  // A verb right after the noun phrase makes it the subject of a reported clause (", said the union expected…"); a
  // subject pronoun makes it the addressee of one (", told POLITICO she was leaning…").
  const n = tokenAt(ctx.tokens, m.end);
  const next = ctx.tokens[n];
  if (!next) return true;
  const verb = is(ctx.classes, n, AUXILIARY) || ctx.pack.finiteVerbEndings.some((e) => next.norm.length > 4 && next.norm.endsWith(e));
  return !verb && !isSubjectPronoun(ctx, n);
}

/**
 * The mention that starts at this offset; of two at one offset, the later one. Mentions are asked for at a few cues
 * of a document, so a search in their text order costs less than a map of all of them.
 */
function mentionAt(ctx: Ctx, offset: number): Mention | undefined {
  const m = ctx.mentions[lowerBound(ctx.mentions, offset + 1, (x) => x.start) - 1];
  return m && m.start === offset ? m : undefined;
}

/** A comma or closing quote mark: the start of an incise. */
function isBoundary(ctx: Ctx, k: number): boolean {
  const t = ctx.tokens[k]!;
  return t.norm === ',' || (t.kind === 'quote' && CLOSING.test(ctx.text[t.start]!));
}

function accordingCues(ctx: Ctx, s: Sentence, out: Cue[]): void {
  const [from, to] = s.tokens;
  for (let i = from; i < to; i++) {
    if (!is(ctx.classes, i, FRAME_FIRST)) continue;
    const frames = ctx.lex.framesByFirst.get(ctx.tokens[i]!.norm)!;
    for (const { words: frame, weak } of frames) {
      if (i + frame.length > to) continue;
      if (!frame.every((w, k) => ctx.tokens[i + k]!.norm === w)) continue;
      const last = ctx.tokens[i + frame.length - 1]!;
      // A weak frame ("pour") speaks only at the head of its clause, set off by a comma: "Pour lui, …".
      if (weak && (!commaSoon(ctx, i + frame.length, to) || !clauseHead(ctx, i, from))) continue;
      out.push({
        start: ctx.tokens[i]!.start, end: last.end, text: ctx.text.slice(ctx.tokens[i]!.start, last.end),
        kind: 'according', form: null, passive: false, lemma: frame.join(' '), frame: 'indirect', inverted: false, clitic: null, objectClitic: null,
        sentence: s.index, rule: `${ctx.pack.code}.cue.according${weak ? '-weak' : ''}`, head: i, range: [i, i + frame.length],
      });
      i += frame.length - 1;
      break;
    }
  }
}

function clauseHead(ctx: Ctx, i: number, from: number): boolean {
  const prev = ctx.tokens[i - 1];
  return i === from || !prev || /^[:—–(«“"-]$/.test(prev.norm);
}

function commaSoon(ctx: Ctx, i: number, to: number): boolean {
  for (let k = i; k < Math.min(to, i + 8); k++) {
    const t = ctx.tokens[k]!;
    if (t.norm === ',') return k > i;
    if (t.kind === 'quote' || is(ctx.classes, k, VERB_FORM | COMPLEMENTIZER)) return false;
  }
  return false;
}

/** "Obama : « … »", "Lee said: “…”" is a verb cue; a bare colon between a name and an opening mark is a cue too. */
function colonCues(ctx: Ctx, s: Sentence, out: Cue[], taken: Set<number>): void {
  const [from, to] = s.tokens;
  for (let i = from + 1; i < to - 1; i++) {
    const t = ctx.tokens[i]!;
    if (t.norm !== ':' || taken.has(i)) continue;
    const next = ctx.tokens[i + 1]!;
    const prev = ctx.tokens[i - 1]!;
    if (next.kind !== 'quote' || !OPENING.test(ctx.text[next.start]!) || prev.kind !== 'word') continue;
    // Only a speaker standing alone before the colon: "Obama : « … »", not "… représentent les Maliens : « … »".
    if (!speakerHeads(ctx, s, i)) continue;
    out.push({
      start: t.start, end: t.end, text: ctx.text.slice(t.start, t.end), kind: 'colon', form: null, passive: false, lemma: ':', frame: 'direct', inverted: false,
      clitic: null, objectClitic: null, sentence: s.index, rule: `${ctx.pack.code}.cue.colon`, head: i, range: [i, i + 1],
    });
  }
}

/** The words from the sentence start to the colon are one mention (and its apposition). */
function speakerHeads(ctx: Ctx, s: Sentence, colon: number): boolean {
  const first = mentionAt(ctx, ctx.tokens[s.tokens[0]]!.start);
  if (!first) return false;
  const rest = ctx.text.slice(first.end, ctx.tokens[colon]!.start);
  return APPOSITION_ONLY.test(rest);
}

/** Nothing, or one apposition set off by commas. */
const APPOSITION_ONLY = new RegExp(`^\\s*(,[^,:;.!?${DOUBLE_MARKS}]{0,80},?)?\\s*$`, 'u');

export const findCues: Stage = {
  name: 'find-cues',
  requires: ['sentences', 'tokens', 'quoted', 'mentions'],
  produces: ['cues'],
  run(doc, pack) {
    const ctx: Ctx = {
      text: doc.text, tokens: doc.layers.tokens!, pack, lex: lexicon(pack), pronouns: asMap(pack.pronouns), determiners: asMap(pack.determiners),
      quoted: doc.layers.quoted!, mentions: doc.layers.mentions!, dialogue: doc.layers.quoted!.filter((q) => q.dialogue === true),
      classes: tokenClasses(doc.layers.tokens!, doc.text, pack),
    };
    const cues: Cue[] = [];
    const taken = new Set<number>();
    for (const s of doc.layers.sentences!) {
      const mine: Cue[] = [];
      verbCues(ctx, s, mine);
      accordingCues(ctx, s, mine);
      // A colon right after a verb cue belongs to that cue ("a prévenu : « … »").
      if (taken.size > 0) taken.clear();
      for (const c of mine) if (c.kind === 'verb') taken.add(nextTokenIndex(ctx, c.end));
      colonCues(ctx, s, mine, taken);
      if (mine.length > 1) mine.sort((a, b) => a.start - b.start);
      for (const c of mine) cues.push(c);
    }
    return { ...doc, layers: { ...doc.layers, cues } };
  },
};

function nextTokenIndex(ctx: Ctx, offset: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
