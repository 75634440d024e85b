/**
 * The store: where selon/1 records live so they can be searched by quote, speaker, outlet, language and date.
 * Every operation is async so that a networked backend (PostgreSQL) fits behind the same interface as the
 * embedded SQLite file. `openStore(url)` picks the backend from the URL: `sqlite:PATH` or `postgres://…`.
 */
import type { Account, Extraction, OutputQuote, QuoteKind } from '../types.js';
import type { DocumentInput, ExtractOptions } from '../index.js';
import { parseStoreUrl } from './url.js';

export const DEFAULT_STORE_URL = 'sqlite:selon.db';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface QuoteFilters extends PageRequest {
  /**
   * Free text over quote content and speaker names: the name as the document wrote it and the canonical speaker's
   * ("emmanuel" finds a quote of "M. Macron"), accents and case folded. Text holding no word ("*") is refused (E003).
   */
  q?: string;
  /** A speaker name; matches the canonical speaker and every alias ("Macron" finds "Emmanuel Macron"). */
  speaker?: string;
  speakerId?: number;
  lang?: string;
  /** Inclusive ISO dates; "2022" and "2022-05" widen to the whole period. */
  from?: string;
  to?: string;
  /** A channel name ("CCTV", "transcript"), matched inside the quote's via names. */
  via?: string;
  outlet?: string;
  kind?: QuoteKind;
  documentId?: string;
  /** Add facet counts (speakers, outlets, languages) over the whole filtered set. */
  facets?: boolean;
}

export interface SpeakerRef {
  id: number;
  name: string;
}

export interface DocumentSummary {
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  lang: string | null;
  date: string | null;
}

/** One stored quote with its context: the selon/1 quote unchanged, its document and its canonical speaker. */
export interface QuoteRecord {
  document: DocumentSummary;
  /** The cross-document speaker; `quote.speaker.name` keeps the name as the document gave it. */
  speaker: SpeakerRef | null;
  /** When the words were spoken: the quote's resolved time, else the document date. */
  date: string | null;
  quote: OutputQuote;
}

export interface FacetCount<K = string> {
  value: K;
  count: number;
}

export interface Facets {
  speakers: (FacetCount<number> & { name: string })[];
  outlets: FacetCount[];
  langs: FacetCount[];
  /** Quote counts by year (yyyy), in year order. */
  years: FacetCount[];
}

export interface QuotePage extends Page<QuoteRecord> {
  facets?: Facets;
}

export interface SpeakerFilters extends PageRequest {
  /** Name search (accents and case folded, prefix of any word). */
  q?: string;
  lang?: string;
}

export interface SpeakerSummary extends SpeakerRef {
  type: string | null;
  aliases: string[];
  quotes: number;
  documents: number;
  first: string | null;
  last: string | null;
}

export interface SpeakerDetail extends SpeakerSummary {
  outlets: FacetCount[];
  langs: FacetCount[];
  /** Quote counts by day (yyyy-mm-dd); quotes without a date are counted in `undated`. */
  timeline: FacetCount[];
  undated: number;
}

export interface AccountFilters extends PageRequest {
  /** A speaker name; matches the canonical speaker and every alias, as `QuoteFilters.speaker` does. */
  speaker?: string;
  speakerId?: number;
  /** Inclusive ISO dates over the document's date ("2022" and "2022-05" widen); undated documents are left out. */
  since?: string;
  until?: string;
  verdict?: Account['verdict'];
  documentId?: string;
}

/** A document-level account (selon/1 `accounts`), with the quotes it compares. */
export interface AccountRecord {
  document: DocumentSummary;
  speaker: SpeakerRef | null;
  account: Account;
  quotes: OutputQuote[];
}

export type IngestOutcome = 'added' | 'replaced' | 'unchanged';

/** What decides whether a document must be stored again: its text hash and the engine version of its record. */
export interface StoredKey {
  id: string;
  textHash: string;
  engineVersion: string;
  status: 'ok' | 'skipped';
  reason: string | null;
  quotes: number;
}

export interface IngestResult {
  id: string;
  outcome: IngestOutcome;
  quotes: number;
}

export type ExtractFn = (input: DocumentInput, options?: ExtractOptions) => Extraction;

export interface ReindexOptions {
  /** The engine version records should have; those with another version are re-extracted. */
  version: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ReindexSummary {
  checked: number;
  reindexed: number;
  failed: { id: string; reason: string }[];
}

export interface StoreStats {
  backend: string;
  schemaVersion: number;
  documents: number;
  skipped: number;
  quotes: number;
  speakers: number;
  accounts: number;
  langs: FacetCount[];
  engines: FacetCount[];
  first: string | null;
  last: string | null;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Stores one record. Same id and text: unchanged (unless the record comes from a newer engine); new text replaces. */
  ingest(record: Extraction): Promise<IngestResult>;
  /** Stores several records at once (one transaction where the backend has them). */
  ingestMany(records: Extraction[]): Promise<IngestResult[]>;
  searchQuotes(filters: QuoteFilters): Promise<QuotePage>;
  /**
   * Every quote matching the filters (paging and facets ignored), in storage order, a batch at a time: for readers
   * of the whole store (cross-document accounts, exports) without the cost of deep pages.
   */
  streamQuotes(filters: QuoteFilters): AsyncGenerator<QuoteRecord>;
  listSpeakers(filters: SpeakerFilters): Promise<Page<SpeakerSummary>>;
  getSpeaker(id: number): Promise<SpeakerDetail | null>;
  /** The key of a stored document, so a caller can skip extracting a text that is already stored. */
  storedKey(id: string): Promise<StoredKey | null>;
  /** The stored selon/1 record, exactly as ingested. */
  getDocument(id: string): Promise<Extraction | null>;
  /** Document-level accounts as the records gave them (a cross-document accounts engine comes later). */
  listAccounts(filters: AccountFilters): Promise<Page<AccountRecord>>;
  /** Re-extracts stored texts whose engine version differs from `options.version`. */
  reindex(extract: ExtractFn, options: ReindexOptions): Promise<ReindexSummary>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create an empty store when the file does not exist (default true; readers pass false to catch a mistyped path). */
  create?: boolean;
}

/** Opens (and migrates) the store a URL names. Throws E006 for a URL it cannot use, E012 for a damaged file or another application's. */
export async function openStore(url: string = DEFAULT_STORE_URL, options: OpenOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  if (target.backend === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
    return openSqliteStore(target.path, options.create ?? true);
  }
  const { openPostgresStore } = await import('./postgres.js');
  return openPostgresStore(target.url);
}
