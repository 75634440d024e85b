/**
 * Quote search in PostgreSQL, the same queries as the SQLite store (src/store/sqlite/search.ts): the words through the
 * GIN index on `quotes.tsv`, every other filter on plain indexed columns; a page is found as quote keys first, then
 * those few rows are filled in with their JSON, document and speaker.
 */
import type pg from 'pg';
import { fold, speakerKey } from '../names.js';
import { widenDate } from '../record.js';
import { type HitRow, toQuoteRecord } from '../row-types.js';
import type { Facets, QuoteFilters, QuotePage, QuoteRecord } from '../store.js';
import { paging, RANK_LIMIT, type Paging } from '../sqlite/search.js';
import { escapeLike } from '../sqlite/speakers.js';
import { searchParts } from './tsquery.js';
import { refuseWordless } from '../match.js';

/** Parameters of one statement, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Canonical speaker ids whose names match a user-given name: same key, same surname, or the name's words in order. */
export async function speakersNamed(db: pg.Pool, name: string): Promise<number[]> {
  const key = speakerKey(name);
  if (!key) return [];
  const { rows } = await db.query<{ canonical: number }>(`SELECT DISTINCT canonical FROM speakers
    WHERE key = $1 OR surname = $1 OR (' ' || key || ' ') LIKE $2`, [key.key, `% ${escapeLike(key.key)} %`]);
  return rows.map((r) => r.canonical);
}

interface QuoteSet {
  /** WHERE clause over `quotes q` (empty when nothing filters). */
  where: string;
  params: Params;
  /** The words as a tsquery expression over `params`, when there are words. */
  match: string | null;
}

async function quoteSet(db: pg.Pool, f: QuoteFilters): Promise<QuoteSet | null> {
  refuseWordless(f.q);
  const params = new Params();
  const where: string[] = [];
  const parts = f.q ? searchParts(f.q) : null;
  const match = parts ? `selon_query(${params.add(parts.texts)}::text[], ${params.add(parts.prefix)}::boolean[])` : null;
  if (match) where.push(`q.tsv @@ ${match}`);
  if (f.speakerId !== undefined) where.push(`q.speaker = ${params.add(f.speakerId)}`);
  if (f.speaker) {
    const ids = await speakersNamed(db, f.speaker);
    if (ids.length === 0) return null;
    where.push(`q.speaker = ANY(${params.add(ids)}::bigint[])`);
  }
  const equal: [keyof QuoteFilters, string][] = [['lang', 'q.lang'], ['outlet', 'q.outlet'], ['kind', 'q.kind']];
  for (const [key, column] of equal) {
    if (f[key] === undefined || f[key] === '') continue;
    where.push(`${column} = ${params.add(f[key])}`);
  }
  if (f.from) where.push(`q.date >= ${params.add(widenDate(f.from, 'from'))}`);
  if (f.to) where.push(`q.date <= ${params.add(widenDate(f.to, 'to'))}`);
  if (f.via) where.push(`q.pk IN (SELECT quote FROM quote_via WHERE key LIKE ${params.add(`%${escapeLike(fold(f.via))}%`)})`);
  if (f.documentId !== undefined) where.push(`q.doc = (SELECT pk FROM documents WHERE id = ${params.add(f.documentId)})`);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, match };
}

