/**
 * Reported clauses: a verb cue's que/that clause, zero-that clause, infinitive, object + infinitive, the quoted fragment
 * it governs, a nested report, a block quote after a colon, an incise; an according-frame's clause. A clause holding a
 * quoted fragment is a mixed quote; one that is a single quoted span is that fragment.
 */
import type { Cue, Mention, QuoteKind, Sentence, Span, Token } from '../types.js';
import { OPENING_MARK, contains, lowerBound, tokenAt, trimSpan } from '../lib/tokens.js';
import { DOUBLE_MARKS } from '../lib/marks.js';

/** A semicolon, or a colon that introduces quoted words: both end a reported clause. */
const COLON_BEFORE_QUOTE = new RegExp(`;|:\\s*[${DOUBLE_MARKS}]`, 'u');
const ANY_DOUBLE_MARK = new RegExp(`[${DOUBLE_MARKS}]`, 'u');
import { mentionIndex } from '../lib/mention-index.js';
import { type Ctx, PUNCT_GAP, REACH, add, clauseStartBefore, cuesIn, inBoilerplate, mentionsIn, overlapsQuote, topQuotedIn, words } from './context.js';
import { isTitleOrTerm, standsAlone } from './direct.js';


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
    if (comma >= 0 && (PUNCT_GAP.test(before.slice(comma)) || other.kind === 'according' || other.inverted || newReport(ctx, from + comma, other))) end = Math.min(end, from + comma);
  }
  // A participle after a comma opens the narrator's own phrase: "…, contradicting the police's claim", "…, sending him".
  for (let k = tokenAt(ctx.tokens, from); k < ctx.tokens.length - 1 && ctx.tokens[k]!.start < end; k++) {
    const next = ctx.tokens[k + 1]!;
    if (ctx.tokens[k]!.norm === ',' && next.kind === 'word' && ctx.pack.participleEndings.some((e) => next.norm.length > e.length + 2 && next.norm.endsWith(e))) {
      end = ctx.tokens[k]!.start;
      break;
    }
  }
  // A semicolon ends the clause; so does a colon that introduces quoted words (": « … »").
  const stop = ctx.text.slice(from, end).search(COLON_BEFORE_QUOTE);
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

/** ", but he said that…": after the comma, a coordinator, a short subject and the verb of another report. */
function newReport(ctx: Ctx, comma: number, other: Cue): boolean {
  if (other.kind !== 'verb') return false;
  let k = tokenAt(ctx.tokens, comma + 1);
  if (ctx.pack.coordinators.includes(ctx.tokens[k]?.norm ?? '')) k++;
  const subject = other.range[0] - k;
  return subject >= 1 && subject <= 4 && ctx.tokens.slice(k, other.range[0]).every((t) => t.kind === 'word');
}

function quotedWithin(ctx: Ctx, span: Span): number[] {
  return topQuotedIn(ctx, span.start, span.end).filter((qi) => contains(span, ctx.quoted[qi]!));
}

/** Makes an indirect or mixed quote from a reported clause; a clause that is one quoted span becomes its fragment. */
function addClause(ctx: Ctx, cue: number | null, clause: Span, sentence: number, rule: string, split?: Span[]): void {
  if (split) {
    const fragments = split.map((p) => trimSpan(ctx.text, p, false));
    const content = { start: fragments[0]!.start, end: fragments.at(-1)!.end };
    if (fragments.some((p) => p.end - p.start < 3) || inBoilerplate(ctx, content) || overlapsQuote(ctx, content)) return;
    const inner = quotedWithin(ctx, content);
    for (const qi of inner) ctx.usedQuoted.add(qi);
    return add(ctx, { kind: inner.length ? 'mixed' : 'indirect', content, fragments, cue, quoted: null, sentence, evidence: [rule] });
  }
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
  if (ctx.lex.functionWords.has(t.norm) || ctx.pack.notInfinitives.includes(t.norm)) return false;
  return ctx.pack.infinitiveEndings.length ? ctx.pack.infinitiveEndings.some((e) => t.norm.endsWith(e)) : marked;
}

