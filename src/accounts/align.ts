/**
 * `selon compare A B`: the quotes two articles share. Each quote of A is paired with at most one quote of B, best
 * wording first, when their wording overlaps (verbatim or variant, by the same rules as compare-accounts). Then a quote
 * left over that is a piece of a longer quote on the other side (one article splits what the other quotes whole) is
 * matched with it too. The rest are only in A or only in B. A pair whose speakers differ is kept and flagged: the same words, attributed to
 * different people.
 */
import type { Extraction, OutputQuote } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { PACKS } from '../lang/index.js';
import { compareWording } from './similarity.js';
import { lexiconFor, mergedLexicon, type AccountLexicon } from './lexicon.js';
import { namesAgree } from './versions.js';
import { wordDiff, type DiffOp } from './diff.js';

export interface MatchedQuotes {
  a: OutputQuote;
  b: OutputQuote;
  verdict: 'consistent' | 'variant';
  similarity: number;
  /** Both quotes name a speaker and the names do not agree. */
  speakerConflict: boolean;
  /** Words that turn A's version into B's. */
  diff: DiffOp[];
}

export interface Alignment {
  matched: MatchedQuotes[];
  onlyA: OutputQuote[];
  onlyB: OutputQuote[];
}

function lexiconOfPair(a: Extraction, b: Extraction): AccountLexicon {
  const pa = a.lang ? PACKS[a.lang] : undefined;
  const pb = b.lang ? PACKS[b.lang] : undefined;
  if (pa && pa === pb) return lexiconFor(pa);
  return mergedLexicon([pa, pb].filter((p): p is LanguagePack => !!p).concat(pa || pb ? [] : Object.values(PACKS)));
}

export function alignQuotes(a: Extraction, b: Extraction): Alignment {
  const lex = lexiconOfPair(a, b);
  const candidates: { i: number; j: number; score: number; similarity: number; same: boolean; speakers: number; piece: 'a' | 'b' | null }[] = [];
  a.quotes.forEach((qa, i) => {
    b.quotes.forEach((qb, j) => {
      const w = compareWording(qa.content.text, qb.content.text, lex);
      if (!w.nearDuplicate) return;
      const speakers = qa.speaker && qb.speaker ? (namesAgree(qa.speaker.name, qb.speaker.name) ? 1 : -1) : 0;
      // Same speaker first, then the closest wording, then the longer overlap.
      // The shorter quote is a piece of the longer one when its words are (nearly) all inside it.
      const isPiece = w.truncation || w.containment >= 0.75;
      const piece = isPiece ? (qa.content.text.length <= qb.content.text.length ? 'a' : 'b') : null;
      candidates.push({ i, j, score: w.similarity + w.containment * 0.5, similarity: w.similarity, same: w.sameWording, speakers, piece });
    });
  });
  candidates.sort((x, y) => y.speakers - x.speakers || y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const matched: MatchedQuotes[] = [];
  const pieces: typeof candidates = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) {
      pieces.push(c);
      continue;
    }
    usedA.add(c.i);
    usedB.add(c.j);
    const qa = a.quotes[c.i]!;
    const qb = b.quotes[c.j]!;
    matched.push({
      a: qa,
      b: qb,
      verdict: c.same ? 'consistent' : 'variant',
      similarity: c.similarity,
      speakerConflict: c.speakers < 0,
      diff: wordDiff(qa.content.text, qb.content.text),
    });
  }
  // A leftover quote that is a piece of a quote on the other side joins it.
  for (const c of pieces) {
    const free = c.piece === 'a' ? !usedA.has(c.i) : c.piece === 'b' ? !usedB.has(c.j) : false;
    if (!free) continue;
    if (c.piece === 'a') usedA.add(c.i);
    else usedB.add(c.j);
    const qa = a.quotes[c.i]!;
    const qb = b.quotes[c.j]!;
    matched.push({ a: qa, b: qb, verdict: 'variant', similarity: c.similarity, speakerConflict: c.speakers < 0, diff: wordDiff(qa.content.text, qb.content.text) });
  }
  matched.sort((x, y) => x.a.content.start - y.a.content.start || x.b.content.start - y.b.content.start);
  return {
    matched,
    onlyA: a.quotes.filter((_, i) => !usedA.has(i)),
    onlyB: b.quotes.filter((_, j) => !usedB.has(j)),
  };
}
