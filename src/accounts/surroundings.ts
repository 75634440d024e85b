/**
 * The text around two versions: does it mark a second, different version, or deny the reported words? Only the
 * narrator's words count — every quote's own words are blanked first, so "version" said by a speaker is not a marker.
 * The window is the sentences holding each version, the sentence after each, and the sentences between them when
 * they are close.
 */
import type { Document, Sentence, Span } from '../types.js';
import { lowerBound } from '../lib/tokens.js';
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
    const pieces = (doc.layers.quotes ?? []).flatMap((q) => (q.fragments && q.fragments.length ? q.fragments : [q.content]));
    pieces.sort((x, y) => x.start - y.start);
    const parts: string[] = [];
    let at = 0;
    for (const p of pieces) {
      if (p.end <= at) continue;
      const from = Math.max(at, p.start);
      const words = doc.text.slice(from, p.end);
      parts.push(doc.text.slice(at, from), words.includes('\n') ? words.replace(/[^\n]/g, ' ') : ' '.repeat(words.length));
      at = p.end;
    }
    parts.push(doc.text.slice(at));
    masked = parts.join('');
    masks.set(doc, masked);
  }
  return masked;
}

/** The first and last sentences holding the spans (sentences are sorted and disjoint). */
function sentenceRange(sentences: Sentence[], spans: Span[]): [number, number] | null {
  let first = -1;
  let last = -1;
  for (const p of spans) {
    for (let k = lowerBound(sentences, p.start + 1, (s) => s.end); k < sentences.length && sentences[k]!.start < p.end; k++) {
      if (first < 0 || k < first) first = k;
      if (k > last) last = k;
    }
  }
  return first < 0 ? null : [first, last];
}

/** The sentences to search for markers, by index; null when the document has no sentences around the spans. */
function windowSentences(sentences: Sentence[], a: Span[], b: Span[]): number[] | null {
  const ra = sentenceRange(sentences, a);
  const rb = sentenceRange(sentences, b);
  if (!ra || !rb) return null;
  const [early, late] = ra[0] <= rb[0] ? [ra, rb] : [rb, ra];
  const picked = new Set<number>();
  const add = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= Math.min(sentences.length - 1, to); k++) picked.add(k);
  };
  add(early[0], early[1] + 1);
  add(late[0], late[1] + 1);
  if (late[0] - early[1] - 1 <= MAX_GAP) add(early[1], late[0]);
  return [...picked].sort((x, y) => x - y);
}

const openerSets = new WeakMap<LanguagePack, Set<string>>();

function openers(pack: LanguagePack): Set<string> {
  let set = openerSets.get(pack);
  if (!set) openerSets.set(pack, (set = new Set([...pack.quotePairs.map(([open]) => open), ...pack.symmetricQuotes])));
  return set;
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

/** Each sentence's markers, scanned when a pair first needs them and kept for the other pairs of the document. */
const scans = new WeakMap<Document, Array<Surroundings | undefined>>();

function sentenceScan(doc: Document, k: number, lex: AccountLexicon, pack: LanguagePack): Surroundings {
  let done = scans.get(doc);
  if (!done) scans.set(doc, (done = []));
  let found = done[k];
  if (!found) {
    const s = doc.layers.sentences![k]!;
    found = done[k] = scan(narratorText(doc).slice(s.start, s.end), lex, openers(pack));
  }
  return found;
}

/** Looks for markers and denials in the narrator's words around two versions. */
export function surroundingsOf(doc: Document, a: Span[], b: Span[], lex: AccountLexicon, pack: LanguagePack): Surroundings {
  const sentences = doc.layers.sentences ?? [];
  const picked = windowSentences(sentences, a, b);
  let found: Surroundings[];
  if (picked) found = picked.map((k) => sentenceScan(doc, k, lex, pack));
  else {
    const masked = narratorText(doc);
    const marks = openers(pack);
    found = [...a, ...b].map((p) => scan(masked.slice(Math.max(0, p.start - FALLBACK_REACH), Math.min(doc.text.length, p.end + FALLBACK_REACH)), lex, marks));
  }
  return {
    marker: found.some((f) => f.marker),
    denial: found.some((f) => f.denial),
    hedged: found.some((f) => f.hedged),
  };
}
