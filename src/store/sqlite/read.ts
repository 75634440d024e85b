/** Reading from SQLite: speakers, documents, accounts, stats. */
import type { Database } from 'better-sqlite3';
import type { Account, Extraction, OutputQuote } from '../../types.js';
import { toMatchQuery } from '../match.js';
import { fromShell, widenDate } from '../record.js';
import type { AccountFilters, AccountRecord, FacetCount, Page, SpeakerDetail, SpeakerFilters, SpeakerSummary, StoredKey, StoreStats } from '../store.js';
import { paging } from './search.js';
import { schemaVersion } from './migrations.js';
import { speakersNamed } from './speakers.js';
import { sql } from './statements.js';
import { Conditions, placeholders } from './conditions.js';
import type { AccountRow } from '../row-types.js';

interface SpeakerCounts {
  id: number;
  quotes: number;
  documents: number;
  first: string | null;
  last: string | null;
}

function summaryOf(db: Database, counts: SpeakerCounts): SpeakerSummary {
  const row = sql(db, 'SELECT name, type FROM speakers WHERE pk = ?').get(counts.id) as { name: string; type: string | null };
  const aliases = sql(db, `SELECT DISTINCT alias FROM speaker_aliases
    WHERE speaker IN (SELECT pk FROM speakers WHERE canonical = ?) ORDER BY alias`).pluck().all(counts.id) as string[];
  return { id: counts.id, name: row.name, type: row.type, aliases, quotes: counts.quotes, documents: counts.documents, first: counts.first, last: counts.last };
}

export function listSpeakers(db: Database, f: SpeakerFilters): Page<SpeakerSummary> {
  const p = paging(f);
  const c = new Conditions();
  c.add('q.speaker IS NOT NULL');
  if (f.lang) c.add('q.lang = ?', f.lang);
  if (f.q !== undefined && f.q !== '') {
    const match = toMatchQuery(f.q, { prefix: true });
    if (!match) return { items: [], total: 0, page: p.page, pageSize: p.pageSize };
    c.add('q.speaker IN (SELECT canonical FROM speakers WHERE pk IN (SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?))', match);
  }
  const filter = `FROM quotes q ${c.sql()}`;
  const rows = db.prepare(`SELECT q.speaker AS id, count(*) AS quotes, count(DISTINCT q.doc) AS documents,
      min(q.date) AS first, max(q.date) AS last ${filter}
      GROUP BY q.speaker ORDER BY quotes DESC, id LIMIT ? OFFSET ?`).all(...c.params, p.pageSize, p.offset) as SpeakerCounts[];
  const total = db.prepare(`SELECT count(DISTINCT q.speaker) ${filter}`).pluck().get(...c.params) as number;
  return { items: rows.map((r) => summaryOf(db, r)), total, page: p.page, pageSize: p.pageSize };
}

/** A speaker's quote counts by one column, most frequent first, or in value order (for a timeline). */
function countBy(db: Database, column: 'outlet' | 'lang' | 'date', speaker: number, order: 'count' | 'value'): FacetCount[] {
  const orderBy = order === 'count' ? 'count DESC, value' : 'value';
  return sql(db, `SELECT ${column} AS value, count(*) AS count FROM quotes
    WHERE speaker = ? AND ${column} IS NOT NULL GROUP BY value ORDER BY ${orderBy}`).all(speaker) as FacetCount[];
}

export function getSpeaker(db: Database, pk: number): SpeakerDetail | null {
  const id = sql(db, 'SELECT canonical FROM speakers WHERE pk = ?').pluck().get(pk) as number | undefined;
  if (id === undefined) return null;
  const counts = sql(db, `SELECT ? AS id, count(*) AS quotes, count(DISTINCT doc) AS documents, min(date) AS first,
    max(date) AS last, sum(date IS NULL) AS undated FROM quotes WHERE speaker = ?`).get(id, id) as SpeakerCounts & { undated: number | null };
  return {
    ...summaryOf(db, counts),
    outlets: countBy(db, 'outlet', id, 'count'),
    langs: countBy(db, 'lang', id, 'count'),
    timeline: countBy(db, 'date', id, 'value'),
    undated: counts.undated ?? 0,
  };
}

