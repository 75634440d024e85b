/**
 * Word-level diff between two versions of the same words: longest common subsequence over normalised words (case,
 * accents, apostrophes and punctuation never count as a change), reported on the original spelling.
 */
import { wordSpans } from './normalize.js';

/** A run of words: `text` is the run as written (from its first word to its last, punctuation inside kept). */
export type DiffOp =
  | { op: 'same'; words: string[]; text: string }
  | { op: 'removed'; words: string[]; text: string }
  | { op: 'added'; words: string[]; text: string };

/** Beyond this many cells the quadratic table is not built; the diff falls back to common prefix and suffix. */
const MAX_CELLS = 4_000_000;

/** Index pairs [i, j] of a longest common subsequence of `a` and `b`, in order. */
export function lcsPairs<T>(a: ArrayLike<T>, b: ArrayLike<T>): [number, number][] {
  // Common prefix and suffix first: versions usually share most of their words, which keeps the table small.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const out: [number, number][] = [];
  for (let k = 0; k < pre; k++) out.push([k, k]);
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    const w = m + 1;
    const table = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * w + j] = a[pre + i] === b[pre + j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[pre + i] === b[pre + j]) {
        out.push([pre + i, pre + j]);
        i++;
        j++;
      } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) i++;
      else j++;
    }
  }
  for (let k = suf; k > 0; k--) out.push([a.length - k, b.length - k]);
  return out;
}

/**
 * Length of a longest common subsequence, without the table: the bit-parallel algorithm of Hyyrö (2004), one bit per
 * word of `b` in 32-bit blocks, so a pair of versions costs |a|·⌈|b|/32⌉ steps.
 */
export function lcsLength<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  // Same bound as lcsPairs: beyond it the middle counts for nothing, so both functions always agree.
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return pre + suf;
  const blocks = (m + 31) >>> 5;
  // Where each word of b's middle stands, as bits.
  const at = new Map<T, Uint32Array>();
  for (let j = 0; j < m; j++) {
    const w = b[pre + j]!;
    let bits = at.get(w);
    if (!bits) at.set(w, (bits = new Uint32Array(blocks)));
    bits[j >>> 5]! |= 1 << (j & 31);
  }
  const v = new Uint32Array(blocks).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    const bits = at.get(a[pre + i]!);
    if (!bits) continue;
    // V ← (V + U) | (V − U) with U = V & bits, carries and borrows running from block to block.
    let carry = 0;
    let borrow = 0;
    for (let k = 0; k < blocks; k++) {
      const x = v[k]!;
      const u = (x & bits[k]!) >>> 0;
      const sum = x + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      const diff = x - u - borrow;
      borrow = diff < 0 ? 1 : 0;
      v[k] = (sum >>> 0) | (diff >>> 0);
    }
  }
  // The zero bits among the m first are the length.
  let ones = 0;
  for (let j = 0; j < m; j++) ones += (v[j >>> 5]! >>> (j & 31)) & 1;
  return pre + suf + m - ones;
}

/** The words that turn `from` into `to`: runs of same / removed / added words, in the original spelling. */
export function wordDiff(from: string, to: string): DiffOp[] {
  const a = wordSpans(from);
  const b = wordSpans(to);
  const pairs = lcsPairs(a.map((w) => w.word), b.map((w) => w.word));
  type Run = { op: DiffOp['op']; source: string; spans: { start: number; end: number }[] };
  const runs: Run[] = [];
  const push = (op: DiffOp['op'], source: string, span: { start: number; end: number }) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.spans.push(span);
    else runs.push({ op, source, spans: [span] });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    while (i < pi) push('removed', from, a[i++]!);
    while (j < pj) push('added', to, b[j++]!);
    if (pi < a.length && pj < b.length) {
      push('same', to, b[pj]!);
      i++;
      j++;
    }
  }
  return runs.map((r) => ({
    op: r.op,
    words: r.spans.map((w) => r.source.slice(w.start, w.end)),
    text: r.source.slice(r.spans[0]!.start, r.spans[r.spans.length - 1]!.end),
  }));
}

/** True when the diff has no removed or added word. */
export function sameWords(ops: DiffOp[]): boolean {
  return ops.every((o) => o.op === 'same');
}

/** The diff as one line: unchanged words plain, removed ones as [-…-], added ones as {+…+} (git's word-diff style). */
export function formatDiff(ops: DiffOp[]): string {
  return ops
    .map((o) => (o.op === 'same' ? o.text : o.op === 'removed' ? `[-${o.text}-]` : `{+${o.text}+}`))
    .join(' ');
}
