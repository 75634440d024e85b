/**
 * Builds valid selon/1 records by hand: the text is written from the quotes, so every span points at the right words.
 * Used by the store tests and the store benchmark (which needs 100,000 varied quotes without waiting for extraction).
 */
import type { Account, Extraction, OutputEntity, OutputQuote, QuoteKind, TextSpan } from '../types.js';

export interface QuoteSpec {
  content: string;
  speaker?: string | null;
  kind?: QuoteKind;
  via?: string[];
  addressee?: string | null;
  /** A resolved time for the quote ("mardi" → date). */
  time?: { text: string; date: string } | null;
  confidence?: number;
}

export interface RecordSpec {
  id: string;
  lang?: 'fr' | 'en';
  date?: string | null;
  site?: string | null;
  url?: string | null;
  title?: string | null;
  engine?: string;
  quotes?: QuoteSpec[];
  /** Accounts by quote indices; the speaker is the first quote's speaker. */
  accounts?: { quotes: number[]; verdict: Account['verdict']; channels?: string[][] }[];
  /** Extra text after the quotes (to change a text while keeping its quotes). */
  tail?: string;
}

const CUES = { fr: 'a déclaré', en: 'said' } as const;

class TextBuilder {
  text = '';
  add(part: string): TextSpan {
    const start = this.text.length;
    this.text += part;
    return { start, end: this.text.length, text: part };
  }
}

export function makeRecord(spec: RecordSpec): Extraction {
  const lang = spec.lang ?? 'fr';
  const b = new TextBuilder();
  if (spec.title) b.add(`${spec.title}\n\n`);
  const entities = new Map<string, OutputEntity>();
  const entityOf = (name: string, mention: TextSpan): string => {
    let e = entities.get(name);
    if (!e) entities.set(name, (e = { id: `e${entities.size + 1}`, name, type: 'person', gender: null, mentions: [] }));
    e.mentions.push(mention);
    return e.id;
  };
  const quotes = (spec.quotes ?? []).map((q, i) => writeQuote(b, q, i, lang, entityOf, spec.date ?? null));
  if (spec.tail) b.add(spec.tail);
  const accounts: Account[] = (spec.accounts ?? []).map((a, i) => ({
    id: `a${i + 1}`,
    speaker: quotes[a.quotes[0]!]!.speaker?.entity ?? 'e0',
    quotes: a.quotes.map((n) => quotes[n]!.id),
    channels: a.channels ?? a.quotes.map((n) => quotes[n]!.via.map((v) => v.name)),
    verdict: a.verdict,
    similarity: a.verdict === 'consistent' ? 0.9 : 0.2,
    evidence: ['accounts.synthetic'],
  }));
  return {
    schema: 'selon/1',
    engine: { version: spec.engine ?? '0.1.0', packs: { fr: '0.1.0', en: '0.1.0' } },
    id: spec.id,
    status: 'ok',
    reason: null,
    lang,
    date: spec.date ?? null,
    meta: { url: spec.url ?? null, title: spec.title ?? null, author: null, site: spec.site ?? null, source: null },
    text: b.text,
    quotes,
    entities: [...entities.values()],
    boilerplate: [],
    accounts,
    messages: [],
  };
}

type EntityOf = (name: string, mention: TextSpan) => string;

function writeQuote(b: TextBuilder, q: QuoteSpec, i: number, lang: 'fr' | 'en', entityOf: EntityOf, date: string | null): OutputQuote {
  const [open, close] = lang === 'fr' ? ['« ', ' »'] : ['"', '"'];
  b.add(open);
  const content = b.add(q.content);
  b.add(`${close}, `);
  const cue = b.add(CUES[lang]);
  let speaker: OutputQuote['speaker'] = null;
  if (q.speaker) {
    b.add(' ');
    const mention = b.add(q.speaker);
    speaker = { name: q.speaker, entity: entityOf(q.speaker, mention), mention };
  }
  const via = (q.via ?? []).map((name) => {
    b.add(lang === 'fr' ? ', selon ' : ', according to ');
    return { name, entity: null, mention: b.add(name) };
  });
  let time: OutputQuote['time'] = null;
  if (q.time) {
    b.add(' ');
    const span = b.add(q.time.text);
    time = { text: span.text, date: q.time.date ?? date, start: span.start, end: span.end };
  }
  b.add('.\n\n');
  return {
    id: `q${i + 1}`, kind: q.kind ?? 'direct', content, fragments: null, speaker, cue,
    addressee: q.addressee ? { name: q.addressee, entity: null, mention: null } : null,
    via, time, continues: null, confidence: q.confidence ?? 0.9, evidence: ['synthetic.direct'],
  };
}
