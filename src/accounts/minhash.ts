/**
 * Shingles, MinHash signatures and locality-sensitive hashing over normalised words: candidate pairs of near-
 * duplicate texts without comparing every text with every other. Deterministic (fixed seeds), 32-bit arithmetic.
 */

/** FNV-1a over a string, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mixer (murmur3's finaliser): spreads close integers over the whole range. */
export function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Shingles of a text given as term ids (content words, stemmed): each term, and each pair of consecutive terms.
 * Unigrams keep paraphrases and re-ordered versions close; bigrams keep word order from counting for nothing.
 */
export function shingles(terms: ArrayLike<number>): Uint32Array {
  const out = new Set<number>();
  for (let i = 0; i < terms.length; i++) {
    out.add(mix(terms[i]! + 1));
    if (i + 1 < terms.length) out.add(mix(Math.imul(terms[i]! + 1, 0x9e3779b1) ^ (terms[i + 1]! + 7)));
  }
  return Uint32Array.from(out);
}

export interface MinHasher {
  size: number;
  signature(shingles: Uint32Array): Uint32Array;
}

/** `size` hash functions h(x) = mix(x ^ seed_i); a deterministic xorshift generates the seeds. */
export function minHasher(size: number, seed = 0x5e10): MinHasher {
  const seeds = new Uint32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    seeds[i] = s;
  }
  return {
    size,
    signature(sh: Uint32Array): Uint32Array {
      const sig = new Uint32Array(size).fill(0xffffffff);
      for (let k = 0; k < sh.length; k++) {
        const x = sh[k]!;
        for (let i = 0; i < size; i++) {
          const h = mix(x ^ seeds[i]!);
          if (h < sig[i]!) sig[i] = h;
        }
      }
      return sig;
    },
  };
}

/**
 * LSH over signatures cut into `bands` bands of `rows` rows: two texts are candidates when all rows of one band agree.
 * With 16 bands of 3 rows (the default of clusterQuotes), a pair at Jaccard 0.5 is a candidate with probability 0.88,
 * at 0.7 with 0.997; within a speaker, prefix filtering (cluster.ts) finds the rest.
 * Buckets larger than `maxBucket` (texts sharing only very common words) are skipped.
 */
export function lshCandidates(
  signatures: Uint32Array[],
  bands: number,
  rows: number,
  onPair: (i: number, j: number) => void,
  maxBucket = 400,
): void {
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < signatures.length; i++) {
      const sig = signatures[i]!;
      if (sig.length === 0 || sig[0] === 0xffffffff) continue; // no shingles
      let key = b + 1;
      for (let r = 0; r < rows; r++) key = mix(Math.imul(key, 0x01000193) ^ sig[b * rows + r]!);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    for (const list of buckets.values()) {
      if (list.length < 2 || list.length > maxBucket) continue;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) onPair(list[x]!, list[y]!);
    }
  }
}

/** The Jaccard similarity two signatures estimate. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}
