/**
 * Quote search in SQLite: FTS5 for the words, plain indexed columns for every other filter. A page is found as
 * quote keys first (touching only the narrow quotes table), then those few rows are filled in with their JSON,
 * document and speaker.
 */
import type { Database } from 'better-sqlite3';
import { fold } from '../names.js';
import { refuseWordless, toMatchQuery } from '../match.js';
import { widenDate } from '../record.js';
import { type HitRow, toQuoteRecord } from '../row-types.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Facets, type PageRequest, type QuoteFilters, type QuotePage, type QuoteRecord } from '../store.js';
import { escapeLike, speakersNamed } from './speakers.js';
import { sql } from './statements.js';
import { Conditions, placeholders } from './conditions.js';
import type { FacetCache } from './facet-cache.js';

/**
 * Above this many matches, results come newest first instead of by relevance: ranking every match of a very common
 * word costs more than it tells (bench/store.bench.ts: ranking 32,000 matches of "le" took 26 ms on its own).
 */
export const RANK_LIMIT = 5000;

export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

export function paging(request: PageRequest): Paging {
  const page = Math.max(1, Math.floor(request.page ?? 1) || 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** FROM + WHERE of a filtered quote set, with its parameters. */
interface QuoteSet {
  from: string;
  where: string;
  params: unknown[];
  /** The words are the only filter: counting and ranking need no quote row at all. */
  wordsOnly: boolean;
  match: string | null;
}

function quoteSet(db: Database, f: QuoteFilters): QuoteSet | null {
  refuseWordless(f.q);
  const c = new Conditions();
  if (f.speakerId !== undefined) c.add('q.speaker = ?', f.speakerId);
  if (f.speaker) {
    const ids = speakersNamed(db, f.speaker);
    if (ids.length === 0) return null;
    c.add(`q.speaker IN (${placeholders(ids)})`, ...ids);
  }
  if (f.lang) c.add('q.lang = ?', f.lang);
  if (f.outlet) c.add('q.outlet = ?', f.outlet);
  if (f.kind) c.add('q.kind = ?', f.kind);
  if (f.from) c.add('q.date >= ?', widenDate(f.from, 'from'));
  if (f.to) c.add('q.date <= ?', widenDate(f.to, 'to'));
  if (f.via) c.add(`q.pk IN (SELECT quote FROM quote_via WHERE key LIKE ? ESCAPE '\\')`, `%${escapeLike(fold(f.via))}%`);
  if (f.documentId !== undefined) c.add('q.doc = (SELECT pk FROM documents WHERE id = ?)', f.documentId);
  const match = f.q ? toMatchQuery(f.q) : null;
  const wordsOnly = match !== null && c.empty;
  if (match) c.first('quotes_fts MATCH ?', match);
  const from = match ? 'quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid' : 'quotes q';
  return { from, where: c.sql(), params: c.params, wordsOnly, match };
}

function countOf(db: Database, set: QuoteSet): number {
  if (set.wordsOnly) return sql(db, 'SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?').pluck().get(set.match) as number;
  return db.prepare(`SELECT count(*) FROM ${set.from} ${set.where}`).pluck().get(...set.params) as number;
}

/** The quote keys of one page: by relevance when there are words and not too many matches, else newest first. */
function pageKeys(db: Database, set: QuoteSet, total: number, p: Paging): number[] {
  const ranked = set.match !== null && total <= RANK_LIMIT;
  if (ranked && set.wordsOnly) {
    return sql(db, 'SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?')
      .pluck().all(set.match, p.pageSize, p.offset) as number[];
  }
  const order = ranked ? 'quotes_fts.rank, q.pk' : 'q.date DESC, q.pk DESC';
  return db.prepare(`SELECT q.pk FROM ${set.from} ${set.where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck().all(...set.params, p.pageSize, p.offset) as number[];
}

/** The full records of some quotes, in the order of `keys`. */
export function quoteRecords(db: Database, keys: number[]): QuoteRecord[] {
  if (keys.length === 0) return [];
  const rows = db.prepare(`SELECT q.pk, r.record, q.speaker, s.name AS speaker_display, q.date, d.id AS doc_id, d.url,
      d.title, d.outlet, d.lang, d.date AS doc_date
    FROM quotes q JOIN quote_records r ON r.pk = q.pk JOIN documents d ON d.pk = q.doc LEFT JOIN speakers s ON s.pk = q.speaker
    WHERE q.pk IN (${placeholders(keys)})`).all(...keys) as HitRow[];
  const byKey = new Map(rows.map((r) => [r.pk, r]));
  return keys.flatMap((k) => (byKey.has(k) ? [toQuoteRecord(byKey.get(k)!)] : []));
}

export function searchQuotes(db: Database, f: QuoteFilters, cache?: FacetCache): QuotePage {
  const p = paging(f);
  const set = quoteSet(db, f);
  if (!set) return { items: [], total: 0, page: p.page, pageSize: p.pageSize, ...(f.facets ? { facets: noFacets() } : {}) };
  const total = countOf(db, set);
  const items = total > p.offset ? quoteRecords(db, pageKeys(db, set, total, p)) : [];
  const page: QuotePage = { items, total, page: p.page, pageSize: p.pageSize };
  if (f.facets) page.facets = !total ? noFacets() : cache ? cache.get(f, () => facetsOf(db, set)) : facetsOf(db, set);
  return page;
}

function noFacets(): Facets {
  return { speakers: [], outlets: [], langs: [], years: [] };
}

const FACET_LIMIT = 10;

interface FacetSpec {
  /** The value counted. */
  value: string;
  /** The quote column it comes from (rows where it is null are not counted). */
  column: string;
  order: string;
  limit: number | null;
}

const FACETS: Record<keyof Facets, FacetSpec> = {
  speakers: { value: 'q.speaker', column: 'q.speaker', order: 'count DESC, value', limit: FACET_LIMIT },
  outlets: { value: 'q.outlet', column: 'q.outlet', order: 'count DESC, value', limit: FACET_LIMIT },
  langs: { value: 'q.lang', column: 'q.lang', order: 'count DESC, value', limit: FACET_LIMIT },
  years: { value: 'substr(q.date, 1, 4)', column: 'q.date', order: 'value', limit: null },
};

function facetCounts(db: Database, set: QuoteSet, spec: FacetSpec): { value: string; count: number }[] {
  const and = set.where ? `${set.where} AND` : 'WHERE';
  return db.prepare(`SELECT ${spec.value} AS value, count(*) AS count FROM ${set.from} ${and} ${spec.column} IS NOT NULL
      GROUP BY 1 ORDER BY ${spec.order} ${spec.limit ? `LIMIT ${spec.limit}` : ''}`).all(...set.params) as { value: string; count: number }[];
}

function facetsOf(db: Database, set: QuoteSet): Facets {
  const nameOf = sql(db, 'SELECT name FROM speakers WHERE pk = ?').pluck();
  const speakers = facetCounts(db, set, FACETS.speakers) as unknown as { value: number; count: number }[];
  return {
    speakers: speakers.map((s) => ({ ...s, name: nameOf.get(s.value) as string })),
    outlets: facetCounts(db, set, FACETS.outlets),
    langs: facetCounts(db, set, FACETS.langs),
    years: facetCounts(db, set, FACETS.years),
  };
}

const STREAM_BATCH = 500;

/** Keys of matching quotes after `after`, in key order: pages that cost the same however deep. */
export function keysAfter(db: Database, f: QuoteFilters, after: number): number[] {
  const set = quoteSet(db, f);
  if (!set) return [];
  const and = set.where ? `${set.where} AND` : 'WHERE';
  return db.prepare(`SELECT q.pk FROM ${set.from} ${and} q.pk > ? ORDER BY q.pk LIMIT ${STREAM_BATCH}`)
    .pluck().all(...set.params, after) as number[];
}
