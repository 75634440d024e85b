/**
 * Direct quotes: a quoted span with a cue beside it (« … », a-t-il dit / X a déclaré : « … » / "…," she said), inside
 * it, after a dash, before it on a colon; a block quote; a line of dialogue; or a quoted span that reads as a sentence
 * of its own (attributed later, by continuation). Titles, terms, scare quotes and unrealised words yield nothing.
 */
import type { Quoted, Span } from '../types.js';
import { contains, tokenAt, trimSpan } from '../lib/tokens.js';
import { mentionIndex } from '../lib/mention-index.js';
import { DOUBLE_MARKS } from '../lib/marks.js';

/** Between a closing mark and its verb: a subject with its appositions, no sentence end, no other quote. */
const SUBJECT_GAP = new RegExp(`^\\s*,?\\s*[^.;:!?${DOUBLE_MARKS}]{1,150}$`, 'u');
/** Between a verb and an opening mark: a short addressee phrase ("told reporters", "a déclaré à la presse :"). */
const ADDRESSEE_GAP = new RegExp(`^\\s+[^.!?;${DOUBLE_MARKS}]{1,50}?\\s*[:,]?\\s*$`, 'u');
import { type Ctx, PUNCT_GAP, add, clauseStartBefore, cuesIn, inBoilerplate, mentionsIn, overlapsQuote, words } from './context.js';


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
    if (SUBJECT_GAP.test(plain) && startsWithSubject(ctx, q.end, cue.start)) return c;
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
    if (ADDRESSEE_GAP.test(gap) && cue.kind === 'verb' && !hasComplementizer(ctx, cue.end, q.start)) {
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

export function isTitleOrTerm(ctx: Ctx, q: Quoted): boolean {
  const k = tokenAt(ctx.tokens, q.start);
  const prev = ctx.tokens[k - 1];
  // "l'opération dite « … »", "the so-called “…”"; but an active verb group is speech: "se dit « rassuré »".
  if (prev && ctx.pack.notSpeechIntroducers.includes(prev.norm) && !activeGroupEndsAt(ctx, k)) return true;
  // A programme or column of a medium: MSNBC's “Morning Joe”, CNN’s “State of the Union”.
  if (prev && prev.norm === "'s" && mentionsIn(ctx, prev.start - 80, prev.start).some((m) => m.end === prev.start && m.kind === 'media')) return true;
  for (const marker of ctx.pack.unrealisedMarkers) {
    const n = marker.length;
    if (k - n < 0) continue;
    if (marker.every((w, i) => ctx.tokens[k - n + i]!.norm === w)) return true;
  }
  return false;
}

/** A verb cue of more than one token, not passive, ends at token k: "se dit", "a dit" (but "was called"). */
function activeGroupEndsAt(ctx: Ctx, k: number): boolean {
  const [from, to] = cuesIn(ctx, ctx.tokens[Math.max(0, k - 4)]!.start, ctx.tokens[k - 1]!.start);
  for (let c = from; c < to; c++) {
    const cue = ctx.cues[c]!;
    if (cue.kind === 'verb' && !cue.passive && cue.range[1] === k && cue.range[0] < k - 1) return true;
  }
  return false;
}

/** A quoted span with no cue is speech when it reads as a sentence standing on its own. */
export function standsAlone(ctx: Ctx, q: Quoted): boolean {
  // After a colon even a short exchange is speech: "Le major quitta sa pipe : « Quelle fête, capitaine ? »".
  const needed = afterColon(ctx, q) ? 1 : ctx.config.minDirectWords;
  if (words(ctx, q.inner, needed) < needed) return false;
  const inner = ctx.text.slice(q.inner.start, q.inner.end);
  const before = ctx.text.slice(Math.max(0, q.start - 3), q.start);
  const startsSentence = /^[[(]?\p{Lu}/u.test(inner) && (q.start === 0 || /(^|[.!?:,…\n]\s*|^\s*)$/u.test(before));
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


/**
 * Direct quotes, in two passes: `strong` takes quotes with a cue after them, inside them or before them with a
 * colon; the weak pass (after que/that clauses have claimed their quotes) takes a cue before with a comma, and
 * quotes that stand alone as sentences.
 */
export function buildDirect(ctx: Ctx, strong: boolean): void {
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

const isUpper = (code: number) => (code >= 65 && code <= 90) || (code > 127 && String.fromCharCode(code) !== String.fromCharCode(code).toLowerCase());

/** A speaker's label opening a turn of a transcript: "WALLACE: Let's start…", "PENCE: Well, look…". */
const LABEL = /^\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]+){0,2}:[ \t]+(?=\S)/u;

/**
 * A transcript: paragraphs that open with a speaker's label in capitals, in quote marks or not. Each turn is a direct
 * quote of the labelled speaker. Two labelled turns at least, each label a mention: a lone "UPDATE:" is no transcript.
 */
export function buildTranscript(ctx: Ctx): void {
  const byStart = mentionIndex(ctx.doc.layers.mentions!).byStart;
  const turns: Array<{ mention: number; content: Span; quoted: number | null; sentence: number }> = [];
  for (const para of ctx.doc.layers.paragraphs!) {
    const qi = ctx.topByStart.get(para.start) ?? null;
    const at = qi === null ? para.start : ctx.quoted[qi]!.inner.start;
    // Most paragraphs open with a capital and a lower-case letter: no label to read.
    if (!isUpper(ctx.text.charCodeAt(at)) || !(isUpper(ctx.text.charCodeAt(at + 1)) || "'’.-".includes(ctx.text[at + 1] ?? 'a'))) continue;
    const label = ctx.text.slice(at, at + 40).match(LABEL);
    const mention = label ? byStart.get(at) : undefined;
    if (!label || mention === undefined) continue;
    const end = qi === null ? para.end : ctx.quoted[qi]!.inner.end;
    const content = trimSpan(ctx.text, { start: at + label[0].length, end });
    if (content.end > content.start) turns.push({ mention, content, quoted: qi, sentence: ctx.tokens[tokenAt(ctx.tokens, content.start)]!.sentence });
  }
  if (turns.length < 2) return;
  for (const t of turns) {
    if (t.quoted !== null && ctx.usedQuoted.has(t.quoted)) continue;
    if (t.quoted === null && overlapsQuote(ctx, t.content)) continue;
    if (t.quoted !== null) ctx.usedQuoted.add(t.quoted);
    add(ctx, { kind: 'direct', content: t.content, fragments: null, cue: null, quoted: t.quoted, sentence: t.sentence, evidence: ['quote.direct.speaker-label'], speakerMention: t.mention });
  }
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