export function storedKey(db: Database, id: string): StoredKey | null {
  const row = sql(db, `SELECT id, text_hash AS textHash, engine_version AS engineVersion, status, reason, quote_count AS quotes
    FROM documents WHERE id = ?`)
    .get(id) as StoredKey | undefined;
  return row ?? null;
}

export function getDocument(db: Database, id: string): Extraction | null {
  const row = sql(db, 'SELECT pk, record, text FROM documents WHERE id = ?').get(id) as { pk: number; record: string; text: string } | undefined;
  if (!row) return null;
  const quotes = sql(db, 'SELECT r.record FROM quotes q JOIN quote_records r ON r.pk = q.pk WHERE q.doc = ? ORDER BY q.seq').pluck().all(row.pk) as string[];
  return fromShell(row.record, row.text, quotes.map((q) => JSON.parse(q) as OutputQuote));
}


function accountRecord(db: Database, row: AccountRow): AccountRecord {
  const account = JSON.parse(row.record) as Account;
  const stored = sql(db, 'SELECT q.id, r.record FROM quotes q JOIN quote_records r ON r.pk = q.pk WHERE q.doc = ?').all(row.doc) as { id: string; record: string }[];
  const byId = new Map(stored.map((q) => [q.id, q.record]));
  const quotes = account.quotes.flatMap((id) => (byId.has(id) ? [JSON.parse(byId.get(id)!) as OutputQuote] : []));
  return {
    document: { id: row.doc_id, url: row.url, title: row.title, outlet: row.outlet, lang: row.lang, date: row.doc_date },
    speaker: row.speaker !== null ? { id: row.speaker, name: row.speaker_display ?? '' } : null,
    account,
    quotes,
  };
}

export function listAccounts(db: Database, f: AccountFilters): Page<AccountRecord> {
  const p = paging(f);
  const c = new Conditions();
  if (f.speakerId !== undefined) c.add('a.speaker = ?', f.speakerId);
  if (f.speaker) {
    const ids = speakersNamed(db, f.speaker);
    if (ids.length === 0) return { items: [], total: 0, page: p.page, pageSize: p.pageSize };
    c.add(`a.speaker IN (${placeholders(ids)})`, ...ids);
  }
  if (f.since) c.add('d.date >= ?', widenDate(f.since, 'from'));
  if (f.until) c.add('d.date <= ?', widenDate(f.until, 'to'));
  if (f.verdict) c.add('a.verdict = ?', f.verdict);
  if (f.documentId !== undefined) c.add('d.id = ?', f.documentId);
  const filter = `FROM accounts a JOIN documents d ON d.pk = a.doc LEFT JOIN speakers s ON s.pk = a.speaker ${c.sql()}`;
  const rows = db.prepare(`SELECT a.doc, a.record, a.speaker, s.name AS speaker_display, d.id AS doc_id, d.url, d.title,
      d.outlet, d.lang, d.date AS doc_date ${filter}
      ORDER BY d.date IS NULL, d.date DESC, a.pk LIMIT ? OFFSET ?`).all(...c.params, p.pageSize, p.offset) as AccountRow[];
  const total = db.prepare(`SELECT count(*) ${filter}`).pluck().get(...c.params) as number;
  return { items: rows.map((r) => accountRecord(db, r)), total, page: p.page, pageSize: p.pageSize };
}

export function stats(db: Database): StoreStats {
  const count = (text: string) => db.prepare(text).pluck().get() as number;
  const facet = (text: string) => db.prepare(text).all() as FacetCount[];
  const range = db.prepare('SELECT min(date) AS first, max(date) AS last FROM documents').get() as { first: string | null; last: string | null };
  return {
    backend: 'sqlite',
    schemaVersion: schemaVersion(db),
    documents: count('SELECT count(*) FROM documents'),
    skipped: count(`SELECT count(*) FROM documents WHERE status = 'skipped'`),
    quotes: count('SELECT count(*) FROM quotes'),
    speakers: count('SELECT count(DISTINCT speaker) FROM quotes'),
    accounts: count('SELECT count(*) FROM accounts'),
    langs: facet('SELECT lang AS value, count(*) AS count FROM documents WHERE lang IS NOT NULL GROUP BY lang ORDER BY count DESC'),
    engines: facet('SELECT engine_version AS value, count(*) AS count FROM documents GROUP BY engine_version ORDER BY count DESC'),
    first: range.first,
    last: range.last,
  };
}
