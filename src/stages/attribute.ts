/**
 * attribute: for each quote, the speaker (from its cue: inverted clitic, subject before the verb, inverted subject
 * after it, the source of an according-frame, the name before a colon), the addressee ("lui", "à X", "told X"),
 * the channels it came through ("dans un communiqué", "selon l'AFP", "in an interview with the BBC") and the time
 * ("mardi", "on Tuesday") resolved against the document date.
 */
import type { Stage } from '../pipeline.js';
import type { Cue, Document, Entity, Mention, QuoteDraft, Ref, Sentence, TimeRef, Token } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { lexicon, type Lexicon } from '../lang/lexicon.js';
import { lowerBound, tokenAt } from '../lib/tokens.js';
import { mentionIndex, mentionsIn } from '../lib/mention-index.js';
import { asMap } from '../lib/records.js';
import { resolveDate, resolveDayMonth } from '../lib/dates.js';

interface Ctx {
  doc: Document;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: Map<string, Entity>;
  pack: LanguagePack;
  lex: Lexicon;
  /** The pack's determiners as a Map (src/lib/records.ts): looked up once per token. */
  determiners: Map<string, LanguagePack['determiners'][string]>;
}

/** Mentions that can speak: not media used as a place, not documents unless nothing else is there. */
const speaks = (m: Mention) => m.kind !== 'channel';

function mentionStartingAt(ctx: Ctx, tokenIndex: number): number | null {
  const t = ctx.tokens[tokenIndex];
  if (!t) return null;
  return mentionIndex(ctx.mentions).byStart.get(t.start) ?? null;
}

function mentionEndingAt(ctx: Ctx, offset: number): number | null {
  for (let i = lowerBound(ctx.mentions, offset, (m) => m.start) - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.end <= offset && /^[\s]*$/u.test(ctx.text.slice(m.end, offset))) return i;
    if (m.end < offset - 200) break;
  }
  return null;
}

/** Skips adverbs and the like from token k onwards. */
function skipAdverbs(ctx: Ctx, k: number, end: number): number {
  while (k < end && (ctx.lex.adverbs.has(ctx.tokens[k]!.norm) || ctx.lex.auxiliaries.has(ctx.tokens[k]!.norm))) k++;
  return k;
}

/** The speaker mention of a verb cue. */
function verbSubject(ctx: Ctx, cue: Cue, q: QuoteDraft): number | null {
  if (cue.clitic) {
    // "dit-on": an impersonal subject names nobody.
    if (ctx.pack.impersonalPronouns.includes(ctx.text.slice(cue.clitic.start, cue.clitic.end).toLowerCase())) return null;
    const i = mentionIndex(ctx.mentions).byStart.get(cue.clitic.start);
    if (i !== undefined) return i;
  }
  const s = ctx.sentences[cue.sentence]!;
  // "…, ajoutant « … »", "en affirmant que…": a gerund or infinitive shares the subject of its main clause.
  if (cue.form === 'gerund' || cue.form === 'infinitive') return mainSubject(ctx, cue);
  // "They claimed … and claim she…": a coordinated verb shares the subject of the verb before it.
  const joiner = ctx.tokens[cue.range[0] - 1];
  if (joiner && ctx.pack.coordinators.includes(joiner.norm)) {
    const shared = mainSubject(ctx, cue);
    if (shared !== null) return shared;
  }
  // Subject just before the verb group: "Le maire a prévenu", "“…,” Lee said", "qui a déclaré".
  const before = headOf(ctx, mentionEndingAt(ctx, cue.start), s);
  if (before !== null && ctx.mentions[before]!.start >= s.start && speaks(ctx.mentions[before]!)) {
    const m = ctx.mentions[before]!;
    if (!(m.kind === 'pronoun' && ctx.pack.addresseeClitics.includes(m.text.toLowerCase()))) return before;
  }
  // Inverted subject right after: ", a déclaré la ministre Anne Roy", "said Governor Ann Lee", "déclare à l'AFP X".
  const after = mentionStartingAt(ctx, skipAddressee(ctx, skipAdverbs(ctx, cue.range[1], s.tokens[1]), s.tokens[1]));
  if (after !== null && ctx.mentions[after]!.kind !== 'relative' && speaks(ctx.mentions[after]!) && (cue.inverted || q.content.end <= cue.start)) return pastPossessor(ctx, after, s);
  // Otherwise the first mention of the clause that is not inside a prepositional phrase.
  const clauseStart = Math.max(s.start, q.content.end <= cue.start && q.content.start >= s.start ? q.content.end : s.start);
  for (const i of mentionsIn(ctx.mentions, s.index)) {
    const m = ctx.mentions[i]!;
    if (m.start < clauseStart || m.quoted) continue;
    if (m.start >= cue.start) break;
    const k = tokenAt(ctx.tokens, m.start);
    const prev = ctx.tokens[k - 1];
    if (prev && (ctx.pack.channelPrepositions.includes(prev.norm) || ctx.lex.ofWords.has(prev.norm) || ctx.pack.addresseePrepositions.includes(prev.norm) || ctx.pack.accordingFrames.some((f) => f[f.length - 1] === prev.norm))) continue;
    if (m.kind === 'media' && m.type === 'media' && q.kind !== 'direct') continue;
    return i;
  }
  return null;
}