async function countOf(db: pg.Pool, set: QuoteSet): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM quotes q ${set.where}`, set.params.values);
  return rows[0]!.n;
}

/** The quote keys of one page: by relevance when there are words and not too many matches, else newest first. */
async function pageKeys(db: pg.Pool, set: QuoteSet, total: number, p: Paging): Promise<number[]> {
  const ranked = set.match !== null && total <= RANK_LIMIT;
  const order = ranked ? `ts_rank(q.tsv, ${set.match}) DESC, q.pk` : 'q.date DESC NULLS LAST, q.pk DESC';
  const values = [...set.params.values, p.pageSize, p.offset];
  const n = set.params.values.length;
  const { rows } = await db.query<{ pk: number }>(`SELECT q.pk FROM quotes q ${set.where} ORDER BY ${order}
    LIMIT $${n + 1} OFFSET $${n + 2}`, values);
  return rows.map((r) => r.pk);
}

/** The full records of some quotes, in the order of `keys`. */
export async function quoteRecords(db: pg.Pool, keys: number[]): Promise<QuoteRecord[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<HitRow>(`SELECT q.pk, r.record, q.speaker, s.name AS speaker_display, q.date,
      d.id AS doc_id, d.url, d.title, d.outlet, d.lang, d.date AS doc_date
    FROM quotes q JOIN quote_records r ON r.pk = q.pk JOIN documents d ON d.pk = q.doc LEFT JOIN speakers s ON s.pk = q.speaker
    WHERE q.pk = ANY($1::bigint[])`, [keys]);
  const byKey = new Map(rows.map((r) => [r.pk, r]));
  return keys.flatMap((k) => (byKey.has(k) ? [toQuoteRecord(byKey.get(k)!)] : []));
}

export async function searchQuotes(db: pg.Pool, f: QuoteFilters): Promise<QuotePage> {
  const p = paging(f);
  const set = await quoteSet(db, f);
  if (!set) return { items: [], total: 0, page: p.page, pageSize: p.pageSize, ...(f.facets ? { facets: noFacets() } : {}) };
  const total = await countOf(db, set);
  const items = total > p.offset ? await quoteRecords(db, await pageKeys(db, set, total, p)) : [];
  const page: QuotePage = { items, total, page: p.page, pageSize: p.pageSize };
  if (f.facets) page.facets = total ? await facetsOf(db, set) : noFacets();
  return page;
}

function noFacets(): Facets {
  return { speakers: [], outlets: [], langs: [], years: [] };
}

const FACET_LIMIT = 10;

interface FacetSpec {
  value: string;
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

async function facetCounts<V>(db: pg.Pool, set: QuoteSet, spec: FacetSpec): Promise<{ value: V; count: number }[]> {
  const and = set.where ? `${set.where} AND` : 'WHERE';
  const { rows } = await db.query<{ value: V; count: number }>(`SELECT ${spec.value} AS value, count(*) AS count
    FROM quotes q ${and} ${spec.column} IS NOT NULL GROUP BY 1 ORDER BY ${spec.order} ${spec.limit ? `LIMIT ${spec.limit}` : ''}`,
  set.params.values);
  return rows;
}

async function facetsOf(db: pg.Pool, set: QuoteSet): Promise<Facets> {
  const speakers = await facetCounts<number>(db, set, FACETS.speakers);
  const { rows } = await db.query<{ pk: number; name: string }>('SELECT pk, name FROM speakers WHERE pk = ANY($1::bigint[])',
    [speakers.map((s) => s.value)]);
  const nameOf = new Map(rows.map((r) => [r.pk, r.name]));
  return {
    speakers: speakers.map((s) => ({ ...s, name: nameOf.get(s.value) ?? '' })),
    outlets: await facetCounts<string>(db, set, FACETS.outlets),
    langs: await facetCounts<string>(db, set, FACETS.langs),
    years: await facetCounts<string>(db, set, FACETS.years),
  };
}

const STREAM_BATCH = 500;

/** Keys of matching quotes after `after`, in key order: pages that cost the same however deep. */
export async function keysAfter(db: pg.Pool, f: QuoteFilters, after: number): Promise<number[]> {
  const set = await quoteSet(db, f);
  if (!set) return [];
  const and = set.where ? `${set.where} AND` : 'WHERE';
  const { rows } = await db.query<{ pk: number }>(`SELECT q.pk FROM quotes q ${and} q.pk > ${set.params.add(after)}
    ORDER BY q.pk LIMIT ${STREAM_BATCH}`, set.params.values);
  return rows.map((r) => r.pk);
}
