/** Ingesting selon/1 records into SQLite: one document row, its quotes (with channels) and its accounts. */
import type { Database } from 'better-sqlite3';
import type { Account, Extraction, OutputQuote } from '../../types.js';
import { SelonError } from '../../errors.js';
import { fold } from '../names.js';
import { textHash } from '../hash.js';
import { compareVersions, outletOf, quoteDate, recordShell } from '../record.js';
import { recordProblem } from '../validate.js';
import type { IngestResult } from '../store.js';
import { canonicalName, nameRowFor, removeUnusedNames, type NameRow } from './speakers.js';
import { sql } from './statements.js';

interface StoredDoc {
  pk: number;
  text_hash: string;
  engine_version: string;
  quote_count: number;
}

/** Throws E009 when a value is not a selon/1 record the store can hold. */
export function checkRecord(record: Extraction): void {
  const problem = recordProblem(record);
  if (problem) throw new SelonError('E009', `${String((record as { id?: unknown })?.id ?? '?')}: ${problem}`);
}

/**
 * Stores one checked record (call inside a transaction). The same id and text is unchanged unless the record comes
 * from a newer engine; `replace` stores it whatever (re-extraction).
 */
export function ingestRecord(db: Database, record: Extraction, replace = false): IngestResult {
  const hash = textHash(record.text);
  const old = sql(db, 'SELECT pk, text_hash, engine_version, quote_count FROM documents WHERE id = ?').get(record.id) as StoredDoc | undefined;
  const same = old && old.text_hash === hash && compareVersions(record.engine.version, old.engine_version) <= 0;
  if (old && same && !replace) {
    return { id: record.id, outcome: 'unchanged', quotes: old.quote_count };
  }
  const names = old ? clearDocument(db, old.pk) : [];
  const pk = old ? updateDocument(db, old.pk, record, hash) : insertDocument(db, record, hash);
  const outlet = outletOf(record.meta);
  record.quotes.forEach((q, seq) => insertQuote(db, pk, seq, q, record, outlet));
  for (const account of record.accounts) insertAccount(db, pk, account, record);
  removeUnusedNames(db, names);
  return { id: record.id, outcome: old ? 'replaced' : 'added', quotes: record.quotes.length };
}

/** Removes a document's quotes and accounts; returns the name rows they used. */
function clearDocument(db: Database, pk: number): number[] {
  const names = sql(db, `SELECT name FROM quotes WHERE doc = ? AND name IS NOT NULL
    UNION SELECT name FROM accounts WHERE doc = ? AND name IS NOT NULL`).pluck().all(pk, pk) as number[];
  sql(db, 'DELETE FROM quotes WHERE doc = ?').run(pk); // the delete trigger clears search, JSON and channel rows
  sql(db, 'DELETE FROM accounts WHERE doc = ?').run(pk);
  return names;
}

function documentValues(record: Extraction, hash: string): unknown[] {
  const m = record.meta;
  return [
    m.url ?? null, m.title ?? null, outletOf(m), record.lang, record.date, record.status, record.reason,
    record.text, hash, record.engine.version, recordShell(record), record.quotes.length, new Date().toISOString(),
  ];
}

const DOC_COLUMNS = 'url, title, outlet, lang, date, status, reason, text, text_hash, engine_version, record, quote_count, ingested_at';

function insertDocument(db: Database, record: Extraction, hash: string): number {
  const info = sql(db, `INSERT INTO documents (id, ${DOC_COLUMNS}) VALUES (?, ${'?, '.repeat(12)}?)`)
    .run(record.id, ...documentValues(record, hash));
  return Number(info.lastInsertRowid);
}

function updateDocument(db: Database, pk: number, record: Extraction, hash: string): number {
  const sets = DOC_COLUMNS.split(', ').map((c) => `${c} = ?`).join(', ');
  sql(db, `UPDATE documents SET ${sets} WHERE pk = ?`).run(...documentValues(record, hash), pk);
  return pk;
}

function entityType(record: Extraction, entity: string | null): string | null {
  if (!entity) return null;
  return record.entities.find((e) => e.id === entity)?.type ?? null;
}

function insertQuote(db: Database, doc: number, seq: number, q: OutputQuote, record: Extraction, outlet: string | null): void {
  const name = q.speaker ? nameRowFor(db, q.speaker.name, entityType(record, q.speaker.entity)) : null;
  const info = sql(db, `INSERT INTO quotes (doc, seq, id, kind, name, speaker, date, lang, outlet, confidence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    doc, seq, q.id, q.kind, name?.pk ?? null, name?.canonical ?? null, quoteDate(q, record), record.lang, outlet, q.confidence,
  );
  const pk = Number(info.lastInsertRowid);
  sql(db, 'INSERT INTO quote_records (pk, record) VALUES (?, ?)').run(pk, JSON.stringify(q));
  const canonical = name ? canonicalName(db, name.canonical) : '';
  sql(db, 'INSERT INTO quotes_fts (rowid, content, speaker, canonical) VALUES (?, ?, ?, ?)').run(pk, q.content.text, q.speaker?.name ?? '', canonical);
  for (const v of q.via) sql(db, 'INSERT INTO quote_via (quote, key, name) VALUES (?, ?, ?)').run(pk, fold(v.name), v.name);
}

/** The name of an account's speaker: its entity's name, else the name its quotes give. */
function accountSpeakerName(account: Account, record: Extraction): string | null {
  const entity = record.entities.find((e) => e.id === account.speaker);
  if (entity) return entity.name;
  const quote = record.quotes.find((q) => q.speaker?.entity === account.speaker && account.quotes.includes(q.id));
  return quote?.speaker?.name ?? null;
}

function insertAccount(db: Database, doc: number, account: Account, record: Extraction): void {
  const speakerName = accountSpeakerName(account, record);
  const name: NameRow | null = speakerName ? nameRowFor(db, speakerName, entityType(record, account.speaker)) : null;
  sql(db, `INSERT INTO accounts (doc, id, name, speaker, speaker_name, verdict, similarity, record)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    doc, account.id, name?.pk ?? null, name?.canonical ?? null, speakerName, account.verdict,
    account.similarity ?? null, JSON.stringify(account),
  );
}
