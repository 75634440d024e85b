/** Lookups over a document's mentions, built once per mentions layer (layers are never mutated after a stage). */
import type { Mention } from '../types.js';

export interface MentionIndex {
  /** Mention index by start offset. */
  byStart: Map<number, number>;
  /** Mention indices by sentence, in text order. */
  bySentence: Map<number, number[]>;
}

const cache = new WeakMap<Mention[], MentionIndex>();

export function mentionIndex(mentions: Mention[]): MentionIndex {
  let index = cache.get(mentions);
  if (!index) {
    const byStart = new Map<number, number>();
    const bySentence = new Map<number, number[]>();
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      if (!byStart.has(m.start)) byStart.set(m.start, i);
      const list = bySentence.get(m.sentence);
      if (list) list.push(i);
      else bySentence.set(m.sentence, [i]);
    }
    index = { byStart, bySentence };
    cache.set(mentions, index);
  }
  return index;
}

/** Mentions of one sentence (indices into the layer). */
export function mentionsIn(mentions: Mention[], sentence: number): number[] {
  return mentionIndex(mentions).bySentence.get(sentence) ?? [];
}