/** Inside a quoted sentence, a verb is the quoted speaker's own ("je considère que…"), not a report. */
function insideQuotedSpeech(ctx: Ctx, cue: Cue): boolean {
  const k = lowerBound(ctx.top, cue.start + 1, (qi) => ctx.quoted[qi]!.start) - 1;
  const q = k >= 0 ? ctx.quoted[ctx.top[k]!]! : null;
  return !!q && q.inner.start <= cue.start && cue.end <= q.inner.end && words(ctx, q.inner, ctx.config.minDirectWords) >= ctx.config.minDirectWords;
}

interface Clause {
  span: Span;
  rule: string;
  /** The clause's words when an incise splits them: "Acts of protest, Mr. Obama said, are acts of patriotism." */
  fragments?: Span[];
}

type ClauseReader = (ctx: Ctx, cue: Cue, c: number, s: Sentence, k: number) => Clause | null;

const clauseFrom = (ctx: Ctx, c: number, s: Sentence, from: number, rule: string): Clause => ({ span: { start: from, end: clauseEnd(ctx, from, s, c) }, rule });

/** que / that within a short distance (past "à la presse", "in a statement", "on Tuesday"). */
const complementClause: ClauseReader = (ctx, cue, c, s, k) => {
  if (ctx.pack.verbs[cue.lemma]!.frame === 'direct') return null;
  for (let j = k; j < Math.min(s.tokens[1], k + 12); j++) {
    const t = ctx.tokens[j]!;
    // A title on the way is stepped over: "told MSNBC's “Morning Joe” that…".
    const title = t.kind === 'quote' ? ctx.topByStart.get(t.start) : undefined;
    if (title !== undefined && isTitleOrTerm(ctx, ctx.quoted[title]!)) {
      j = tokenAt(ctx.tokens, ctx.quoted[title]!.end) - 1;
      continue;
    }
    if (t.kind === 'quote' || /^[.;!?:]$/.test(t.norm)) return null;
    // ", a policy that could…": a noun phrase set after the verb, whose "that" is a relative pronoun.
    const after = ctx.tokens[j + 1]?.norm ?? '';
    if (t.norm === ',' && ctx.determiners.get(after) && !ctx.lex.complementizers.has(after)) return null;
    if (ctx.lex.complementizers.has(t.norm)) {
      // "said the test could change that.": a pronoun closing the sentence, not a complementizer.
      const next = ctx.tokens[j + 1];
      if (j + 1 >= s.tokens[1] || /^[.;!?…]$/.test(next!.norm)) return null;
      return clauseFrom(ctx, c, s, next!.start, 'quote.indirect.complement-clause');
    }
    const afterDeterminer = !!ctx.determiners.get(ctx.tokens[j - 1]?.norm ?? '');
    if (ctx.lex.verbForms.has(t.norm) && j > k && !afterDeterminer) return null;
  }
  return null;
};