/**
 * The head of the noun phrase a mention closes: "A spokeswoman for Hillary Clinton said", "Experts on North Korea
 * said" — the spokeswoman and the experts speak, not the name in their complement.
 */
function headOf(ctx: Ctx, i: number | null, s: Sentence): number | null {
  for (let k = i; k !== null;) {
    const prep = ctx.tokens[tokenAt(ctx.tokens, ctx.mentions[k]!.start) - 1];
    const head = prep && ctx.pack.complementPrepositions.includes(prep.norm) ? mentionEndingAt(ctx, prep.start) : null;
    if (head === null || ctx.mentions[head]!.start < s.start || !speaks(ctx.mentions[head]!) || ctx.mentions[head]!.kind === 'pronoun') return k;
    k = head;
  }
  return i;
}

/** Skips "à l'AFP", "aux journalistes", "to reporters" between an inverted verb and its subject. */
function skipAddressee(ctx: Ctx, k: number, end: number): number {
  const t = ctx.tokens[k];
  if (!t || !ctx.pack.addresseePrepositions.includes(t.norm)) return k;
  const first = lowerBound(ctx.mentions, t.start, (x) => x.start);
  const m = ctx.mentions[first] && ctx.mentions[first]!.start <= ctx.tokens[Math.min(k + 2, end - 1)]!.start ? ctx.mentions[first] : undefined;
  if (!m) return k;
  const next = tokenAt(ctx.tokens, m.end);
  return ctx.tokens[next]?.norm === ',' ? next + 1 : next;
}

/** The subject of the finite verb cue before this one in the sentence, else the sentence's first mention. */
function mainSubject(ctx: Ctx, cue: Cue): number | null {
  const cues = ctx.doc.layers.cues!;
  for (let c = cues.indexOf(cue) - 1; c >= 0; c--) {
    const prev = cues[c]!;
    if (prev.sentence !== cue.sentence) break;
    if (prev.kind === 'verb' && prev.form !== 'gerund' && prev.form !== 'infinitive') {
      const q = ctx.doc.layers.quotes!.find((x) => x.cue === c);
      return verbSubject(ctx, prev, q ?? { content: { start: prev.start, end: prev.end } } as QuoteDraft);
    }
  }
  const s = ctx.sentences[cue.sentence]!;
  const first = mentionsIn(ctx.mentions, s.index).find((i) => {
    const m = ctx.mentions[i]!;
    return !m.quoted && m.start < cue.start && (m.type === 'person' || m.type === 'organization' || m.type === 'group');
  });
  return first ?? null;
}

