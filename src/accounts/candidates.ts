/**
 * Candidate pairs of texts that may be near-duplicates, without comparing every text with every other: MinHash/LSH
 * over all texts (content alone, for the same words given to different speakers), plus, within each speaker, the
 * texts sharing one of each text's rarest terms. Prefix filtering: when at least a share c of a text's terms are in
 * another text, the two share one of its |s| − ⌈c·|s|⌉ + 1 rarest terms. Every confirming rule needs c ≥ 0.5 of the
 * smaller text (Dice ≥ 0.5 implies it), so within a speaker no candidate is lost — LSH alone misses pairs whose
 * lengths differ a lot (a fragment and its sentence). Each candidate is confirmed or dropped by `linkTexts`.
 */
import { lshCandidates, minHasher, shingles } from './minhash.js';
import { linkTexts, type Link, type Text } from './texts.js';

const PREFIX_SHARE = 0.5;

export interface Linked {
  a: number;
  b: number;
  link: NonNullable<Link>;
}

export function candidatePairs(
  texts: Text[],
  speakersOfText: string[][],
  options: { signatureSize: number; bands: number },
): { links: Linked[]; candidates: number } {
  const seen = new Set<number>();
  const links: Linked[] = [];
  const T = texts.length;
  const consider = (i: number, j: number) => {
    if (i === j) return;
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = a * T + b;
    if (seen.has(key)) return;
    seen.add(key);
    const link = linkTexts(texts[a]!, texts[b]!);
    if (link) links.push({ a, b, link });
  };

  const hasher = minHasher(options.signatureSize);
  const signatures = texts.map((t) => hasher.signature(shingles(t.terms)));
  lshCandidates(signatures, options.bands, options.signatureSize / options.bands, consider);

  // Rarity rank of every term over the whole set (rarest first).
  const df = new Map<number, number>();
  for (const t of texts) for (const term of t.termSet) df.set(term, (df.get(term) ?? 0) + 1);
  const byRank = [...df.keys()].sort((x, y) => df.get(x)! - df.get(y)! || x - y);
  const rank = new Map(byRank.map((term, k) => [term, k]));

  const bySpeaker = new Map<string, number[]>();
  speakersOfText.forEach((speakers, ti) => {
    for (const s of speakers) {
      const list = bySpeaker.get(s);
      if (list) list.push(ti);
      else bySpeaker.set(s, [ti]);
    }
  });
  for (const tis of bySpeaker.values()) {
    if (tis.length < 2) continue;
    const postings = new Map<number, number[]>();
    for (const ti of tis) {
      for (const term of texts[ti]!.termSet) {
        const list = postings.get(term);
        if (list) list.push(ti);
        else postings.set(term, [ti]);
      }
    }
    for (const ti of tis) {
      const set = texts[ti]!.termSet;
      if (!set.length) continue;
      const prefix = set.length - Math.ceil(PREFIX_SHARE * set.length) + 1;
      const rarest = Array.from(set, (term) => rank.get(term)!).sort((x, y) => x - y).slice(0, prefix);
      for (const k of rarest) for (const tj of postings.get(byRank[k]!)!) consider(ti, tj);
    }
  }
  return { links, candidates: seen.size };
}
