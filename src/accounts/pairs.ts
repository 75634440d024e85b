/**
 * The labelled pair set (data/accounts/pairs-dev.jsonl): two quotes of one speaker in a short text, labelled by
 * reading them as verbatim, variant, divergent or unrelated. This module reads it and turns each pair into a
 * Document the compare-accounts stage can judge, with the layers set by hand (the engine's own attribution is not
 * involved, so the figures measure the accounts rules alone).
 */
import type { Document, Lang, QuoteDraft, QuoteKind, Ref } from '../types.js';
import { packFor } from '../lang/index.js';
import { segment } from '../stages/segment.js';
import { DEFAULT_CONFIG } from '../config.js';

export type PairLabel = 'verbatim' | 'variant' | 'divergent' | 'unrelated';

export interface PairVersion {
  start: number;
  end: number;
  content: string;
  kind: QuoteKind;
  via: string[];
  addressee: string | null;
  time: string | null;
}

export interface LabelledPair {
  id: string;
  lang: Lang;
  label: PairLabel;
  /** frnews-dev, ennews-dev (CC BY 2.5 Wikinews texts) or written (sentences written for selon). */
  origin: string;
  source: string | null;
  doc: string | null;
  speaker: string;
  text: string;
  a: PairVersion;
  b: PairVersion;
  /** Spans [start, end] of the other quotes of the excerpt (real articles): their words are not the narrator's. */
  otherQuotes: [number, number][];
  note: string;
}

export const LABELS: PairLabel[] = ['verbatim', 'variant', 'divergent', 'unrelated'];

/** Parses the JSONL pair set; throws on a malformed line (the file is ours, a bad line is a bug). */
export function parsePairs(jsonl: string): LabelledPair[] {
  const out: LabelledPair[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const p = JSON.parse(line) as LabelledPair;
    for (const v of [p.a, p.b]) {
      if (p.text.slice(v.start, v.end) !== v.content) throw new Error(`pair ${p.id} (line ${i + 1}): offsets do not match content`);
    }
    if (!LABELS.includes(p.label)) throw new Error(`pair ${p.id}: unknown label ${p.label}`);
    out.push(p);
  });
  return out;
}

const ref = (name: string): Ref => ({ name, entity: null, mention: null });

function draft(id: string, v: PairVersion, sentence: number): QuoteDraft {
  return {
    id,
    kind: v.kind,
    content: { start: v.start, end: v.end },
    fragments: null,
    cue: null,
    quoted: null,
    speakerMention: null,
    speakerEntity: 'e1',
    speakerName: null,
    addressee: v.addressee ? ref(v.addressee) : null,
    via: v.via.map(ref),
    time: v.time ? { text: v.time, date: null, start: v.start, end: v.start } : null,
    continues: null,
    confidence: 1,
    evidence: [],
    sentence,
  };
}

/** A Document holding the pair's text, segmented, with its two quotes (q1 = a, q2 = b) and one speaker entity. */
export function pairDocument(p: LabelledPair): Document {
  const pack = packFor(p.lang);
  if (!pack) throw new Error(`pair ${p.id}: no pack for ${p.lang}`);
  const base: Document = { id: p.id, text: p.text, lang: p.lang, date: null, meta: {}, layers: {}, messages: [] };
  const doc = segment.run(base, pack, DEFAULT_CONFIG);
  const sentences = doc.layers.sentences ?? [];
  const sentenceOf = (v: PairVersion) => Math.max(0, sentences.findIndex((s) => s.start <= v.start && v.start < s.end));
  return {
    ...doc,
    layers: {
      ...doc.layers,
      mentions: [],
      entities: [{ id: 'e1', name: p.speaker, type: 'person', gender: null, number: null, mentions: [] }],
      quotes: [
        draft('q1', p.a, sentenceOf(p.a)),
        draft('q2', p.b, sentenceOf(p.b)),
        ...(p.otherQuotes ?? []).map(([start, end], k) => ({
          ...draft(`q${k + 3}`, { ...p.a, start, end, via: [], addressee: null, time: null }, 0),
          speakerEntity: null,
        })),
      ],
    },
  };
}