/**
 * The head of a noun phrase that a possessor opens: in "North Korea's news agency KCNA" and "Britain's foreign
 * secretary Boris Johnson" the agency and the secretary speak. A possessor is a mention with a determiner glued to
 * its end ("'s"); the head is the phrase's next mention, a few words on.
 */
function pastPossessor(ctx: Ctx, i: number, s: Sentence): number {
  const k = tokenAt(ctx.tokens, ctx.mentions[i]!.end);
  const glued = ctx.tokens[k];
  if (!glued || glued.start !== ctx.mentions[i]!.end || !ctx.determiners.get(glued.norm)) return i;
  for (let j = k + 1; j < Math.min(s.tokens[1], k + 6) && ctx.tokens[j]!.kind === 'word'; j++) {
    const head = mentionStartingAt(ctx, j);
    if (head !== null) return speaks(ctx.mentions[head]!) ? pastPossessor(ctx, head, s) : i;
  }
  return i;
}

function accordingSource(ctx: Ctx, cue: Cue): number | null {
  const s = ctx.sentences[cue.sentence]!;
  let k = cue.range[1];
  if (k < s.tokens[1] && ctx.determiners.get(ctx.tokens[k]!.norm) && mentionStartingAt(ctx, k) === null) k++;
  const source = mentionStartingAt(ctx, k);
  return source === null ? null : pastPossessor(ctx, source, s);
}

function speakerOf(ctx: Ctx, q: QuoteDraft): number | null {
  if (q.cue === null) return null;
  const cue = ctx.doc.layers.cues![q.cue]!;
  if (cue.passive) return null;
  if (cue.kind === 'according') return accordingSource(ctx, cue);
  if (cue.kind === 'colon') return mentionEndingAt(ctx, cue.start);
  return verbSubject(ctx, cue, q);
}

function ref(ctx: Ctx, i: number): Ref {
  const m = ctx.mentions[i]!;
  const e = m.entity ? ctx.entities.get(m.entity) : undefined;
  return { name: e?.name ?? m.name ?? m.text, entity: e?.id ?? null, mention: { start: m.start, end: m.end, text: m.text } };
}

/** Addressee: an object clitic resolved to the salient other person, "à X", "told X", "said to X". */
function addresseeOf(ctx: Ctx, q: QuoteDraft, speaker: string | null): Ref | null {
  if (q.cue === null) return null;
  const cue = ctx.doc.layers.cues![q.cue]!;
  if (cue.kind !== 'verb') return null;
  const s = ctx.sentences[cue.sentence]!;
  // "She was told to disconnect": the passive subject is the one spoken to.
  if (cue.passive) {
    const subject = mentionEndingAt(ctx, cue.start);
    return subject !== null ? ref(ctx, subject) : null;
  }
  if (cue.objectClitic) {
    // "lui a-t-il dit": the most recent person other than the speaker.
    // The salient other person: a person known as such (a first name, honorific or role gives a gender), mentioned
    // often so far and recently ("… Marine Le Pen … l'avait appelée … « … », lui avait dit Christian Jacob").
    let best: number | null = null;
    let bestScore = -Infinity;
    for (let i = lowerBound(ctx.mentions, cue.start, (x) => x.start) - 1; i >= 0; i--) {
      const m = ctx.mentions[i]!;
      if (cue.sentence - m.sentence > 6) break;
      if (m.start >= cue.start || m.kind === 'pronoun' || m.kind === 'relative' || m.quoted) continue;
      if (m.type !== 'person' || !m.entity || m.entity === speaker) continue;
      const e = ctx.entities.get(m.entity)!;
      const seen = e.mentions.filter((k) => ctx.mentions[k]!.start < cue.start).length;
      const score = seen - 0.5 * (cue.sentence - m.sentence) + (e.gender ? 1 : 0);
      if (score > bestScore) { bestScore = score; best = i; }
    }
    return best !== null ? ref(ctx, best) : null;
  }
  const verb = ctx.pack.verbs[cue.lemma];
  let k = skipAdverbs(ctx, cue.range[1], s.tokens[1]);
  // Skip an inverted subject: ", a déclaré Bachelet à Xi".
  const inv = mentionStartingAt(ctx, k);
  if (inv !== null && ctx.mentions[inv]!.entity === speaker) k = tokenAt(ctx.tokens, ctx.mentions[inv]!.end);
  const t = ctx.tokens[k];
  if (!t || k >= s.tokens[1]) return null;
  if (ctx.pack.addresseePrepositions.includes(t.norm)) {
    let j = k + 1;
    if (ctx.determiners.get(ctx.tokens[j]?.norm ?? '') && mentionStartingAt(ctx, j) === null) j++;
    const m = mentionStartingAt(ctx, j) ?? mentionStartingAt(ctx, k);
    return m !== null ? ref(ctx, m) : null;
  }
  if (verb?.addresseeObject) {
    const m = mentionStartingAt(ctx, k);
    if (m !== null && ctx.mentions[m]!.kind !== 'relative') return ref(ctx, m);
    // "told reporters": a bare plural noun is the addressee.
    if (t.kind === 'word' && !ctx.lex.functionWords.has(t.norm) && !ctx.lex.verbForms.has(t.norm)) {
      return { name: ctx.text.slice(t.start, t.end), entity: null, mention: { start: t.start, end: t.end, text: ctx.text.slice(t.start, t.end) } };
    }
  }
  return null;
}

