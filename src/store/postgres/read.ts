/** Reading from PostgreSQL: speakers, documents, accounts, stats — the SQLite store's queries (sqlite/read.ts). */
import type pg from 'pg';
import type { Account, Extraction, OutputQuote } from '../../types.js';
import { fromShell, widenDate } from '../record.js';
import type {
  AccountFilters, AccountRecord, FacetCount, Page, SpeakerDetail, SpeakerFilters, SpeakerSummary, StoredKey, StoreStats,
} from '../store.js';
import { paging } from '../sqlite/search.js';
import { schemaVersion } from './migrations.js';
import { Params, speakersNamed } from './search.js';
import { toTsQuery } from './tsquery.js';
import type { AccountRow } from '../row-types.js';

interface SpeakerCounts {
  id: number;
  quotes: number;
  documents: number;
  first: string | null;
  last: string | null;
}

/** Names, types and aliases of some canonical speakers, added to their counts. */
async function summariesOf(db: pg.Pool, counts: SpeakerCounts[]): Promise<SpeakerSummary[]> {
  const ids = counts.map((c) => c.id);
  const { rows: names } = await db.query<{ pk: number; name: string; type: string | null }>(
    'SELECT pk, name, type FROM speakers WHERE pk = ANY($1::bigint[])', [ids]);
  const { rows: aliases } = await db.query<{ canonical: number; alias: string }>(`SELECT DISTINCT s.canonical, a.alias
    FROM speaker_aliases a JOIN speakers s ON s.pk = a.speaker WHERE s.canonical = ANY($1::bigint[]) ORDER BY a.alias`, [ids]);
  const byPk = new Map(names.map((r) => [r.pk, r]));
  return counts.map((c) => ({
    id: c.id, name: byPk.get(c.id)?.name ?? '', type: byPk.get(c.id)?.type ?? null,
    aliases: aliases.filter((a) => a.canonical === c.id).map((a) => a.alias),
    quotes: c.quotes, documents: c.documents, first: c.first, last: c.last,
  }));
}

export async function listSpeakers(db: pg.Pool, f: SpeakerFilters): Promise<Page<SpeakerSummary>> {
  const p = paging(f);
  const params = new Params();
  const where = ['q.speaker IS NOT NULL'];
  if (f.lang) where.push(`q.lang = ${params.add(f.lang)}`);
  if (f.q !== undefined && f.q !== '') {
    const match = toTsQuery(f.q, { prefix: true });
    if (!match) return { items: [], total: 0, page: p.page, pageSize: p.pageSize };
    where.push(`q.speaker IN (SELECT canonical FROM speakers WHERE pk IN (SELECT speaker FROM speaker_aliases
      WHERE to_tsvector('selon_simple', alias) @@ to_tsquery('selon_simple', ${params.add(match)})))`);
  }
  const filter = `FROM quotes q WHERE ${where.join(' AND ')}`;
  const n = params.values.length;
  const { rows } = await db.query<SpeakerCounts>(`SELECT q.speaker AS id, count(*) AS quotes, count(DISTINCT q.doc) AS documents,
      min(q.date) AS first, max(q.date) AS last ${filter}
      GROUP BY q.speaker ORDER BY quotes DESC, id LIMIT $${n + 1} OFFSET $${n + 2}`, [...params.values, p.pageSize, p.offset]);
  const { rows: total } = await db.query<{ n: number }>(`SELECT count(DISTINCT q.speaker) AS n ${filter}`, params.values);
  return { items: await summariesOf(db, rows), total: total[0]!.n, page: p.page, pageSize: p.pageSize };
}

/** A speaker's quote counts by one column, most frequent first, or in value order (for a timeline). */
async function countBy(db: pg.Pool, column: 'outlet' | 'lang' | 'date', speaker: number, order: 'count' | 'value'): Promise<FacetCount[]> {
  const orderBy = order === 'count' ? 'count DESC, value' : 'value';
  const { rows } = await db.query<FacetCount>(`SELECT ${column} AS value, count(*) AS count FROM quotes
    WHERE speaker = $1 AND ${column} IS NOT NULL GROUP BY value ORDER BY ${orderBy}`, [speaker]);
  return rows;
}

export async function getSpeaker(db: pg.Pool, pk: number): Promise<SpeakerDetail | null> {
  const { rows: found } = await db.query<{ canonical: number }>('SELECT canonical FROM speakers WHERE pk = $1', [pk]);
  if (found.length === 0) return null;
  const id = found[0]!.canonical;
  const { rows } = await db.query<SpeakerCounts & { undated: number }>(`SELECT $1::bigint AS id, count(*) AS quotes,
    count(DISTINCT doc) AS documents, min(date) AS first, max(date) AS last, count(*) FILTER (WHERE date IS NULL) AS undated
    FROM quotes WHERE speaker = $1`, [id]);
  const counts = rows[0]!;
  const [summary] = await summariesOf(db, [counts]);
  return {
    ...summary!,
    outlets: await countBy(db, 'outlet', id, 'count'),
    langs: await countBy(db, 'lang', id, 'count'),
    timeline: await countBy(db, 'date', id, 'value'),
    undated: counts.undated,
  };
}

