/**
 * Where cross-document accounts get their quote records: a store (src/store, through `searchQuotes`, page after
 * page) or selon/1 extractions (a JSONL file of `selon extract` output). Both yield AccountQuote records.
 *
 * What accounts needs from a store is small, and written here as `QuoteSource`: every stored quote with its document
 * id, outlet, date, channels and canonical speaker, optionally from a date on. src/store's `Store` provides it.
 */
import type { Extraction } from '../types.js';
import type { QuoteFilters, QuoteRecord } from '../store/store.js';
import { outletOf, quoteDate } from '../store/record.js';
import { speakerKey as storeSpeakerKey } from '../store/names.js';
import { accountsOver, speakerKeyOf, type AccountQuote, type AccountsFilters, type AccountsReport, type ClusterOptions } from './cluster.js';

/**
 * The part of the store accounts uses: one stream of every quote in a date range (src/store's `streamQuotes`, keyset
 * batches), or, for a source without it, paged search (`searchQuotes`, whose deep pages cost OFFSET scans).
 */
export interface QuoteSource {
  searchQuotes(filters: QuoteFilters): Promise<{ items: QuoteRecord[]; total: number }>;
  streamQuotes?(filters: QuoteFilters): AsyncIterable<QuoteRecord>;
}

const PAGE = 100;

/** A stored quote as an account record; the speaker key is the store's canonical speaker id. */
export function fromStoredQuote(r: QuoteRecord): AccountQuote {
  return {
    docId: r.document.id,
    quoteId: r.quote.id,
    speakerKey: r.speaker ? `speaker:${r.speaker.id}` : r.quote.speaker ? speakerKeyOf(r.quote.speaker.name) : null,
    speakerName: r.speaker?.name ?? r.quote.speaker?.name ?? null,
    content: r.quote.content.text,
    outlet: r.document.outlet,
    date: r.date,
    published: r.document.date,
    via: r.quote.via.map((v) => v.name),
    lang: r.document.lang,
    kind: r.quote.kind,
    url: r.document.url,
    title: r.document.title,
  };
}

/** Every quote of a store (from `since` on, when given), page after page. */
export async function* quotesFromStore(source: QuoteSource, options: { since?: string; until?: string } = {}): AsyncGenerator<AccountQuote> {
  if (source.streamQuotes) {
    for await (const r of source.streamQuotes({ from: options.since, to: options.until })) yield fromStoredQuote(r);
    return;
  }
  for (let page = 1; ; page++) {
    const { items } = await source.searchQuotes({ from: options.since, to: options.until, page, pageSize: PAGE });
    for (const r of items) yield fromStoredQuote(r);
    if (items.length < PAGE) return;
  }
}

/** The quotes of selon/1 extractions. Speakers are keyed by their normalised name (see `resolveSpeakers`). */
export function quotesFromExtraction(x: Extraction): AccountQuote[] {
  if (x.status !== 'ok') return [];
  const outlet = outletOf(x.meta);
  return x.quotes.map((q) => ({
    docId: x.id,
    quoteId: q.id,
    speakerKey: q.speaker ? (storeSpeakerKey(q.speaker.name)?.key ?? speakerKeyOf(q.speaker.name)) : null,
    speakerName: q.speaker?.name ?? null,
    content: q.content.text,
    outlet,
    date: quoteDate(q, x),
    published: x.date ?? null,
    via: q.via.map((v) => v.name),
    lang: x.lang,
    kind: q.kind,
    url: x.meta.url ?? null,
    title: x.meta.title ?? null,
  }));
}

/**
 * Across documents, a bare surname ("Macron") joins the one full name that ends with it ("Emmanuel Macron"), as the
 * store does for its canonical speakers. Ambiguous surnames (two full names) stay apart.
 */
export function resolveSpeakers(records: AccountQuote[]): AccountQuote[] {
  const fullBySurname = new Map<string, Set<string>>();
  const info = new Map<string, { surname: string; full: boolean }>();
  for (const r of records) {
    if (!r.speakerName || !r.speakerKey || info.has(r.speakerKey)) continue;
    const k = storeSpeakerKey(r.speakerName);
    if (!k) continue;
    info.set(r.speakerKey, { surname: k.surname, full: k.full });
    if (k.full) {
      const set = fullBySurname.get(k.surname) ?? new Set<string>();
      set.add(r.speakerKey);
      fullBySurname.set(k.surname, set);
    }
  }
  return records.map((r) => {
    const k = r.speakerKey ? info.get(r.speakerKey) : undefined;
    if (!k || k.full) return r;
    const full = fullBySurname.get(k.surname);
    return full && full.size === 1 ? { ...r, speakerKey: [...full][0]! } : r;
  });
}

/**
 * Cross-document accounts over a store, with the filters of `selon accounts` and GET /api/accounts. Reads every quote
 * in the date range (speaker conflicts need the other speakers' quotes too), then clusters them.
 */
export async function accountsFromStore(source: QuoteSource, filters: AccountsFilters = {}, options: ClusterOptions = {}): Promise<AccountsReport> {
  const records: AccountQuote[] = [];
  for await (const r of quotesFromStore(source, { since: filters.since, until: filters.until })) records.push(r);
  return accountsOver(records, filters, options);
}
