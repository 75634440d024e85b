/**
 * Quote texts prepared for clustering at scale: each distinct wording once, its words as integer stem ids, its content
 * terms sorted, and the link rules between two texts (the same thresholds as similarity.ts, on integers).
 */
import type { AccountQuote } from './cluster.js';
import { stem, wordsOf } from './normalize.js';
import type { AccountLexicon } from './lexicon.js';
import { lcsLength } from './diff.js';
import { THRESHOLDS } from './similarity.js';

export interface Text {
  key: string;
  sample: string;
  stems: Int32Array;
  terms: Int32Array;
  termSet: Int32Array;
  records: number[];
}

class Dictionary {
  private ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }
}

export function buildTexts(records: AccountQuote[], lex: AccountLexicon): { texts: Text[]; textOf: Int32Array } {
  const dict = new Dictionary();
  const byKey = new Map<string, number>();
  const texts: Text[] = [];
  const textOf = new Int32Array(records.length).fill(-1);
  records.forEach((r, i) => {
    const words = wordsOf(r.content);
    if (!words.length) return; // nothing to compare: "…", an empty span
    const key = words.join(' ');
    const known = byKey.get(key);
    if (known !== undefined) {
      texts[known]!.records.push(i);
      textOf[i] = known;
      return;
    }
    const stems = Int32Array.from(words.map((w) => dict.id(stem(w))));
    const terms: number[] = [];
    words.forEach((w, k) => {
      if ((w.length < 2 && !/^\d/.test(w)) || lex.stop.has(w) || lex.negations.has(w)) return;
      terms.push(stems[k]!);
    });
    const text: Text = {
      key,
      sample: r.content,
      stems,
      terms: Int32Array.from(terms),
      termSet: Int32Array.from(new Set(terms)).sort(),
      records: [i],
    };
    byKey.set(key, texts.length);
    textOf[i] = texts.length;
    texts.push(text);
  });
  return { texts, textOf };
}

function intersection(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

const sameArray = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** How two texts relate: 'near' (same words, or overlapping as a whole), 'part' (one is a fragment of the other), or null. */
export type Link = { kind: 'near'; score: number } | { kind: 'part'; score: number; part: 'a' | 'b' } | null;

export function linkTexts(a: Text, b: Text): Link {
  if (a.stems.length && sameArray(a.stems, b.stems)) return { kind: 'near', score: 1 };
  const shared = intersection(a.termSet, b.termSet);
  const sizes = a.termSet.length + b.termSet.length;
  const dice = sizes ? (2 * shared) / sizes : 0;
  if (dice >= THRESHOLDS.dice) return { kind: 'near', score: dice };
  const n = a.stems.length;
  const m = b.stems.length;
  if (n && m && (2 * Math.min(n, m)) / (n + m) >= THRESHOLDS.sequence) {
    const sequence = (2 * lcsLength(a.stems, b.stems)) / (n + m);
    if (sequence >= THRESHOLDS.sequence) return { kind: 'near', score: sequence };
  }
  const small = a.termSet.length <= b.termSet.length ? a : b;
  const large = small === a ? b : a;
  if (!small.termSet.length) return null;
  const containment = shared / small.termSet.length;
  if (containment >= THRESHOLDS.containment && small.termSet.length >= THRESHOLDS.containmentMinTerms) {
    return { kind: 'part', score: containment, part: small === a ? 'a' : 'b' };
  }
  if (containment === 1 && lcsLength(small.terms, large.terms) === small.terms.length) {
    return { kind: 'part', score: small.termSet.length / large.termSet.length, part: small === a ? 'a' : 'b' };
  }
  return null;
}

