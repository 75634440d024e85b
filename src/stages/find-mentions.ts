/**
 * find-mentions: the noun phrases that can speak or be spoken to — proper names (with their honorifics and role
 * words), role and body phrases ("le porte-parole de la police", "the spokesman", "police"), media names, acronyms,
 * and third-person pronouns. Each mention carries gender, number and type, from first names, honorifics,
 * determiners and role words. Mentions come in text order, one per start (find-cues searches them by offset).
 */
import type { Stage } from '../pipeline.js';
import type { EntityType, Gender, Mention, Quoted, Sentence, Token } from '../types.js';
import type { LanguagePack, PronounInfo, RoleInfo } from '../lang/pack.js';
import { lexicon, type Lexicon } from '../lang/lexicon.js';
import { OPENING_MARK, lowerBound, tokenAt } from '../lib/tokens.js';
import { asMap } from '../lib/records.js';
import { keyPrefixes } from '../lib/phrases.js';
import {
  AUXILIARY, BODY, BODY_FIRST, CAPITALISED, DETERMINER, FIRST_NAME, FRAME_FIRST, FUNCTION_WORD, HONORIFIC, MEDIA_FIRST, MENTION_STARTER,
  NOT_NAME,
  OF_WORD, PARTICLE, PLAIN, PRONOUN, ROLE, ROLE_FIRST, VERB_FORM, WORD, is, tokenClasses,
} from '../lib/word-classes.js';

interface Ctx {
  text: string;
  tokens: Token[];
  pack: LanguagePack;
  lex: Lexicon;
  /** The pack's records as Maps (see lib/records.ts). */
  pronouns: Map<string, PronounInfo>;
  determiners: Map<string, LanguagePack['determiners'][string]>;
  firstNames: Map<string, Gender>;
  /** Sentence openers (and words after an opening mark) also seen capitalised away from a sentence start: evidence
   * that they are names. */
  midCaps: Set<string>;
  quoted: Quoted[];
  /** Sentence openers (and words after an opening mark) that are written in lower case somewhere in the document. */
  lower: Set<string>;
  /** 1 for tokens between quote marks. */
  inQuote: Uint8Array;
  /** The word classes of each token (see lib/word-classes.ts). */
  classes: Int32Array;
}

/** After a sentence-initial candidate: another capitalised word, a colon, a comma or a verb make it a subject. */
function nextIsNameLike(ctx: Ctx, i: number): boolean {
  const next = ctx.tokens[i + 1];
  if (!next) return true;
  return next.upper || next.norm === ':' || next.norm === ',' || is(ctx.classes, i + 1, VERB_FORM | AUXILIARY);
}


/** Is this capitalised token plausibly part of a name (not a sentence-initial function word)? */
function nameWord(ctx: Ctx, i: number, sentenceStart: number): boolean {
  if (!is(ctx.classes, i, CAPITALISED) || is(ctx.classes, i, NOT_NAME)) return false;
  const t = ctx.tokens[i]!;
  if (i === sentenceStart || isAfterOpeningMark(ctx, i)) {
    const raw = ctx.text.slice(t.start, t.end);
    if (is(ctx.classes, i, VERB_FORM | PRONOUN | DETERMINER)) return false;
    if (/^\p{Lu}{2,}$/u.test(raw)) return true; // acronym
    if (ctx.midCaps.has(raw) || is(ctx.classes, i, FIRST_NAME)) return true;
    // A capitalised sentence opener never written in lower case in the document is a name ("Obama : « … »").
    return raw.length > 1 && !ctx.lower.has(t.norm) && !is(ctx.classes, i, FUNCTION_WORD | ROLE | BODY) && nextIsNameLike(ctx, i);
  }
  return true;
}

function isAfterOpeningMark(ctx: Ctx, i: number): boolean {
  const prev = ctx.tokens[i - 1];
  return !!prev && prev.kind === 'quote' && OPENING_MARK.test(ctx.text[prev.start]!);
}

