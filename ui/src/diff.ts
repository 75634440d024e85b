/**
 * Word-level comparison of two versions of the same words: which words of each are not shared with the other
 * (longest common subsequence over case- and accent-folded words; spaces and punctuation are never marked).
 */

export interface WordPiece {
  text: string;
  /** A word absent from the other version, at this place. */
  changed: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;
const isWord = (s: string) => /[\p{L}\p{N}]/u.test(s);
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/’/g, "'");

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Marks the words of `a` that are not matched in `b`. Quadratic; versions are sentences, so it stays small. */
export function markChanged(a: string, b: string): WordPiece[] {
  const ta = tokenize(a);
  const wa = ta.map((t, i) => [fold(t), i] as const).filter(([t]) => isWord(t));
  const wb = tokenize(b).filter(isWord).map(fold);
  const n = wa.length;
  const m = wb.length;
  if (n * m > 4_000_000) return ta.map((text) => ({ text, changed: false }));
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i]![j] = wa[i]![0] === wb[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    }
  }
  const kept = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (wa[i]![0] === wb[j]) {
      kept.add(wa[i]![1]);
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return ta.map((text, k) => ({ text, changed: isWord(text) && !kept.has(k) }));
}
