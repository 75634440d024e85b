/** Quote search in SQLite: FTS5 for the words, plain indexed columns for every other filter. */
import type { Database } from 'better-sqlite3';
import type { OutputQuote } from '../../types.js';
import { fold } from '../names.js';
import { toMatchQuery } from '../match.js';
import { widenDate } from '../record.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Facets, type PageRequest, type QuoteFilters, type QuotePage, type QuoteRecord } from '../store.js';
import { escapeLike, speakersNamed } from './speakers.js';

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

/** FROM + WHERE of a filtered quote set, with its parameters; null when the filters can match nothing. */
interface QuoteSet {
  from: string;
  where: string;
  params: unknown[];
  ranked: boolean;
}

function quoteSet(db: Database, f: QuoteFilters): QuoteSet | null {
  const where: string[] = [];
  const params: unknown[] = [];
  const match = f.q ? toMatchQuery(f.q) : null;
  let from = 'quotes q';
  if (match) {
    from = 'quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid';
    where.push('quotes_fts MATCH ?');
    params.push(match);
  }
  if (f.speakerId !== undefined) {
    where.push('q.speaker = ?');
    params.push(f.speakerId);
  }
  if (f.speaker) {
    const ids = speakersNamed(db, f.speaker);
    if (ids.length === 0) return null;
    where.push(`q.speaker IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  const equal: [keyof QuoteFilters, string][] = [['lang', 'q.lang'], ['outlet', 'q.outlet'], ['kind', 'q.kind']];
  for (const [key, column] of equal) {
    if (f[key] === undefined || f[key] === '') continue;
    where.push(`${column} = ?`);
    params.push(f[key]);
  }
  if (f.from) (where.push('q.date >= ?'), params.push(widenDate(f.from, 'from')));
  if (f.to) (where.push('q.date <= ?'), params.push(widenDate(f.to, 'to')));
  if (f.via) {
    where.push(`q.pk IN (SELECT quote FROM quote_via WHERE key LIKE ? ESCAPE '\\')`);
    params.push(`%${escapeLike(fold(f.via))}%`);
  }
  if (f.documentId !== undefined) {
    where.push('q.doc = (SELECT pk FROM documents WHERE id = ?)');
    params.push(f.documentId);
  }
  return { from, where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, ranked: match !== null };
}

interface HitRow {
  record: string;
  speaker: number | null;
  speaker_display: string | null;
  date: string | null;
  doc_id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  lang: string | null;
  doc_date: string | null;
}

export const HIT_COLUMNS = `q.record, q.speaker, s.name AS speaker_display, q.date, d.id AS doc_id, d.url, d.title,
  d.outlet, d.lang, d.date AS doc_date`;

export function toQuoteRecord(row: HitRow): QuoteRecord {
  return {
    document: { id: row.doc_id, url: row.url, title: row.title, outlet: row.outlet, lang: row.lang, date: row.doc_date },
    speaker: row.speaker !== null ? { id: row.speaker, name: row.speaker_display ?? '' } : null,
    date: row.date,
    quote: JSON.parse(row.record) as OutputQuote,
  };
}

export function searchQuotes(db: Database, f: QuoteFilters): QuotePage {
  const p = paging(f);
  const set = quoteSet(db, f);
  if (!set) return { items: [], total: 0, page: p.page, pageSize: p.pageSize, ...(f.facets ? { facets: noFacets() } : {}) };
  const order = set.ranked ? 'quotes_fts.rank, q.pk' : 'q.date IS NULL, q.date DESC, q.pk DESC';
  const rows = db.prepare(`SELECT ${HIT_COLUMNS} FROM ${set.from}
      JOIN documents d ON d.pk = q.doc LEFT JOIN speakers s ON s.pk = q.speaker
      ${set.where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...set.params, p.pageSize, p.offset) as HitRow[];
  const total = db.prepare(`SELECT count(*) FROM ${set.from} ${set.where}`).pluck().get(...set.params) as number;
  const page: QuotePage = { items: rows.map(toQuoteRecord), total, page: p.page, pageSize: p.pageSize };
  if (f.facets) page.facets = facetsOf(db, set);
  return page;
}

function noFacets(): Facets {
  return { speakers: [], outlets: [], langs: [], years: [] };
}

const FACET_LIMIT = 10;

function facetsOf(db: Database, set: QuoteSet): Facets {
  const and = set.where ? `${set.where} AND` : 'WHERE';
  const count = (column: string) => db.prepare(`SELECT ${column} AS value, count(*) AS count FROM ${set.from}
      ${and} ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`)
    .all(...set.params) as { value: string; count: number }[];
  const speakers = count('q.speaker') as unknown as { value: number; count: number }[];
  const years = db.prepare(`SELECT substr(q.date, 1, 4) AS value, count(*) AS count FROM ${set.from}
      ${and} q.date IS NOT NULL GROUP BY value ORDER BY value`).all(...set.params) as { value: string; count: number }[];
  const nameOf = db.prepare('SELECT name FROM speakers WHERE pk = ?').pluck();
  return {
    speakers: speakers.map((s) => ({ ...s, name: nameOf.get(s.value) as string })),
    outlets: count('q.outlet'),
    langs: count('q.lang'),
    years,
  };
}