/**
 * What `nameWord` asks of a capitalised sentence opener or word after an opening mark, and of no other word: is it
 * written in lower case somewhere in the document, and is it written (exactly so) capitalised inside a sentence?
 * Collecting the answers for these words only spares a set of every lower-case and every capitalised word.
 */
function openerEvidence(ctx: Ctx, sentences: Sentence[]): { lower: Set<string>; midCaps: Set<string> } {
  const { text, tokens } = ctx;
  const openers = new Set<string>();
  for (const s of sentences) if (is(ctx.classes, s.tokens[0], CAPITALISED)) openers.add(tokens[s.tokens[0]]!.norm);
  for (let i = 1; i < tokens.length; i++) if (is(ctx.classes, i, CAPITALISED) && isAfterOpeningMark(ctx, i)) openers.add(tokens[i]!.norm);
  const lower = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.upper && openers.has(t.norm)) lower.add(t.norm);
  // A word's norm follows from its letters, so a capitalised form of an opener has the opener's norm.
  const midCaps = new Set<string>();
  for (const s of sentences) {
    for (let i = s.tokens[0] + 1; i < s.tokens[1]; i++) {
      const t = tokens[i]!;
      const prev = tokens[i - 1]!;
      if (t.kind === 'word' && t.upper && openers.has(t.norm) && prev.kind !== 'quote' && !/[.:!?]/.test(text[prev.start]!)) midCaps.add(text.slice(t.start, t.end));
    }
  }
  return { lower, midCaps };
}

