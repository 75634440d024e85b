/**
 * DisjointSpans (src/lib/disjoint-spans.ts) answers overlap queries for the quotes build-quotes has made, whatever
 * order they were added in: checked against a plain scan over random disjoint spans added in shuffled, sorted and
 * reversed orders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DisjointSpans } from '../src/lib/disjoint-spans.js';
import type { Span } from '../src/types.js';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Disjoint spans with gaps between them, in text order. */
function disjoint(rand: () => number, n: number): Span[] {
  const out: Span[] = [];
  for (let at = 0; out.length < n;) {
    const start = at + Math.floor(rand() * 5);
    const end = start + 1 + Math.floor(rand() * 8);
    out.push({ start, end });
    at = end;
  }
  return out;
}

const ORDERS: Record<string, (spans: Span[], rand: () => number) => Span[]> = {
  sorted: (s) => s,
  reversed: (s) => [...s].reverse(),
  shuffled: (s, rand) => [...s].map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x),
  'two passes': (s) => [...s.filter((_, i) => i % 3 === 0), ...s.filter((_, i) => i % 3 !== 0)],
};

for (const [name, order] of Object.entries(ORDERS)) {
  test(`overlap queries agree with a plain scan (${name} insertion)`, () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = random(seed);
      const all = disjoint(rand, 200);
      const set = new DisjointSpans();
      const added: Span[] = [];
      for (const span of order(all, rand)) {
        set.add(span);
        added.push(span);
        for (let q = 0; q < 10; q++) {
          const start = Math.floor(rand() * (all.at(-1)!.end + 5));
          const probe = { start, end: start + 1 + Math.floor(rand() * 12) };
          const want = added.some((x) => x.start < probe.end && probe.start < x.end);
          assert.equal(set.overlaps(probe), want, `seed ${seed}, probe ${probe.start}-${probe.end}, ${added.length} spans`);
        }
      }
    }
  });
}