/** Infinitive: "affirme avoir été menacée", "promet de revenir", "vowed to appeal". */
const infinitiveClause: ClauseReader = (ctx, cue, c, s, k) => {
  const verb = ctx.pack.verbs[cue.lemma]!;
  if (!verb.infinitive || verb.frame === 'direct') return null;
  // A negated infinitive is reported too: "dit ne pas vouloir partir", "promet de ne jamais revenir", "vowed not to…".
  const negation = (t: Token) => ctx.lex.negations.has(t.norm);
  let j = skipWhile(ctx, k, s.tokens[1], negation);
  const marked = ctx.pack.infinitiveMarkers.includes(ctx.tokens[j]?.norm ?? '');
  // The words start after the marker ("promet de revenir" → "revenir"), or at a negation before it ("not to appeal").
  const from = marked && j === k ? j + 1 : k;
  j = skipWhile(ctx, marked ? j + 1 : j, s.tokens[1], negation);
  if (j >= s.tokens[1] || !looksInfinitive(ctx, ctx.tokens[j], marked) || (!marked && !ctx.pack.bareInfinitive)) return null;
  return clauseFrom(ctx, c, s, ctx.tokens[from]!.start, 'quote.indirect.infinitive');
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
const zeroThatClause: ClauseReader = (ctx, cue, c, s, verbEnd) => {
  if (!ctx.pack.zeroComplementizerVerbs.includes(cue.lemma) || cue.inverted || cue.passive) return null;
  const k = [skipFrames(ctx, skipAddressee(ctx, cue, verbEnd, s), s), verbEnd].find((at) => s.tokens[1] - at >= 4 && startsClause(ctx, at, s.tokens[1]));
  if (k === undefined) return null;
  const t = ctx.tokens[k]!;
  const starts = t.kind === 'word' && !ctx.pack.channelPrepositions.includes(t.norm) && !ctx.pack.addresseePrepositions.includes(t.norm) && !ctx.lex.adverbs.has(t.norm);
  return starts ? clauseFrom(ctx, c, s, t.start, 'quote.indirect.zero-complementizer') : null;
};

/** "told reporters he would…": past the addressee a verb takes as its object. */
function skipAddressee(ctx: Ctx, cue: Cue, k: number, s: Sentence): number {
  const m = ctx.pack.verbs[cue.lemma]!.addresseeObject ? mentionsIn(ctx, ctx.tokens[k]?.start ?? Infinity, (ctx.tokens[k]?.start ?? Infinity) + 1)[0] : undefined;
  return m && m.end <= s.end ? tokenAt(ctx.tokens, m.end) : k;
}

/** Past the time and channel phrases between a verb and its clause: "said on Friday he…", "said in a statement the…". */
function skipFrames(ctx: Ctx, k: number, s: Sentence): number {
  const end = s.tokens[1];
  const framing = (t: Token) => ctx.lex.dayWords.has(t.norm) || ctx.lex.months.has(t.norm) || ctx.lex.channels.has(t.norm) || ctx.lex.channelFirstLen.has(t.norm);
  for (;;) {
    const t = ctx.tokens[k];
    if (!t || k >= end) return k;
    if (ctx.lex.adverbs.has(t.norm) || ctx.lex.dayWords.has(t.norm)) k++;
    else if (ctx.pack.channelPrepositions.includes(t.norm) || ctx.pack.placePrepositions.includes(t.norm)) {
      let j = k + 1;
      while (j < Math.min(end, k + 5) && !framing(ctx.tokens[j]!)) j++;
      if (j >= Math.min(end, k + 5)) return k;
      k = j + channelLength(ctx, j);
      while (k < end && ctx.tokens[k]!.kind === 'number') k++;
    } else return k;
  }
}

/** Tokens of the longest channel phrase starting at token j ("press conference"), at least 1. */
function channelLength(ctx: Ctx, j: number): number {
  for (let n = ctx.lex.channelFirstLen.get(ctx.tokens[j]!.norm) ?? 1; n > 1; n--) {
    if (ctx.lex.channels.has(ctx.tokens.slice(j, j + n).map((t) => t.norm).join(' '))) return n;
  }
  return 1;
}

/**
 * Whether a clause (subject + verb) starts at token k: a subject pronoun, or a name or definite phrase followed
 * closely by an auxiliary or a past form. "conceded a penalty", "maintained a policy" are objects, not clauses.
 */
function startsClause(ctx: Ctx, k: number, end: number): boolean {
  const t = ctx.tokens[k]!;
  if (ctx.pronouns.get(t.norm)?.role === 'subject') return true;
  if (t.kind !== 'word' || ctx.pack.indefiniteArticles.includes(t.norm) || isPreposition(ctx, t.norm)) return false;
  // "vowed not to appeal": a negated infinitive, not a clause.
  if (ctx.lex.negations.has(t.norm) && ctx.pack.infinitiveMarkers.includes(ctx.tokens[k + 1]?.norm ?? '')) return false;
  // "said the word …", "said the phrase …": an object naming words, not a clause.
  if (ctx.determiners.get(t.norm) && ctx.pack.notSpeechIntroducers.includes(ctx.tokens[k + 1]?.norm ?? '')) return false;
  let apposition = false;
  for (let j = k + 1; j < Math.min(end, k + SUBJECT_REACH); j++) {
    const w = ctx.tokens[j]!;
    if (w.kind === 'quote' || ctx.lex.complementizers.has(w.norm)) return false;
    if (w.norm === ',') {
      // One apposition may stand between subject and verb: "the program, run by the Department, has brought".
      if (apposition || j === k + 1) return false;
      apposition = true;
      const close = ctx.tokens.slice(j + 1, Math.min(end, j + 1 + SUBJECT_REACH)).findIndex((x) => x.norm === ',');
      if (close < 1) return false;
      j += close + 1;
      continue;
    }
    if (ctx.lex.auxiliaries.has(w.norm) || ctx.lex.verbForms.has(w.norm) || ctx.pack.finiteVerbEndings.some((e) => w.norm.length > 4 && w.norm.endsWith(e))) return true;
  }
  return false;
}

/** How many tokens a clause's subject may run before its verb ("Donald Trump's yearslong obsession with President
 * Barack Obama's birth is …" has eleven). */
const SUBJECT_REACH = 13;

function isPreposition(ctx: Ctx, norm: string): boolean {
  return ctx.pack.channelPrepositions.includes(norm) || ctx.pack.addresseePrepositions.includes(norm) || ctx.lex.ofWords.has(norm) ||
    ctx.pack.infinitiveMarkers.includes(norm) || ctx.pack.placePrepositions.includes(norm) || ctx.lex.adverbs.has(norm);
}

function introducesClause(ctx: Ctx, cue: Cue, s: Sentence): boolean {
  const next = ctx.tokens[cue.range[1]];
  if (!next || cue.range[1] >= s.tokens[1]) return false;
  return ctx.lex.complementizers.has(next.norm) || next.kind === 'quote' || next.norm === ':' || startsClause(ctx, cue.range[1], s.tokens[1]);
}

/**
 * An incise in mid-sentence: "Contrairement à tous les discours, appuie-t-il, le français est classé…"; with the
 * subject before the verb, the reported clause resumes after it and holds both pieces: "Acts of protest, Mr. Obama
 * said, are acts of patriotism."
 */
const midIncise: ClauseReader = (ctx, cue, c, s) => {
  const comma = ctx.tokens[cue.range[1]];
  if (comma?.norm !== ',' || s.tokens[1] - cue.range[1] <= 3) return null;
  if (cue.clitic !== null) {
    if (!/,\s*$/.test(ctx.text.slice(s.start, cue.start))) return null;
    return clauseFrom(ctx, c, s, ctx.tokens[cue.range[1] + 1]!.start, 'quote.indirect.mid-incise');
  }
  const before = ctx.text.slice(s.start, cue.start).lastIndexOf(',');
  const resume = ctx.tokens[cue.range[1] + 1]!;
  if (before <= 0 || cue.inverted || cue.passive || !subjectAfterComma(ctx, cue, s.start + before)) return null;
  // The clause resumes with its verb ("The plan, he said, would fail") or whole ("In the long run, economists say, this
  // effect could ripple…").
  if (!predicateStarts(ctx, resume) && !startsClause(ctx, cue.range[1] + 1, s.tokens[1])) return null;
  const start = clauseStartBefore(ctx, s, s.start + before);
  const end = clauseEnd(ctx, resume.start, s, c);
  return { span: { start, end }, rule: 'quote.indirect.mid-incise', fragments: [{ start, end: s.start + before }, { start: resume.start, end }] };
};

/** A finite verb that carries on a clause ("are", "will", "celebrated"), not a gerund adding to the incise. */
function predicateStarts(ctx: Ctx, t: Token): boolean {
  return ctx.lex.auxiliaries.has(t.norm) || (ctx.pack.finiteVerbEndings.some((e) => t.norm.length > 4 && t.norm.endsWith(e)) && !ctx.lex.verbForms.has(t.norm));
}

/**
 * The verb's subject stands alone between a comma and the verb, with at most a few modifiers before it: ", Mr. Obama
 * said", ", the Tax Foundation said", ", top black lawmakers said".
 */
function subjectAfterComma(ctx: Ctx, cue: Cue, comma: number): Mention | null {
  const subject = mentionsIn(ctx, comma + 1, cue.start).find((m) => m.end <= cue.start && ctx.text.slice(m.end, cue.start).replace(/\([^()]*\)/g, '').trim() === '');
  if (!subject || subject.kind === 'relative') return null;
  const lead = ctx.tokens.slice(tokenAt(ctx.tokens, comma + 1), tokenAt(ctx.tokens, subject.start));
  // "his", "their" may lead the subject; "which", "who", "he" start another clause (", which the Church describes as").
  const pronoun = (t: Token) => (ctx.pronouns.get(t.norm)?.role ?? 'possessive') !== 'possessive';
  const modifier = (t: Token) => t.kind === 'word' && !pronoun(t) && !ctx.lex.verbForms.has(t.norm) && !ctx.lex.auxiliaries.has(t.norm) && !ctx.lex.complementizers.has(t.norm) && !ctx.pack.coordinators.includes(t.norm) && !isPreposition(ctx, t.norm);
  return lead.length <= MODIFIERS && lead.every(modifier) ? subject : null;
}

/** Words that may stand before an incise's subject: "the", "top black", "Algerian foreign affairs ministry". */
const MODIFIERS = 5;

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
  if (!next || !/:\s*$/u.test(tail) || ANY_DOUBLE_MARK.test(tail) || OPENING_MARK.test(ctx.text[next.start]!)) return false;
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

/** A speech verb near the start of a reported clause, with a clause of its own (that-less too, in a frame's clause). */
function nestedReport(ctx: Ctx, c: number, clause: Span, zeroThat = false): number | null {
  const first = tokenAt(ctx.tokens, clause.start);
  for (let j = c + 1; j < ctx.cues.length; j++) {
    const inner = ctx.cues[j]!;
    if (inner.start >= clause.end || inner.range[0] - first > 6) return null;
    const s = ctx.sentences[inner.sentence]!;
    if (inner.kind !== 'verb' || inner.frame === 'direct') continue;
    if ((complementClause(ctx, inner, j, s, inner.range[1]) ?? (zeroThat ? zeroThatClause(ctx, inner, j, s, inner.range[1]) : null)) !== null) return j;
  }
  return null;
}

export function buildFromVerb(ctx: Ctx, c: number): void {
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
  // A passive ("has been told to prepare a « … »") governs no fragment: its words come from an unnamed agent.
  if ((!cue.passive && governedFragment(ctx, c, s, k)) || blockQuote(ctx, c, s)) return;
  for (const read of CLAUSE_READERS) {
    const found = read(ctx, cue, c, s, k);
    if (found) return addClause(ctx, c, found.span, s.index, found.rule, found.fragments);
  }
}

/** The cue stands in an incise at the end of its sentence: only its subject and punctuation follow. */
function isIncise(ctx: Ctx, s: Sentence, cue: Cue, comma: number): boolean {
  const between = ctx.text.slice(comma + 1, cue.start);
  const mentions = ctx.doc.layers.mentions!;
  if (between.trim() !== '' && !subjectAfterComma(ctx, cue, comma)) return false;
  // Only the inverted subject and a short phrase may follow: ", a indiqué la police." / ", police said Tuesday."
  let k = cue.range[1];
  while (k < s.tokens[1] && ctx.lex.adverbs.has(ctx.tokens[k]!.norm)) k++;
  const inverted = mentions[mentionIndex(mentions).byStart.get(ctx.tokens[k]?.start ?? -1) ?? -1];
  if (between.trim() === '' && !inverted && cue.clitic === null) return false;
  // "…, Bachelet a salué les progrès.": a subject's verb with a direct object of its own reports no words before it.
  if (between.trim() !== '' && ctx.determiners.get(ctx.tokens[k]?.norm ?? '') && !ctx.pack.verbs[cue.lemma]!.addresseeObject) return false;
  if (inverted) k = tokenAt(ctx.tokens, inverted.end);
  // The subject may carry a complement: ", affirme Rami Abd al-Rahman de l'Observatoire syrien des droits de l'homme."
  // What follows a comma adds to the incise (a mid-sentence incise was read before): ", police said, adding that more
  // arrests were expected.", ", Sanders said, a policy that could…"; but quoted words after the comma are the verb's
  // own (", coach Maaloul said, “We were…”).
  let end = s.tokens[1];
  for (let j = k; j < end; j++) if (ctx.tokens[j]!.norm === ',' && ctx.tokens[j + 1]?.kind !== 'quote') end = j;
  return end - k <= 12 && !ctx.tokens.slice(k, end).some((t) => t.kind === 'quote' || ctx.lex.complementizers.has(t.norm));
}

/**
 * An according-frame's clause: after it when the frame leads ("Selon X, …"), around it when it is a parenthesis
 * ("…, d'après X, …"), before it when it trails ("…, selon X."). A clause already reported by a verb cue keeps the
 * frame as its channel instead (attribute reads it there).
 */
export function buildFromAccording(ctx: Ctx, c: number): void {
  const cue = ctx.cues[c]!;
  if (insideQuotedSpeech(ctx, cue)) return;
  const s = ctx.sentences[cue.sentence]!;
  // The source runs to a comma; a period inside the sentence is an initial's or an abbreviation's ("Dennis B. Ross").
  let j = cue.range[1];
  while (j < s.tokens[1] && ctx.tokens[j]!.norm !== ',' && !/^[;!?]$/.test(ctx.tokens[j]!.norm)) j++;
  const commaAfter = ctx.tokens[j]?.norm === ',' ? ctx.tokens[j]! : null;
  const clauseFrom = clauseStartBefore(ctx, s, cue.start);
  // An inner frame after a leading one leads too: "According to Yonhap, quoting KCNA, …".
  const outer = ctx.cues[c - 1];
  const afterLead = !!outer && outer.kind === 'according' && outer.sentence === cue.sentence && words(ctx, { start: clauseFrom, end: outer.start }) < 2
    && /^[^,]*,\s*$/.test(ctx.text.slice(outer.end, cue.start));
  const lead = afterLead || words(ctx, { start: clauseFrom, end: cue.start }) < 2;
  const commaBefore = /,\s*$/.test(ctx.text.slice(clauseFrom, cue.start));
  let span: Span | null = null;
  let split: Span[] | undefined;
  let rule = 'quote.indirect.according-before';
  if (lead && commaAfter) {
    // "According to Yonhap, quoting KCNA, …": the inner frame names the source; the outer becomes its channel.
    const next = ctx.cues[cuesIn(ctx, commaAfter.end, commaAfter.end)[0]];
    const inner = !!next && next.kind === 'according' && /^\s*$/.test(ctx.text.slice(commaAfter.end, next.start));
    if (inner || reportedWithin(ctx, { start: commaAfter.end, end: s.end })) return;
    span = { start: commaAfter.end, end: clauseEnd(ctx, commaAfter.end, s, c) };
  } else if (commaBefore && commaAfter && s.tokens[1] - j > 3) {
    // "At the heart of the trouble, according to Dennis B. Ross, another former envoy, was a decision…": one quote in
    // two fragments, the frame and the source's apposition left out.
    const resume = pastApposition(ctx, j + 1, s);
    const end = clauseEnd(ctx, ctx.tokens[resume]!.start, s, c);
    span = { start: clauseFrom, end };
    split = [{ start: clauseFrom, end: ctx.text.lastIndexOf(',', cue.start) }, { start: ctx.tokens[resume]!.start, end }];
    rule = 'quote.indirect.according-parenthesis';
  } else if (commaBefore) {
    span = { start: clauseFrom, end: ctx.text.lastIndexOf(',', cue.start) };
    rule = 'quote.indirect.according-after';
  }
  // A clause whose own verb reports it ("Selon l'AFP, X a déclaré que…"), now or in a later pass, keeps the frame as
  // its channel.
  if (!span || reportedWithin(ctx, span) || overlapsQuote(ctx, span) || nestedReport(ctx, c, span, true) !== null) return;
  addClause(ctx, c, span, s.index, rule, split);
}

/** Past an apposition that ends at a comma ("another former envoy,"): a few words and no verb. */
function pastApposition(ctx: Ctx, k: number, s: Sentence): number {
  for (let j = k; j < Math.min(s.tokens[1] - 1, k + 8); j++) {
    const t = ctx.tokens[j]!;
    if (t.norm === ',') return j > k ? j + 1 : k;
    if (t.kind === 'quote' || predicateStarts(ctx, t) || ctx.lex.verbForms.has(t.norm)) return k;
  }
  return k;
}

/** A quote already reported by a verb cue inside this span. */
function reportedWithin(ctx: Ctx, span: Span): boolean {
  const [c0, c1] = cuesIn(ctx, span.start, span.end);
  for (let c = c0; c < c1; c++) if (ctx.usedCues.has(c) && ctx.cues[c]!.kind === 'verb' && ctx.cues[c]!.end <= span.end) return true;
  return false;
}

/** The source of an according-frame is a person or group (not an outlet or a document). */
export function sourceSpeaks(ctx: Ctx, cue: Cue): boolean {
  const next = ctx.tokens[cue.range[1]];
  if (!next) return false;
  const m = mentionsIn(ctx, next.start, next.end + 5)[0];
  return !!m && (m.type === 'person' || m.type === 'group' || m.type === 'place');
}
