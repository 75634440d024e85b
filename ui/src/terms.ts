/** Marks a search's words inside a result, folding case and accents the way the store's full-text index does. */

export interface Piece {
  text: string;
  hit: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** The words of a query, folded, without FTS syntax characters. */
export function queryTerms(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

export function markTerms(text: string, terms: string[]): Piece[] {
  if (terms.length === 0 || !text) return [{ text, hit: false }];
  // Fold char by char, keeping where each folded char came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const hits: [number, number][] = [];
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      const before = at === 0 ? '' : folded[at - 1]!;
      if (!/[\p{L}\p{N}]/u.test(before)) hits.push([origin[at]!, origin[at + term.length] ?? text.length]);
      at = folded.indexOf(term, at + 1);
    }
  }
  if (hits.length === 0) return [{ text, hit: false }];
  hits.sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  let pos = 0;
  for (const [s0, e0] of hits) {
    // Extend to the end of the word, so "secur" marks "sécurité".
    let e = e0;
    while (e < text.length && /[\p{L}\p{N}]/u.test(text[e]!)) e++;
    const s = Math.max(s0, pos);
    if (s >= e) continue;
    if (s > pos) pieces.push({ text: text.slice(pos, s), hit: false });
    pieces.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < text.length) pieces.push({ text: text.slice(pos), hit: false });
  return pieces;
}
