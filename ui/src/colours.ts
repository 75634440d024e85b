/**
 * Speaker colours: light backgrounds that keep dark text readable (contrast ≥ 7:1 with #1a1a1a), each paired with a
 * darker border so colours also differ in more than hue. Assigned in order of first appearance in the document.
 */
import type { OutputQuote } from '../../src/types.js';

const PALETTE: { bg: string; border: string }[] = [
  { bg: '#fde2a8', border: '#b07900' },
  { bg: '#c9e7ff', border: '#1f6fb2' },
  { bg: '#d5f0c8', border: '#3d8a24' },
  { bg: '#f8cfe3', border: '#b03a78' },
  { bg: '#e2d6fb', border: '#6b46c1' },
  { bg: '#ffd6c2', border: '#c2541b' },
  { bg: '#c8f1ec', border: '#17897a' },
  { bg: '#f1eab0', border: '#8a7a0c' },
];
export const NO_SPEAKER = { bg: '#ececec', border: '#7a7a7a' };

export function speakerKey(q: OutputQuote): string | null {
  if (!q.speaker) return null;
  return q.speaker.entity ?? `name:${q.speaker.name}`;
}

export function speakerColours(quotes: OutputQuote[]): Map<string, { bg: string; border: string }> {
  const out = new Map<string, { bg: string; border: string }>();
  for (const q of quotes) {
    const key = speakerKey(q);
    if (key && !out.has(key)) out.set(key, PALETTE[out.size % PALETTE.length]!);
  }
  return out;
}