interface Channels {
  via: Ref[];
  /** Whom the channel was addressed to: "in a statement to the ABC", "dans une interview à Radio Sawa". */
  addressee: Ref | null;
}

/** Channel phrases in the quote's and cue's sentences: "dans un communiqué", "sur Twitter", "in an interview with the BBC". */
function channelsOf(ctx: Ctx, q: QuoteDraft, speaker: string | null): Channels {
  const out: Channels = { via: [], addressee: null };
  const sentences = new Set<number>([q.sentence]);
  if (q.cue !== null) sentences.add(ctx.doc.layers.cues![q.cue]!.sentence);
  for (const si of sentences) {
    const s = ctx.sentences[si]!;
    for (let k = s.tokens[0]; k < s.tokens[1]; k++) {
      if (ctx.pack.channelPrepositions.includes(ctx.tokens[k]!.norm)) readChannel(ctx, k, s, speaker, out);
    }
  }
  out.via = dedupe(out.via);
  return out;
}

function readChannel(ctx: Ctx, k: number, s: Sentence, speaker: string | null, out: Channels): void {
  const prep = ctx.tokens[k]!;
  let j = k + 1;
  if (ctx.lex.ofWords.has(ctx.tokens[j]?.norm ?? '')) j++; // "lors d'une conférence"
  const determined = !!ctx.determiners.get(ctx.tokens[j]?.norm ?? '');
  if (determined) j++;
  // "a public statement": one adjective may stand before the channel noun.
  let found = matchChannel(ctx, j, s.tokens[1]);
  if (!found && determined && ctx.lex.isPlainWord(ctx.tokens[j]?.norm ?? '')) found = matchChannel(ctx, j + 1, s.tokens[1]);
  // "par rapport à" is no report: a bare channel noun needs an article, unless it is a platform ("sur Twitter").
  const hit = found && (determined || found.type === 'media' || ctx.pack.bareChannelPrepositions.includes(prep.norm)) ? found : null;
  if (!hit) {
    // "dans les colonnes du Times", "à l'AFP" after a verb: a media name is a channel.
    const m = mentionStartingAt(ctx, j) ?? mentionStartingAt(ctx, k + 1);
    if (m !== null && ctx.mentions[m]!.type === 'media' && ctx.mentions[m]!.entity !== speaker) out.via.push(ref(ctx, m));
    return;
  }
  const start = ctx.tokens[j]!.start;
  const channel: Ref = { name: hit.name, entity: null, mention: { start, end: ctx.tokens[hit.end - 1]!.end, text: ctx.text.slice(start, ctx.tokens[hit.end - 1]!.end) } };
  // "interview with the BBC", "statement to the ABC": whoever it went to is addressee and channel too;
  // "dans les colonnes du Times": an outlet named as the owner is the channel itself.
  let after = hit.end;
  const link = ctx.tokens[after]?.norm ?? '';
  const toward = link === ctx.pack.withWord || ctx.pack.addresseePrepositions.includes(link);
  after++;
  if (ctx.determiners.get(ctx.tokens[after]?.norm ?? '') && mentionStartingAt(ctx, after) === null) after++;
  const m = toward || ctx.lex.ofWords.has(link) ? mentionStartingAt(ctx, after) : null;
  const named = m !== null && ctx.mentions[m]!.entity !== speaker ? ref(ctx, m) : null;
  if (named && !toward && ctx.mentions[m!]!.type === 'media') {
    out.via.push(named);
    return;
  }
  out.via.push(channel);
  if (named && toward) {
    out.via.push(named);
    out.addressee ??= named;
  }
}

