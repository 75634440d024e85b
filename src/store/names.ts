/**
 * Cross-document speaker names. A name becomes a key by folding case and accents and dropping leading honorifics and
 * role words ("M. Macron", "le président Macron" → "macron"; "Emmanuel Macron" → "emmanuel macron"). A key whose
 * tokens before the last are all name particles ("macron", "le pen", "de gaulle") is a lone surname: the store merges it
 * into the one full name with that surname, when there is exactly one.
 * The word lists come from the language packs, so no French or English word lives here.
 */
import { PACKS } from '../lang/index.js';

/** Lower case, accents removed, typographic apostrophes folded, spaces collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

interface NameWords {
  prefixes: Set<string>;
  determiners: Set<string>;
  particles: Set<string>;
}

let words: NameWords | null = null;

function nameWords(): NameWords {
  if (words) return words;
  const prefixes = new Set<string>();
  const determiners = new Set<string>();
  const particles = new Set<string>();
  for (const pack of Object.values(PACKS)) {
    for (const w of [...Object.keys(pack.honorifics), ...Object.keys(pack.roles)]) prefixes.add(stripDots(fold(w)));
    for (const w of Object.keys(pack.determiners)) determiners.add(fold(w));
    for (const w of pack.nameParticles) particles.add(stripDots(fold(w)));
  }
  words = { prefixes, determiners, particles };
  return words;
}

function stripDots(token: string): string {
  return token.replace(/\./g, '');
}

interface NameToken {
  /** Folded form, used for keys and word lists. */
  key: string;
  /** The word as written. */
  raw: string;
}

/** Word tokens of a name: surrounding punctuation removed, inner hyphens and apostrophes kept. */
function tokensOf(name: string): NameToken[] {
  return name
    .trim()
    .split(/\s+/)
    .map((raw) => ({ raw, key: stripDots(fold(raw)).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '') }))
    .filter((t) => t.key !== '');
}

/** How many leading tokens are a role or honorific (one or two words), optionally after a determiner. */
function prefixLength(tokens: string[], at: number): number {
  const { prefixes, determiners } = nameWords();
  const two = tokens.slice(at, at + 2).join(' ');
  if (at + 2 <= tokens.length && prefixes.has(two)) return 2;
  if (prefixes.has(tokens[at]!)) return 1;
  if (determiners.has(tokens[at]!) && at + 1 < tokens.length) {
    const rest = prefixLength(tokens, at + 1);
    return rest > 0 ? rest + 1 : 0;
  }
  return 0;
}

/** The name's tokens without leading honorifics, roles and their determiners; never strips every token. */
export function nameTokens(name: string): { tokens: NameToken[]; roleOnly: boolean } {
  const tokens = tokensOf(name);
  const keys = tokens.map((t) => t.key);
  let at = 0;
  for (;;) {
    const n = prefixLength(keys, at);
    if (n === 0) return { tokens: tokens.slice(at), roleOnly: false };
    if (at + n >= tokens.length) return { tokens: tokens.slice(at), roleOnly: true };
    // "le président Emmanuel Macron", "général de Gaulle", "Mme la ministre Anne Roy": a name (or another title)
    // follows. "Director of the Institute": the role heads a phrase, which names no one and stays whole.
    if (!startsName(tokens, at + n) && prefixLength(keys, at + n) === 0) return { tokens: tokens.slice(at), roleOnly: true };
    at += n;
  }
}

const capitalised = (t: NameToken | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.raw);

/** Whether the tokens from `at` begin a proper name: a capitalised word, or a particle before one ("de Gaulle"). */
function startsName(tokens: NameToken[], at: number): boolean {
  if (capitalised(tokens[at])) return true;
  return nameWords().particles.has(tokens[at]!.key) && capitalised(tokens[at + 1]);
}

export interface SpeakerKey {
  /** Normalised name: "emmanuel macron". */
  key: string;
  /** The family name with its particles: "macron", "le pen". */
  surname: string;
  /** True when the key has more than the surname (a first name or initials). */
  full: boolean;
  /** The name as written, without what the key drops ("M. Macron" → "Macron"). */
  display: string;
}

/** The cross-document key of a speaker name, or null when nothing name-like is left. */
export function speakerKey(name: string): SpeakerKey | null {
  const { tokens: found, roleOnly } = nameTokens(name);
  if (found.length === 0) return null;
  const tokens = found.map((t) => t.key);
  const key = tokens.join(' ');
  const display = found.map((t) => t.raw).join(' ');
  // A bare role ("le porte-parole") is its own speaker: it never absorbs a surname nor merges into a name.
  if (roleOnly) return { key, surname: key, full: false, display };
  const { particles } = nameWords();
  let start = tokens.length - 1;
  while (start > 0 && particles.has(tokens[start - 1]!)) start--;
  return { key, surname: tokens.slice(start).join(' '), full: start > 0, display };
}