/** Extends a name run from token i: capitalised words, joined by particles ("de", "Le", "al-") and hyphens. */
function nameRun(ctx: Ctx, i: number, end: number, sentenceStart: number): number {
  let j = i;
  while (j < end) {
    const dotted = initialism(ctx, j, end);
    if (dotted > j) {
      j = dotted;
      continue;
    }
    if (nameWord(ctx, j, sentenceStart) && !is(ctx.classes, j, ROLE_FIRST)) {
      j++;
      continue;
    }
    const t = ctx.tokens[j]!;
    if (j > i && is(ctx.classes, j, PARTICLE) && j + 1 < end && nameWord(ctx, j + 1, sentenceStart)) {
      j++;
      continue;
    }
    // A middle initial: "Dennis B. Ross", "John F. Kennedy".
    const prev = ctx.tokens[j - 1]!;
    if (j > i + 1 && t.norm === '.' && prev.end === t.start && prev.end - prev.start === 1 && prev.upper && j + 1 < end && nameWord(ctx, j + 1, sentenceStart)) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** Past an initialism written with periods ("F.B.I.", "U.S."): single capitals, each glued to its period. */
function initialism(ctx: Ctx, j: number, end: number): number {
  let k = j;
  while (k + 1 < end) {
    const t = ctx.tokens[k]!;
    const dot = ctx.tokens[k + 1]!;
    if (t.end - t.start !== 1 || !t.upper || dot.start !== t.end || dot.norm !== '.' || (k > j && t.start !== ctx.tokens[k - 1]!.end)) break;
    k += 2;
  }
  return k - j >= 4 ? k : j;
}

/**
 * Matches a (possibly multi-word) key of `table` starting at token i; returns [key, length] or null. `first` is the
 * word class of the first words of its keys.
 */
function matchPhrase<T>(ctx: Ctx, i: number, end: number, table: Map<string, T>, firsts: Map<string, number>, first: number): [string, number] | null {
  if (i >= end || !is(ctx.classes, i, first)) return null;
  const max = firsts.get(ctx.tokens[i]!.norm);
  if (!max) return null;
  // The longest key wins: keep the last one found while the phrase grows, as long as some key starts with it.
  let found: [string, number] | null = null;
  let key = '';
  const longest = Math.min(max, end - i);
  for (let n = 0; n < longest; n++) {
    const norm = ctx.tokens[i + n]!.norm;
    key = n === 0 ? norm : key.endsWith("'") ? key + norm : `${key} ${norm}`;
    if (table.has(key)) found = [key, n + 1];
    if (n + 1 < longest && !keyPrefixes(table).has(key)) break;
  }
  return found;
}

type MentionFields = Pick<Mention, 'kind' | 'type' | 'gender' | 'number' | 'name' | 'role'>;

/** Every mention is written with the same keys in the same order, so that all share one shape. */
function mention(ctx: Ctx, s: number, e: number, f: MentionFields, sentence: number): Mention {
  const start = ctx.tokens[s]!.start;
  const end = ctx.tokens[e - 1]!.end;
  const quoted = ctx.inQuote[s] === 1;
  return {
    start, end, text: ctx.text.slice(start, end), gender: f.gender, number: f.number, name: f.name, role: f.role, sentence, quoted,
    kind: f.kind, type: f.type,
  };
}

function genderOfName(ctx: Ctx, i: number): Gender {
  const first = ctx.tokens[i]!;
  // A compound first name ("jean-marie") not listed as such is read by its first part.
  const g = (is(ctx.classes, i, FIRST_NAME) ? ctx.firstNames.get(first.norm) : undefined) ?? (/[-‑]/.test(first.norm) ? ctx.firstNames.get(first.norm.split(/[-‑]/)[0]!) : undefined);
  return g ?? null;
}

/** Reads a role or body phrase at i (after an optional determiner): role words, then "de …" complements. */
function rolePhrase(ctx: Ctx, i: number, end: number): { start: number; end: number; key: string; info: RoleInfo; body: boolean } | null {
  const role = matchPhrase(ctx, i, end, ctx.lex.roles, ctx.lex.roleFirstLen, ROLE_FIRST);
  const body = role ? null : matchPhrase(ctx, i, end, ctx.lex.bodies, ctx.lex.bodyFirstLen, BODY_FIRST);
  const hit = role ?? body;
  if (!hit) return null;
  const [key, n] = hit;
  let j = i + n;
  // Complements: "du ministère des Affaires étrangères", "de la police madrilène", "of the union".
  for (let k = 0; k < 3 && j < end; k++) {
    const t = ctx.tokens[j]!;
    // "… de la mission onusienne en Syrie": a place phrase closes the role.
    if (ctx.pack.placePrepositions.includes(t.norm)) {
      let m = j + 1;
      if (m < end && is(ctx.classes, m, DETERMINER)) m++;
      const place = nameRun(ctx, m, end, -1);
      if (place > m) j = place;
      break;
    }
    if (!is(ctx.classes, j, OF_WORD)) break;
    let m = j + 1;
    if (m < end && is(ctx.classes, m, DETERMINER) && !is(ctx.classes, m, OF_WORD)) m++;
    const cap = nameRun(ctx, m, end, -1);
    // "du site de Jababeka David Quentin": a known first name inside the run starts the person's name.
    const person = firstNameWithin(ctx, m + 1, cap);
    if (person !== null) { j = person; break; }
    if (cap > m) { j = cap; continue; }
    const sub = matchPhrase(ctx, m, end, ctx.lex.bodies, ctx.lex.bodyFirstLen, BODY_FIRST) ?? matchPhrase(ctx, m, end, ctx.lex.roles, ctx.lex.roleFirstLen, ROLE_FIRST);
    if (sub) { j = m + sub[1]; continue; }
    // "directeur de l'usine", "président du directoire": one plain noun (and a following adjective).
    const noun = ctx.tokens[m];
    const articled = m > j + 1 || ctx.pack.contractions.includes(t.norm);
    if (articled && noun && m < end && is(ctx.classes, m, PLAIN) && !noun.upper) {
      j = m + 1;
      if (ctx.pack.adjectivesFollowNoun && trailingAdjective(ctx, j, end)) j++;
      continue;
    }
    break;
  }
  if (ctx.pack.adjectivesFollowNoun && trailingAdjective(ctx, j, end)) j++;
  return { start: i, end: j, key, info: (role ? ctx.lex.roles.get(key) : ctx.lex.bodies.get(key))!, body: !role };
}

/**
 * After a role with complements ("président du groupe"), a following single capitalised word that is not a known
 * first name belongs to the complement ("groupe UMP"), while a full name is the person ("… étrangères Wang Wenbin").
 */
function isComplementName(ctx: Ctx, s: number, e: number): boolean {
  return e - s === 1 && !is(ctx.classes, s, FIRST_NAME);
}

/** A body written as a proper name ("the Church of Scientology", "la Commission européenne") is named without its article. */
function properBody(ctx: Ctx, role: { start: number } | null, end: number): string | null {
  if (!role || end <= role.start) return null;
  const head = ctx.tokens[role.start]!;
  return head.upper ? ctx.text.slice(head.start, ctx.tokens[end - 1]!.end) : null;
}

function firstNameWithin(ctx: Ctx, from: number, to: number): number | null {
  for (let k = from; k < to - 1; k++) if (is(ctx.classes, k, FIRST_NAME) && ctx.firstNames.get(ctx.tokens[k]!.norm)) return k;
  return null;
}

function insideQuotes(tokens: Token[], quoted: Quoted[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (const q of quoted) {
    if (q.depth > 0) continue;
    for (let k = tokenAt(tokens, q.inner.start); k < tokens.length && tokens[k]!.end <= q.inner.end; k++) out[k] = 1;
  }
  return out;
}

/**
 * One trailing adjective ("madrilène", "grec"): lower-case, not a verb form or function word, and not followed by a
 * determiner, which marks it as the sentence's verb ("Le Kremlin donne une autre version").
 */
function trailingAdjective(ctx: Ctx, j: number, end: number): boolean {
  return j < end && is(ctx.classes, j, PLAIN) && !ctx.tokens[j]!.upper && !(j + 1 < end && is(ctx.classes, j + 1, DETERMINER));
}

/**
 * A dateline opening a paragraph ("WASHINGTON (AP) —", "PARIS, 3 mars (Reuters) -"): a place in capitals before a
 * parenthesis, a dash or a comma names where the story was filed, nobody who speaks. Returns the token after it.
 */
function pastDateline(ctx: Ctx, from: number, to: number): number {
  let k = from;
  while (k < to && ctx.tokens[k]!.kind === 'word' && ctx.tokens[k]!.end - ctx.tokens[k]!.start >= 2 && isCapitals(ctx.text, ctx.tokens[k]!)) k++;
  return k > from && k < to && /^[(,—–-]$/.test(ctx.tokens[k]!.norm) ? k : from;
}

function isCapitals(text: string, t: { start: number; end: number }): boolean {
  const word = text.slice(t.start, t.end);
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/**
 * The source an according-frame names with a common noun no list holds: "according to the newspaper", "selon une
 * étude", "according to a new article in Politico" — an article and up to three plain words, up to a preposition or
 * punctuation. Pushed among the sentence's mentions (from index `first`), in text order.
 */
function frameSources(ctx: Ctx, s: Sentence, out: Mention[], first: number): void {
  const [from, to] = s.tokens;
  let starts: Set<number> | null = null;
  for (let i = from; i < to; i++) {
    if (!is(ctx.classes, i, FRAME_FIRST)) continue;
    const length = frameAt(ctx, i, to);
    const det = i + length;
    if (length === 0 || det >= to || !is(ctx.classes, det, DETERMINER)) continue;
    let end = det + 1;
    while (end < to && end - det <= 3 && is(ctx.classes, end, PLAIN) && !ctx.tokens[end]!.upper) end++;
    if (end === det + 1) continue;
    starts ??= new Set(out.slice(first).map((m) => m.start));
    if (starts.has(ctx.tokens[det]!.start) || starts.has(ctx.tokens[det + 1]!.start)) continue;
    const info = ctx.determiners.get(ctx.tokens[det]!.norm)!;
    const m = mention(ctx, det, end, { kind: 'role', type: 'group', gender: info.gender, number: info.number ?? 'sg', name: null, role: null }, s.index);
    const at = first + lowerBound(out.slice(first), m.start, (x) => x.start);
    out.splice(at, 0, m);
    starts.add(m.start);
  }
}

/** The length of the (strong) according-frame starting at token i, or 0. */
function frameAt(ctx: Ctx, i: number, to: number): number {
  for (const { words, weak } of ctx.lex.framesByFirst.get(ctx.tokens[i]!.norm)!) {
    if (weak || i + words.length > to) continue;
    let k = 1;
    while (k < words.length && ctx.tokens[i + k]!.norm === words[k]) k++;
    if (k === words.length) return k;
  }
  return 0;
}

/** Where adjectives precede nouns, "longtime Democratic pollster", "former secretary": a word before a capital or a role. */
function adjectiveBeforeRole(ctx: Ctx, i: number): boolean {
  if (ctx.pack.adjectivesFollowNoun) return false;
  return i + 1 < ctx.tokens.length && is(ctx.classes, i + 1, CAPITALISED | ROLE_FIRST | BODY_FIRST);
}

function findInSentence(ctx: Ctx, s: Sentence, out: Mention[], paragraphStart: boolean): void {
  const [from, to] = s.tokens;
  let i = paragraphStart ? pastDateline(ctx, from, to) : from;
  while (i < to) {
    const t = ctx.tokens[i]!;
    // Most tokens cannot open a mention: punctuation, numbers, and lower-case words that are no determiner, pronoun
    // or role, body, media or honorific head.
    if (!is(ctx.classes, i, WORD) || (!is(ctx.classes, i, CAPITALISED | MENTION_STARTER) && !adjectiveBeforeRole(ctx, i))) {
      i++;
      continue;
    }
    const pron = is(ctx.classes, i, PRONOUN) ? ctx.pronouns.get(t.norm) : undefined;
    if (pron && pron.person === 3 && pron.role !== 'possessive') {
      out.push(mention(ctx, i, i + 1, { kind: pron.role === 'relative' ? 'relative' : 'pronoun', type: 'person', gender: pron.gender, number: pron.number, name: null, role: null }, s.index));
      i++;
      continue;
    }
    // Optional determiner, optional honorific, role phrase, optional name.
    let j = i;
    const media = matchPhrase(ctx, i, to, ctx.lex.media, ctx.lex.mediaFirstLen, MEDIA_FIRST);
    // "Le Monde" the paper, not "le monde politique": every content word of the name is capitalised.
    if (media && ctx.tokens.slice(i, i + media[1]).every((x) => x.upper || x.kind !== 'word' || ctx.determiners.get(x.norm) || ctx.lex.particles.has(x.norm))) {
      out.push(mention(ctx, i, i + media[1], { kind: 'media', type: 'media', gender: null, number: 'sg', name: ctx.lex.media.get(media[0])!, role: null }, s.index));
      i += media[1];
      continue;
    }
    // A contracted preposition ("aux journalistes") is not part of the noun phrase.
    if (ctx.pack.contractions.includes(t.norm) && j + 1 < to) {
      i++;
      continue;
    }
    const det = is(ctx.classes, i, DETERMINER) ? ctx.determiners.get(t.norm) : undefined;
    if (det) j++;
    // Adjectives before the role: "l'ancien porte-parole", "longtime Democratic pollster".
    let k = j;
    let role = rolePhrase(ctx, k, to);
    const adjectivesBefore = det || !ctx.pack.adjectivesFollowNoun;
    // "U.S. Democratic presidential candidate": an initialism counts as one of them.
    for (let a = 0; adjectivesBefore && !role && a < 3 && k < to; a++) {
      const past = initialism(ctx, k, to);
      if (past > k) k = past;
      else if (is(ctx.classes, k, PLAIN)) k++;
      else break;
      role = rolePhrase(ctx, k, to);
    }
    const honor = !role && j < to && is(ctx.classes, j, HONORIFIC) ? ctx.lex.honorific(ctx.tokens, j, to) : null;
    if (role || honor) {
      const e = role ? role.end : honor!.end;
      const nameEnd = nameRun(ctx, e, to, s.tokens[0]);
      const hasName = nameEnd > e && !(role && role.end > role.start + 1 && isComplementName(ctx, e, nameEnd));
      const startTok = det || role ? i : j;
      const gender = honor?.gender ?? (hasName ? genderOfName(ctx, e) : null) ?? role?.info.gender ?? det?.gender ?? null;
      const number = role?.info.number ?? det?.number ?? 'sg';
      const type: EntityType = hasName ? (role && role.info.type !== 'person' && !role.body ? role.info.type : 'person') : role?.info.type ?? 'person';
      out.push(mention(ctx, startTok, hasName ? nameEnd : e, {
        kind: hasName ? 'name' : role?.body ? 'group' : 'role', type, gender, number,
        name: hasName ? ctx.text.slice(ctx.tokens[e]!.start, ctx.tokens[nameEnd - 1]!.end) : properBody(ctx, role, e),
        role: role?.key ?? null,
      }, s.index));
      i = hasName ? nameEnd : e;
      continue;
    }
    const nameEnd = nameRun(ctx, i, to, s.tokens[0]);
    if (nameEnd > i) {
      const text = ctx.text.slice(ctx.tokens[i]!.start, ctx.tokens[nameEnd - 1]!.end);
      const acronym = (nameEnd - i === 1 && /^\p{Lu}{2,}$/u.test(text)) || /^(?:\p{Lu}\.){2,}$/u.test(text);
      // "Scientology officials", "Bloomberg poll": a name followed by a body noun speaks as that body.
      const body = matchPhrase(ctx, nameEnd, to, ctx.lex.bodies, ctx.lex.bodyFirstLen, BODY_FIRST);
      const end = body ? nameEnd + body[1] : nameEnd;
      const info = body ? ctx.lex.bodies.get(body[0])! : null;
      out.push(mention(ctx, i, end, {
        kind: info ? 'group' : 'name',
        type: info ? info.type : ctx.lex.isPlace(text) ? 'place' : acronym ? 'organization' : 'person',
        gender: info ? info.gender : genderOfName(ctx, i), number: info?.number ?? 'sg',
        name: info ? ctx.text.slice(ctx.tokens[i]!.start, ctx.tokens[end - 1]!.end) : text, role: body?.[0] ?? null,
      }, s.index));
      i = end;
      continue;
    }
    i++;
  }
}

export const findMentions: Stage = {
  name: 'find-mentions',
  requires: ['sentences', 'tokens', 'quoted'],
  produces: ['mentions'],
  run(doc, pack) {
    const tokens = doc.layers.tokens!;
    const sentences = doc.layers.sentences!;
    const ctx: Ctx = {
      text: doc.text, tokens, pack, lex: lexicon(pack), pronouns: asMap(pack.pronouns), determiners: asMap(pack.determiners), firstNames: asMap(pack.firstNames), midCaps: new Set(), quoted: doc.layers.quoted!,
      lower: new Set(), inQuote: insideQuotes(tokens, doc.layers.quoted!), classes: tokenClasses(tokens, doc.text, pack) };
    ({ lower: ctx.lower, midCaps: ctx.midCaps } = openerEvidence(ctx, sentences));
    const mentions: Mention[] = [];
    for (const s of sentences) {
      const first = mentions.length;
      findInSentence(ctx, s, mentions, s.index === 0 || sentences[s.index - 1]!.paragraph !== s.paragraph);
      frameSources(ctx, s, mentions, first);
    }
    return { ...doc, layers: { ...doc.layers, mentions } };
  },
};
