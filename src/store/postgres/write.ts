/**
 * Ingesting selon/1 records into PostgreSQL, a batch per transaction and a handful of statements per batch (each
 * table's rows go in one statement through unnest), so the store costs little next to extraction.
 *
 * The outcome rules are the SQLite store's: same id and text → unchanged (unless the record comes from a newer
 * engine); new text → replaced. Several workers write at once, so locks come in one order — surnames of new names
 * (sorted), then documents (sorted by id), then share locks on the name rows whose canonical speaker is copied into
 * quotes — and a transaction that still loses a race is run again (db.ts).
 */
import type pg from 'pg';
import type { Extraction } from '../../types.js';
import { textHash } from '../hash.js';
import { compareVersions } from '../record.js';
import type { IngestResult } from '../store.js';
import { RaceLost } from './db.js';
import {
  DOCUMENT_COLUMNS, addAccountRows, addQuoteRows, documentValues, emptyAccountRows, emptyQuoteRows, namesOf,
  type BatchNames,
} from './rows.js';

interface StoredDoc {
  id: string;
  pk: number;
  text_hash: string;
  engine_version: string;
  quote_count: number;
}

/** Records split into rounds in which each id appears once, in input order (a later copy sees the earlier one). */
export function rounds(records: Extraction[]): Extraction[][] {
  const out: Extraction[][] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const round = seen.get(r.id) ?? 0;
    seen.set(r.id, round + 1);
    (out[round] ??= []).push(r);
  }
  return out;
}

/** Writes one round (unique ids) inside the caller's transaction. Results are in the round's order. */
export async function ingestRound(client: pg.ClientBase, records: Extraction[], replace = false): Promise<IngestResult[]> {
  const names = namesOf(records);
  await addNames(client, names);
  const stored = await lockDocuments(client, records.map((r) => r.id));
  const hashes = records.map((r) => textHash(r.text));
  const results: IngestResult[] = [];
  const toReplace: { record: Extraction; hash: string; pk: number }[] = [];
  const toInsert: { record: Extraction; hash: string }[] = [];
  records.forEach((record, i) => {
    const old = stored.get(record.id);
    const hash = hashes[i]!;
    const same = old && old.text_hash === hash && compareVersions(record.engine.version, old.engine_version) <= 0;
    if (old && same && !replace) results.push({ id: record.id, outcome: 'unchanged', quotes: old.quote_count });
    else {
      results.push({ id: record.id, outcome: old ? 'replaced' : 'added', quotes: record.quotes.length });
      if (old) toReplace.push({ record, hash, pk: old.pk });
      else toInsert.push({ record, hash });
    }
  });
  const oldNames = await clearDocuments(client, toReplace.map((d) => d.pk));
  await updateDocuments(client, toReplace);
  const pks = await insertDocuments(client, toInsert);
  const written = [...toReplace, ...toInsert.map((d) => ({ ...d, pk: pks.get(d.record.id)! }))];
  await shareNames(client, names);
  await insertQuotes(client, written, names);
  await insertAccounts(client, written, names);
  if (oldNames.length) await client.query('SELECT selon_remove_unused($1::bigint[])', [oldNames]);
  return results;
}

