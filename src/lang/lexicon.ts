/**
 * Lookup tables derived from a LanguagePack (maps, sets, multi-word indexes), built once per pack and cached.
 * Derived, never edited: the facts live in the pack's data files.
 */
import type { Gender, Token } from '../types.js';
import type { LanguagePack, RoleInfo, VerbForm } from './pack.js';

export interface Lexicon {
  verbForms: Map<string, VerbForm>;
  notNames: Set<string>;
  /** Words that are never content words of a noun phrase: determiners, pronouns, particles, auxiliaries, … */
  functionWords: Set<string>;
  roles: Map<string, RoleInfo>;
  roleFirstLen: Map<string, number>;
  roleFirst: Set<string>;
  bodies: Map<string, RoleInfo>;
  bodyFirstLen: Map<string, number>;
  /** Media outlets by normalised key → name as written. */
  media: Map<string, string>;
  mediaFirstLen: Map<string, number>;
  channels: Map<string, LanguagePack['channels'][string]>;
  channelFirstLen: Map<string, number>;
  particles: Set<string>;
  ofWords: Set<string>;
  auxiliaries: Set<string>;
  adverbs: Set<string>;
  negations: Set<string>;
  complementizers: Set<string>;
  preverbalClitics: Set<string>;
  ambiguous: Set<string>;
  /** Weekdays and relative day words ("mardi", "yesterday"). */
  dayWords: Set<string>;
  /** Month name → its index (0 = January). */
  months: Map<string, number>;
  /** Lower-case words that may open a mention: determiners, pronouns, role, body, media and honorific heads. */
  mentionStarters: Set<string>;
  /** According-frames (and weak ones) by their first word. */
  framesByFirst: Map<string, Array<{ words: string[]; weak: boolean }>>;
  /** Honorifics by normalised key ("mr.", "madame") → gender. */
  honorifics: Map<string, Gender>;
  /** Is this name (as written) a country's? */
  isPlace(name: string): boolean;
  isPlainWord(norm: string): boolean;
  honorific(tokens: Token[], i: number, end: number): { end: number; gender: Gender } | null;
}

/** The key under which a token sequence is looked up: lower-case words joined by spaces, elisions glued. */
export function phraseKey(words: string[]): string {
  return words.join(' ').replace(/' /g, "'");
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
}

function keyOfWrittenPhrase(s: string): string {
  // Match the segmenter: words, elisions split after the apostrophe, punctuation as its own token.
  return normalise(s).replace(/([.,:;!?])/g, ' $1').replace(/\s+/g, ' ').replace(/' /g, "'");
}

function indexed<T>(entries: Array<[string, T]>): [Map<string, T>, Map<string, number>] {
  const map = new Map<string, T>();
  const first = new Map<string, number>();
  for (const [k, v] of entries) {
    const key = keyOfWrittenPhrase(k);
    map.set(key, v);
    const words = key.replace(/'/g, "' ").split(' ');
    const head = words[0]!;
    first.set(head, Math.max(first.get(head) ?? 0, words.length));
  }
  return [map, first];
}

/** Plural role nouns ("journalistes", "officials") speak as groups; listed bodies win over these. */
function pluralRoles(pack: LanguagePack): Array<[string, RoleInfo]> {
  const out: Array<[string, RoleInfo]> = [];
  for (const [k, info] of Object.entries(pack.roles)) {
    if (/[sxz]$/.test(k) || k.includes(' ')) continue;
    const plural = k + pack.pluralSuffix;
    if (!pack.bodies[plural]) out.push([plural, { gender: info.gender, number: 'pl', type: 'group' }]);
  }
  return out;
}

function groupFrames(pack: LanguagePack): Lexicon['framesByFirst'] {
  const out: Lexicon['framesByFirst'] = new Map();
  const add = (words: string[], weak: boolean) => {
    const list = out.get(words[0]!) ?? [];
    list.push({ words, weak });
    out.set(words[0]!, list);
  };
  for (const f of pack.accordingFrames) add(f, false);
  for (const f of pack.weakAccordingFrames) add(f, true);
  return out;
}

/** A letter, by code unit: ASCII fast, else the Unicode letter class. */
export function isLetter(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  return code >= 128 && /\p{L}/u.test(String.fromCharCode(code));
}

const cache = new WeakMap<LanguagePack, Lexicon>();

export function lexicon(pack: LanguagePack): Lexicon {
  const hit = cache.get(pack);
  if (hit) return hit;
  const [roles, roleFirstLen] = indexed([...Object.entries(pack.roles), ...pluralRoles(pack)]);
  const [bodies, bodyFirstLen] = indexed(Object.entries(pack.bodies));
  const [media, mediaFirstLen] = indexed(pack.media.map((m) => [m, m] as [string, string]));
  const [channels, channelFirstLen] = indexed(Object.entries(pack.channels));
  const honorifics = new Map(Object.entries(pack.honorifics).map(([k, g]) => [normalise(k), g]));
  const places = new Set(pack.places.map(normalise));
  const functionWords = new Set<string>([
    ...Object.keys(pack.determiners), ...Object.keys(pack.pronouns), ...pack.nameParticles, ...pack.complementizers,
    ...pack.auxiliaries, ...pack.adverbs, ...pack.negations, ...pack.ofWords, ...pack.addresseePrepositions,
    ...pack.channelPrepositions, ...pack.infinitiveMarkers, ...pack.preverbalClitics, ...pack.accordingFrames.flat(), ...pack.notNames,
  ]);
  const verbForms = new Map(Object.entries(pack.verbForms));
  const lex: Lexicon = {
    verbForms,
    notNames: new Set(pack.notNames),
    functionWords,
    roles, roleFirstLen, roleFirst: new Set(roleFirstLen.keys()),
    bodies, bodyFirstLen,
    media, mediaFirstLen,
    channels, channelFirstLen,
    particles: new Set(pack.nameParticles),
    ofWords: new Set(pack.ofWords),
    auxiliaries: new Set(pack.auxiliaries),
    adverbs: new Set(pack.adverbs),
    negations: new Set(pack.negations),
    complementizers: new Set(pack.complementizers),
    preverbalClitics: new Set(pack.preverbalClitics),
    ambiguous: new Set(pack.ambiguousForms),
    dayWords: new Set([...pack.time.weekdays, ...Object.keys(pack.time.relativeDays)]),
    months: new Map(pack.time.months.map((m, i) => [m, i])),
    mentionStarters: new Set([
      ...Object.keys(pack.determiners), ...Object.keys(pack.pronouns), ...roleFirstLen.keys(), ...bodyFirstLen.keys(),
      ...mediaFirstLen.keys(), ...honorifics.keys(), ...pack.contractions,
    ]),
    framesByFirst: groupFrames(pack),
    honorifics,
    isPlace: (name) => places.has(normalise(name)),
    isPlainWord: (norm) => !functionWords.has(norm) && !verbForms.has(norm) && isLetter(norm.charCodeAt(0)),
    honorific(tokens, i, end) {
      const t = tokens[i];
      if (!t || t.kind !== 'word') return null;
      const dot = tokens[i + 1];
      if (dot && i + 1 < end && dot.norm === '.' && dot.start === t.end) {
        const g = honorifics.get(t.norm + '.');
        if (g !== undefined) return { end: i + 2, gender: g };
      }
      const g = honorifics.get(t.norm);
      return g !== undefined && t.upper ? { end: i + 1, gender: g } : null;
    },
  };
  cache.set(pack, lex);
  return lex;
}