function matchChannel(ctx: Ctx, k: number, end: number): { end: number; name: string; type: string } | null {
  const t = ctx.tokens[k];
  if (!t || k >= end) return null;
  const max = ctx.lex.channelFirstLen.get(t.norm);
  if (!max) return null;
  for (let n = Math.min(max, end - k); n >= 1; n--) {
    const key = ctx.tokens.slice(k, k + n).map((x) => x.norm).join(' ').replace(/' /g, "'");
    const ch = ctx.lex.channels.get(key);
    if (ch) return { end: k + n, name: ch.name, type: ch.type };
  }
  return null;
}

/** According-frames that made no quote of their own name the channel of the quotes in their sentence. */
function framesAsChannels(ctx: Ctx, q: QuoteDraft, used: Set<number>): Ref[] {
  const out: Ref[] = [];
  const cues = ctx.doc.layers.cues!;
  for (let c = lowerBound(cues, ctx.sentences[q.sentence]!.start, (x) => x.start); c < cues.length && cues[c]!.sentence === q.sentence; c++) {
    const cue = cues[c]!;
    if (cue.kind !== 'according' || used.has(c)) continue;
    const m = accordingSource(ctx, cue);
    if (m === null) continue;
    out.push(ref(ctx, m));
    // "selon CCTV et Xinhua": each coordinated source is a channel.
    for (let k = m; k + 1 < ctx.mentions.length; k++) {
      const next = ctx.mentions[k + 1]!;
      const between = ctx.text.slice(ctx.mentions[k]!.end, next.start).trim().toLowerCase();
      if (!ctx.pack.coordinators.includes(between) && between !== ',') break;
      out.push(ref(ctx, k + 1));
    }
  }
  return out;
}

/** The subject of an outer report ("la lecture officielle a affirmé que…") is the channel of the nested quote. */
function reporterOf(ctx: Ctx, q: QuoteDraft): Ref[] {
  if (q.outerCue === null || q.outerCue === undefined) return [];
  const cue = ctx.doc.layers.cues![q.outerCue]!;
  const m = verbSubject(ctx, cue, { ...q, content: { start: cue.end, end: cue.end } });
  return m !== null ? [ref(ctx, m)] : [];
}

function dedupe(refs: Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function timeOf(ctx: Ctx, q: QuoteDraft): TimeRef | null {
  if (q.cue === null) return null;
  const cue = ctx.doc.layers.cues![q.cue]!;
  const s = ctx.sentences[cue.sentence]!;
  let best: TimeRef | null = null;
  const consider = (from: number, to: number, date: string | null) => {
    const t = ctx.tokens[from]!;
    const end = ctx.tokens[to - 1]!.end;
    if (!best || Math.abs(t.start - cue.start) < Math.abs(best.start - cue.start)) best = { start: t.start, end, text: ctx.text.slice(t.start, end), date };
  };
  for (let k = s.tokens[0]; k < s.tokens[1]; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.lex.dayWords.has(t.norm)) consider(k, k + 1, resolveDate(ctx.doc.date, t.norm, ctx.pack.time));
    const month = ctx.lex.months.get(t.norm);
    if (month === undefined) continue;
    // "24 mai (2012)" or "May 24(, 2012)"
    const before = ctx.tokens[k - 1];
    const after = ctx.tokens[k + 1];
    const yearAt = (i: number) => (ctx.tokens[i]?.kind === 'number' && /^\d{4}$/.test(ctx.tokens[i]!.norm) ? i : -1);
    if (before?.kind === 'number' && k - 1 >= s.tokens[0]) {
      const y = yearAt(k + 1);
      consider(k - 1, y >= 0 ? y + 1 : k + 1, resolveDayMonth(ctx.doc.date, Number(before.norm), month, y >= 0 ? Number(ctx.tokens[y]!.norm) : null));
    } else if (after?.kind === 'number' && after.norm.length <= 2) {
      const y = yearAt(ctx.tokens[k + 2]?.norm === ',' ? k + 3 : k + 2);
      consider(k, y >= 0 ? y + 1 : k + 2, resolveDayMonth(ctx.doc.date, Number(after.norm), month, y >= 0 ? Number(ctx.tokens[y]!.norm) : null));
    }
  }
  return best;
}

export const attribute: Stage = {
  name: 'attribute',
  requires: ['quotes', 'cues', 'mentions', 'entities', 'sentences', 'tokens'],
  produces: [],
  run(doc, pack) {
    const ctx: Ctx = {
      doc, text: doc.text, tokens: doc.layers.tokens!, sentences: doc.layers.sentences!, mentions: doc.layers.mentions!,
      entities: new Map(doc.layers.entities!.map((e) => [e.id, e])), pack, lex: lexicon(pack), determiners: asMap(pack.determiners),
    };
    const usedCues = new Set(doc.layers.quotes!.map((q) => q.cue).filter((c): c is number => c !== null));
    const quotes = doc.layers.quotes!.map((q) => {
      const m = q.cue === null ? q.speakerMention : speakerOf(ctx, q);
      const mention = m !== null ? ctx.mentions[m]! : null;
      const entity = mention?.entity ?? null;
      const evidence = [...q.evidence];
      if (q.cue !== null) evidence.push(doc.layers.cues![q.cue]!.rule);
      if (mention?.kind === 'pronoun' || mention?.kind === 'relative') evidence.push(mention.entity ? 'coref.pronoun.salience' : 'coref.pronoun.unresolved');
      const channels = channelsOf(ctx, q, entity);
      const addressee = addresseeOf(ctx, q, entity) ?? channels.addressee;
      let via = dedupe([...channels.via, ...framesAsChannels(ctx, q, usedCues), ...reporterOf(ctx, q)]);
      const speakerRef = m !== null ? ref(ctx, m) : null;
      if (speakerRef) via = via.filter((v) => v.name !== speakerRef.name);
      if (addressee && addressee.mention) {
        const am = ctx.mentions[mentionIndex(ctx.mentions).byStart.get(addressee.mention.start) ?? -1];
        if (am?.type === 'media' && !via.some((v) => v.name === addressee.name)) via.push(addressee);
      }
      const carriedVia = via.filter((v) => channels.via.includes(v));
      return { ...q, speakerMention: m, speakerEntity: entity, addressee, via, carriedVia, time: timeOf(ctx, q), evidence };
    });
    return { ...doc, layers: { ...doc.layers, quotes } };
  },
};