/** Creates missing name rows (selon_add_names locks their surnames in sorted order) and records every alias. */
async function addNames(client: pg.ClientBase, names: BatchNames): Promise<void> {
  if (names.entries.size === 0) return;
  const entries = [...names.entries.values()];
  await client.query('SELECT selon_add_names($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[])', [
    entries.map((e) => e.key), entries.map((e) => e.display), entries.map((e) => e.surname),
    entries.map((e) => e.full), entries.map((e) => e.type),
  ]);
  const aliases = [...names.aliases.values()].sort((a, b) => cmp(a.key, b.key) || cmp(a.alias, b.alias));
  await client.query(`INSERT INTO speaker_aliases (speaker, alias)
    SELECT s.pk, a.alias FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a(key, alias, n)
    JOIN speakers s ON s.key = a.key ORDER BY a.n
    ON CONFLICT DO NOTHING`, [aliases.map((a) => a.key), aliases.map((a) => a.alias)]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function lockDocuments(client: pg.ClientBase, ids: string[]): Promise<Map<string, StoredDoc>> {
  const { rows } = await client.query<StoredDoc>(`SELECT id, pk, text_hash, engine_version, quote_count FROM documents
    WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Removes the quotes and accounts of documents about to be replaced; returns the name rows they used. */
async function clearDocuments(client: pg.ClientBase, pks: number[]): Promise<number[]> {
  if (pks.length === 0) return [];
  const { rows } = await client.query<{ name: number }>(`SELECT name FROM quotes WHERE doc = ANY($1::bigint[]) AND name IS NOT NULL
    UNION SELECT name FROM accounts WHERE doc = ANY($1::bigint[]) AND name IS NOT NULL`, [pks]);
  await client.query('DELETE FROM quotes WHERE doc = ANY($1::bigint[])', [pks]); // records and channels cascade
  await client.query('DELETE FROM accounts WHERE doc = ANY($1::bigint[])', [pks]);
  return rows.map((r) => r.name);
}

/** Column arrays of documents, in DOCUMENT_COLUMNS order (the record's JSON shell as an array literal already). */
function columnsOf(docs: { record: Extraction; hash: string }[]): unknown[] {
  const values = docs.map((d) => documentValues(d.record, d.hash));
  return DOCUMENT_COLUMNS.map(([name], c) => (name === 'record' ? jsonTextArray(values.map((v) => v[c] as string)) : values.map((v) => v[c])));
}

/**
 * A text[] parameter of JSON texts, written at once as PostgreSQL's array literal. A JSON text holds no control
 * character, so JSON.stringify quotes it exactly as the array syntax wants ("…" with \" and \\), natively; pg's own
 * escaping runs two regular expressions over every element, which on JSON, full of quote marks, was a fifth of the
 * store's time in the worker (node --cpu-prof on bench/scale.bench.ts).
 */
export function jsonTextArray(values: string[]): string {
  return `{${values.map((v) => JSON.stringify(v)).join(',')}}`;
}

const CASTS = DOCUMENT_COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ');
const NAMES = DOCUMENT_COLUMNS.map(([name]) => name).join(', ');

async function updateDocuments(client: pg.ClientBase, docs: { record: Extraction; hash: string; pk: number }[]): Promise<void> {
  if (docs.length === 0) return;
  const sets = DOCUMENT_COLUMNS.map(([name]) => `${name} = v.${name}`).join(', ');
  await client.query(`UPDATE documents d SET ${sets}, ingested_at = now()
    FROM unnest($1::bigint[], ${CASTS}) AS v(pk, ${NAMES}) WHERE d.pk = v.pk`, [docs.map((d) => d.pk), ...columnsOf(docs)]);
}

/** Inserts new documents; another writer that inserted one of them first makes the whole transaction run again. */
async function insertDocuments(client: pg.ClientBase, docs: { record: Extraction; hash: string }[]): Promise<Map<string, number>> {
  if (docs.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; pk: number }>(`INSERT INTO documents (id, ${NAMES})
    SELECT * FROM unnest($1::text[], ${CASTS}) ON CONFLICT (id) DO NOTHING RETURNING id, pk`,
  [docs.map((d) => d.record.id), ...columnsOf(docs)]);
  if (rows.length !== docs.length) throw new RaceLost('a document was stored by another writer meanwhile');
  return new Map(rows.map((r) => [r.id, r.pk]));
}

/** Holds the name rows used by this batch, so no concurrent writer changes their canonical speaker before commit. */
async function shareNames(client: pg.ClientBase, names: BatchNames): Promise<void> {
  if (names.entries.size === 0) return;
  await client.query('SELECT pk FROM speakers WHERE key = ANY($1::text[]) ORDER BY pk FOR SHARE', [[...names.entries.keys()]]);
}

async function insertQuotes(client: pg.ClientBase, docs: { record: Extraction; pk: number }[], names: BatchNames): Promise<void> {
  const q = emptyQuoteRows();
  for (const d of docs) addQuoteRows(q, d.pk, d.record, names);
  if (q.doc.length === 0) return;
  const { rows } = await client.query<{ pk: number; doc: number; seq: number }>(`INSERT INTO quotes
      (doc, seq, id, kind, name, speaker, date, lang, outlet, confidence, tsv)
    SELECT v.doc, v.seq, v.id, v.kind, s.pk, s.canonical, v.date, v.lang, v.outlet, v.confidence,
      selon_tsv(v.lang, v.content, v.speaker_name, c.name)
    FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
      $9::double precision[], $10::text[], $11::text[]) WITH ORDINALITY
      AS v(doc, seq, id, kind, key, date, lang, outlet, confidence, content, speaker_name, n)
    LEFT JOIN speakers s ON s.key = v.key LEFT JOIN speakers c ON c.pk = s.canonical ORDER BY v.n
    RETURNING pk, doc, seq`,
  [q.doc, q.seq, q.id, q.kind, q.key, q.date, q.lang, q.outlet, q.confidence, q.content, q.speakerName]);
  const pkOf = new Map(rows.map((r) => [`${r.doc}:${r.seq}`, r.pk]));
  const pks = q.doc.map((doc, i) => pkOf.get(`${doc}:${q.seq[i]}`)!);
  await client.query('INSERT INTO quote_records (pk, record) SELECT * FROM unnest($1::bigint[], $2::text[])', [pks, jsonTextArray(q.record)]);
  const via = pks.flatMap((pk, i) => q.via[i]!.map((v) => ({ pk, ...v })));
  if (via.length === 0) return;
  await client.query('INSERT INTO quote_via (quote, key, name) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])',
    [via.map((v) => v.pk), via.map((v) => v.key), via.map((v) => v.name)]);
}

async function insertAccounts(client: pg.ClientBase, docs: { record: Extraction; pk: number }[], names: BatchNames): Promise<void> {
  const a = emptyAccountRows();
  for (const d of docs) addAccountRows(a, d.pk, d.record, names);
  if (a.doc.length === 0) return;
  await client.query(`INSERT INTO accounts (doc, id, name, speaker, speaker_name, verdict, similarity, record)
    SELECT v.doc, v.id, s.pk, s.canonical, v.speaker_name, v.verdict, v.similarity, v.record
    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::double precision[], $7::text[])
      WITH ORDINALITY AS v(doc, id, key, speaker_name, verdict, similarity, record, n)
    LEFT JOIN speakers s ON s.key = v.key ORDER BY v.n`,
  [a.doc, a.id, a.key, a.speakerName, a.verdict, a.similarity, jsonTextArray(a.record)]);
}
