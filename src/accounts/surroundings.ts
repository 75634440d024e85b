/**
 * The text around two versions: does it mark a second, different version, or deny the reported words? Only the
 * narrator's words count — every quote's own words are blanked first, so "version" said by a speaker is not a marker.
 * The window is the sentences holding each version, the sentence after each, and the sentences between them when
 * they are close.
 */
import type { Document, Span } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { wordSpans } from './normalize.js';
import { findPhrase, phraseAt, type AccountLexicon } from './lexicon.js';
import type { Surroundings } from './versions.js';

/** Sentences between two versions that still count as around them (a reporter sets versions side by side closely). */
const MAX_GAP = 2;
/** Without sentences, this many characters either side of a version. */
const FALLBACK_REACH = 300;

const masks = new WeakMap<Document, string>();

/** The text with the words of every quote blanked (same length, so offsets still hold). */
export function narratorText(doc: Document): string {
  let masked = masks.get(doc);
  if (masked === undefined) {
    const chars = doc.text.split('');
    for (const q of doc.layers.quotes ?? []) {
      for (const p of q.fragments && q.fragments.length ? q.fragments : [q.content]) {
        for (let i = p.start; i < p.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
      }
    }
    masked = chars.join('');
    masks.set(doc, masked);
  }
  return masked;
}

function sentenceRange(doc: Document, spans: Span[]): [number, number] | null {
  const sentences = doc.layers.sentences;
  if (!sentences || !sentences.length) return null;
  let first = -1;
  let last = -1;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k]!;
    if (spans.some((p) => p.start < s.end && s.start < p.end)) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return first < 0 ? null : [first, last];
}

/** The windows (spans of text) to search for markers. */
export function windowsOf(doc: Document, a: Span[], b: Span[]): Span[] {
  const sentences = doc.layers.sentences;
  const ra = sentenceRange(doc, a);
  const rb = sentenceRange(doc, b);
  if (!sentences || !ra || !rb) {
    return [...a, ...b].map((p) => ({ start: Math.max(0, p.start - FALLBACK_REACH), end: Math.min(doc.text.length, p.end + FALLBACK_REACH) }));
  }
  const [early, late] = ra[0] <= rb[0] ? [ra, rb] : [rb, ra];
  const picked = new Set<number>();
  const add = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= Math.min(sentences.length - 1, to); k++) picked.add(k);
  };
  add(early[0], early[1] + 1);
  add(late[0], late[1] + 1);
  if (late[0] - early[1] - 1 <= MAX_GAP) add(early[1], late[0]);
  return [...picked].sort((x, y) => x - y).map((k) => sentences[k]!);
}

function openers(pack: LanguagePack): Set<string> {
  return new Set([...pack.quotePairs.map(([open]) => open), ...pack.symmetricQuotes]);
}

/** What the narrator's words of one stretch of text say. */
function scan(text: string, lex: AccountLexicon, marks: Set<string>): Surroundings {
  const spans = wordSpans(text);
  const words = spans.map((s) => s.word);
  let marker = false;
  let hedged = false;
  let denial = false;
  // Every marker counts; one hedged marker ("slightly different") makes the stretch's verdict a matter of wording
  // ("The version reported by Politico was slightly different").
  for (let i = 0; i < words.length; i++) {
    if (!lex.markers.some((p) => phraseAt(words, i, p))) continue;
    marker = true;
    if (lex.hedges.some((h) => i - h.length >= 0 && phraseAt(words, i - h.length, h))) hedged = true;
  }
  for (let i = 0; i < words.length && !denial; i++) {
    if (!lex.denials.some((p) => phraseAt(words, i, p))) continue;
    const introducesWords = [...text.slice(spans[i]!.end)].some((c) => marks.has(c));
    denial = introducesWords || findPhrase(words, lex.reportNouns) >= 0;
  }
  return { marker, denial, hedged };
}

const scans = new WeakMap<Document, Surroundings[]>();

/** Each sentence's markers, scanned once per document. */
function sentenceScans(doc: Document, lex: AccountLexicon, pack: LanguagePack): Surroundings[] {
  let out = scans.get(doc);
  if (!out) {
    const masked = narratorText(doc);
    const marks = openers(pack);
    out = (doc.layers.sentences ?? []).map((s) => scan(masked.slice(s.start, s.end), lex, marks));
    scans.set(doc, out);
  }
  return out;
}

/** Looks for markers and denials in the narrator's words around two versions. */
export function surroundingsOf(doc: Document, a: Span[], b: Span[], lex: AccountLexicon, pack: LanguagePack): Surroundings {
  const sentences = doc.layers.sentences;
  const windows = windowsOf(doc, a, b);
  const found: Surroundings[] = [];
  if (sentences && sentences.length && windows.every((w) => sentences.includes(w as never))) {
    const all = sentenceScans(doc, lex, pack);
    for (const w of windows) found.push(all[sentences.indexOf(w as never)]!);
  } else {
    const masked = narratorText(doc);
    const marks = openers(pack);
    for (const w of windows) found.push(scan(masked.slice(w.start, w.end), lex, marks));
  }
  return {
    marker: found.some((f) => f.marker),
    denial: found.some((f) => f.denial),
    hedged: found.some((f) => f.hedged),
  };
}
