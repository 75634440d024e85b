/** Hand-built Documents for the accounts tests: text, segmentation, quotes and speakers set by hand. */
import type { Account, Document, Lang, QuoteDraft, QuoteKind } from '../src/types.js';
import { packFor } from '../src/lang/index.js';
import { segment } from '../src/stages/segment.js';
import { compareAccounts } from '../src/stages/compare-accounts.js';
import { DEFAULT_CONFIG } from '../src/config.js';

export interface QuoteSpec {
  /** The quoted words, found in the text (the `nth` occurrence, default the first after the previous quote). */
  words: string;
  speaker: string | null;
  kind?: QuoteKind;
  via?: string[];
  addressee?: string | null;
  /** Index of the quote this one continues. */
  continues?: number;
  time?: { text: string; date: string | null };
}

export function docWith(lang: Lang, text: string, specs: QuoteSpec[]): Document {
  const pack = packFor(lang)!;
  const base = segment.run({ id: 'test', text, lang, date: null, meta: {}, layers: {}, messages: [] }, pack, DEFAULT_CONFIG);
  const names = [...new Set(specs.map((s) => s.speaker).filter((n): n is string => !!n))];
  let from = 0;
  const quotes: QuoteDraft[] = specs.map((s, i) => {
    const start = text.indexOf(s.words, from);
    if (start < 0) throw new Error(`not in text: ${s.words}`);
    from = start + s.words.length;
    const sentence = base.layers.sentences!.findIndex((x) => x.start <= start && start < x.end);
    return {
      id: `q${i + 1}`,
      kind: s.kind ?? 'direct',
      content: { start, end: start + s.words.length },
      fragments: null,
      cue: null,
      quoted: null,
      speakerMention: null,
      speakerEntity: s.speaker ? `e${names.indexOf(s.speaker) + 1}` : null,
      speakerName: null,
      addressee: s.addressee ? { name: s.addressee, entity: null, mention: null } : null,
      via: (s.via ?? []).map((name) => ({ name, entity: null, mention: null })),
      time: s.time ? { ...s.time, start, end: start } : null,
      continues: s.continues !== undefined ? `q${s.continues + 1}` : null,
      confidence: 1,
      evidence: [],
      sentence: Math.max(0, sentence),
    };
  });
  return {
    ...base,
    layers: {
      ...base.layers,
      mentions: [],
      entities: names.map((name, k) => ({ id: `e${k + 1}`, name, type: 'person', gender: null, number: null, mentions: [] })),
      quotes,
    },
  };
}

export function accountsOf(lang: Lang, text: string, specs: QuoteSpec[]): Account[] {
  return compareAccounts.run(docWith(lang, text, specs), packFor(lang)!, DEFAULT_CONFIG).layers.accounts!;
}

/** The verdict for the first two quotes of a text, or null when they are not one account. */
export function verdictOf(lang: Lang, text: string, specs: QuoteSpec[]): Account['verdict'] | null {
  const account = accountsOf(lang, text, specs).find((a) => a.quotes.includes('q1') && a.quotes.includes('q2'));
  return account?.verdict ?? null;
}
