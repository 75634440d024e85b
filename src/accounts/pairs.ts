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
import { detectLanguage } from '../detect-language.js';

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

const LABEL_NAMES: Record<string, PairLabel> = {
  verbatim: 'verbatim', consistent: 'verbatim', same: 'verbatim',
  variant: 'variant',
  divergent: 'divergent',
  unrelated: 'unrelated', different: 'unrelated', none: 'unrelated',
};

type LooseVersion = Partial<PairVersion> & { context?: string; text?: string };

/**
 * Parses a JSONL pair set. The format is data/accounts/README.md's; a pair set written more loosely also reads: a
 * version may be a bare string, or give its words as `content` (or `text`) with an optional `context` around them;
 * offsets, kinds, channels, addressees and times are optional; `consistent` reads as verbatim. Throws on a line it
 * cannot use.
 */
export function parsePairs(jsonl: string): LabelledPair[] {
  const out: LabelledPair[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: Partial<LabelledPair> & { a: LooseVersion | string; b: LooseVersion | string; label: string };
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new Error(`line ${i + 1}: not JSON (${(err as Error).message})`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`line ${i + 1}: not a JSON object`);
    const where = `line ${i + 1}${raw.id ? ` (pair ${raw.id})` : ''}`;
    const label = LABEL_NAMES[String(raw.label).toLowerCase()];
    if (!label) throw new Error(`${where}: unknown label ${raw.label} (one of ${Object.keys(LABEL_NAMES).join(', ')})`);
    for (const side of ['a', 'b'] as const) {
      const v = raw[side] as unknown;
      if (typeof v !== 'string' && (!v || typeof v !== 'object')) throw new Error(`${where}: no version "${side}" (its words, or {content, …})`);
    }
    const loose = (v: LooseVersion | string): LooseVersion => (typeof v === 'string' ? { content: v } : v);
    const [la, lb] = [loose(raw.a), loose(raw.b)];
    const words = (v: LooseVersion) => v.content ?? v.text ?? '';
    const text = raw.text ?? [la.context ?? words(la), lb.context ?? words(lb)].join('\n\n');
    let from = 0;
    const version = (v: LooseVersion): PairVersion => {
      const content = words(v);
      let start = v.start ?? -1;
      if (start < 0 || text.slice(start, start + content.length) !== content) start = text.indexOf(content, from);
      if (start < 0) start = text.indexOf(content);
      if (start < 0 || !content) throw new Error(`${where}: the words are not in the text: ${content.slice(0, 60)}`);
      from = start + content.length;
      return {
        start, end: start + content.length, content, kind: v.kind ?? 'direct', via: v.via ?? [], addressee: v.addressee ?? null, time: v.time ?? null,
      };
    };
    const a = version(la);
    const b = version(lb);
    const lang = (raw.lang ?? (detectLanguage(text) === 'en' ? 'en' : 'fr')) as Lang;
    out.push({
      id: raw.id ?? `line-${i + 1}`, lang, label, origin: raw.origin ?? 'unknown', source: raw.source ?? null, doc: raw.doc ?? null,
      speaker: raw.speaker ?? 'speaker', text, a, b, otherQuotes: raw.otherQuotes ?? [], note: raw.note ?? '',
    });
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