export async function storedKey(db: pg.Pool, id: string): Promise<StoredKey | null> {
  const { rows } = await db.query<StoredKey>(`SELECT id, text_hash AS "textHash", engine_version AS "engineVersion", status,
    reason, quote_count AS quotes FROM documents WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function getDocument(db: pg.Pool, id: string): Promise<Extraction | null> {
  const { rows } = await db.query<{ pk: number; record: string; text: string }>('SELECT pk, record, text FROM documents WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  const { rows: quotes } = await db.query<{ record: string }>(`SELECT r.record FROM quotes q JOIN quote_records r ON r.pk = q.pk
    WHERE q.doc = $1 ORDER BY q.seq`, [row.pk]);
  return fromShell(row.record, row.text, quotes.map((q) => JSON.parse(q.record) as OutputQuote));
}


async function accountRecord(db: pg.Pool, row: AccountRow): Promise<AccountRecord> {
  const account = JSON.parse(row.record) as Account;
  const { rows } = await db.query<{ id: string; record: string }>(`SELECT q.id, r.record FROM quotes q
    JOIN quote_records r ON r.pk = q.pk WHERE q.doc = $1`, [row.doc]);
  const byId = new Map(rows.map((q) => [q.id, q.record]));
  const quotes = account.quotes.flatMap((id) => (byId.has(id) ? [JSON.parse(byId.get(id)!) as OutputQuote] : []));
  return {
    document: { id: row.doc_id, url: row.url, title: row.title, outlet: row.outlet, lang: row.lang, date: row.doc_date },
    speaker: row.speaker !== null ? { id: row.speaker, name: row.speaker_display ?? '' } : null,
    account,
    quotes,
  };
}

export async function listAccounts(db: pg.Pool, f: AccountFilters): Promise<Page<AccountRecord>> {
  const p = paging(f);
  const params = new Params();
  const where: string[] = [];
  if (f.speakerId !== undefined) where.push(`a.speaker = ${params.add(f.speakerId)}`);
  if (f.speaker) {
    const ids = await speakersNamed(db, f.speaker);
    if (ids.length === 0) return { items: [], total: 0, page: p.page, pageSize: p.pageSize };
    where.push(`a.speaker = ANY(${params.add(ids)}::bigint[])`);
  }
  if (f.since) where.push(`d.date >= ${params.add(widenDate(f.since, 'from'))}`);
  if (f.until) where.push(`d.date <= ${params.add(widenDate(f.until, 'to'))}`);
  if (f.verdict) where.push(`a.verdict = ${params.add(f.verdict)}`);
  if (f.documentId !== undefined) where.push(`d.id = ${params.add(f.documentId)}`);
  const filter = `FROM accounts a JOIN documents d ON d.pk = a.doc LEFT JOIN speakers s ON s.pk = a.speaker
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const n = params.values.length;
  const { rows } = await db.query<AccountRow>(`SELECT a.doc, a.record, a.speaker, s.name AS speaker_display, d.id AS doc_id,
      d.url, d.title, d.outlet, d.lang, d.date AS doc_date ${filter}
      ORDER BY d.date DESC NULLS LAST, a.pk LIMIT $${n + 1} OFFSET $${n + 2}`, [...params.values, p.pageSize, p.offset]);
  const { rows: total } = await db.query<{ n: number }>(`SELECT count(*) AS n ${filter}`, params.values);
  const items: AccountRecord[] = [];
  for (const row of rows) items.push(await accountRecord(db, row));
  return { items, total: total[0]!.n, page: p.page, pageSize: p.pageSize };
}

export async function stats(db: pg.Pool): Promise<StoreStats> {
  const count = async (text: string) => (await db.query<{ n: number }>(text)).rows[0]!.n;
  const facet = async (text: string) => (await db.query<FacetCount>(text)).rows;
  const { rows: range } = await db.query<{ first: string | null; last: string | null }>(
    'SELECT min(date) AS first, max(date) AS last FROM documents');
  const version = await schemaVersion(db);
  return {
    backend: 'postgres',
    schemaVersion: version,
    documents: await count('SELECT count(*) AS n FROM documents'),
    skipped: await count(`SELECT count(*) AS n FROM documents WHERE status = 'skipped'`),
    quotes: await count('SELECT count(*) AS n FROM quotes'),
    speakers: await count('SELECT count(DISTINCT speaker) AS n FROM quotes'),
    accounts: await count('SELECT count(*) AS n FROM accounts'),
    langs: await facet(`SELECT lang AS value, count(*) AS count FROM documents WHERE lang IS NOT NULL
      GROUP BY lang ORDER BY count DESC`),
    engines: await facet('SELECT engine_version AS value, count(*) AS count FROM documents GROUP BY engine_version ORDER BY count DESC'),
    first: range[0]!.first,
    last: range[0]!.last,
  };
}
