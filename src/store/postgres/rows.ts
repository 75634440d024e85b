/**
 * A selon/1 record → the rows the PostgreSQL store writes, as column arrays (the writes send each table's rows in one
 * statement, through unnest). Pure: no database here.
 */
import type { Account, Extraction } from '../../types.js';
import { SelonError } from '../../errors.js';
import { fold, speakerKey } from '../names.js';
import { textHash } from '../hash.js';
import { outletOf, quoteDate, recordShell } from '../record.js';
import { recordProblem } from '../validate.js';

/** Throws E009 when a value is not a selon/1 record PostgreSQL can hold. */
export function checkRecord(record: Extraction): void {
  const problem = recordProblem(record) ?? (hasNul(record) ? 'PostgreSQL text cannot hold the character U+0000' : null);
  if (problem) throw new SelonError('E009', `${String((record as { id?: unknown })?.id ?? '?')}: ${problem}`);
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

export interface NameEntry {
  key: string;
  display: string;
  surname: string;
  full: boolean;
  type: string | null;
}

/** Speaker names of a batch, by key, and every alias (key + name as written) they appear under. */
export interface BatchNames {
  entries: Map<string, NameEntry>;
  aliases: Map<string, { key: string; alias: string }>;
  /** The key of each name as written (a name recurs in its document: keyed once). */
  keys: Map<string, string | null>;
}

export function noNames(): BatchNames {
  return { entries: new Map(), aliases: new Map(), keys: new Map() };
}

function entityType(record: Extraction, entity: string | null): string | null {
  if (!entity) return null;
  return record.entities.find((e) => e.id === entity)?.type ?? null;
}

/** The name of an account's speaker: its entity's name, else the name its quotes give (as the SQLite store does). */
export function accountSpeakerName(account: Account, record: Extraction): string | null {
  const entity = record.entities.find((e) => e.id === account.speaker);
  if (entity) return entity.name;
  const quote = record.quotes.find((q) => q.speaker?.entity === account.speaker && account.quotes.includes(q.id));
  return quote?.speaker?.name ?? null;
}

/** The key a name is stored under, noting the name in `names`; null when nothing name-like is left. */
export function noteName(names: BatchNames, name: string, type: string | null): string | null {
  const known = names.keys.get(name);
  if (known !== undefined) return known;
  const key = speakerKey(name);
  names.keys.set(name, key?.key ?? null);
  if (!key) return null;
  if (!names.entries.has(key.key)) {
    names.entries.set(key.key, { key: key.key, display: key.display, surname: key.surname, full: key.full, type });
  }
  const alias = name.trim();
  names.aliases.set(`${key.key}\u0000${alias}`, { key: key.key, alias });
  return key.key;
}

export interface DocumentRow {
  id: string;
  values: unknown[];
}

export const DOCUMENT_COLUMNS = [
  ['url', 'text'], ['title', 'text'], ['outlet', 'text'], ['lang', 'text'], ['date', 'text'], ['status', 'text'],
  ['reason', 'text'], ['text', 'text'], ['text_hash', 'text'], ['engine_version', 'text'], ['record', 'text'],
  ['quote_count', 'integer'],
] as const;

export function documentValues(record: Extraction, hash = textHash(record.text)): unknown[] {
  const m = record.meta;
  return [
    m.url ?? null, m.title ?? null, outletOf(m), record.lang, record.date, record.status, record.reason,
    record.text, hash, record.engine.version, recordShell(record), record.quotes.length,
  ];
}

export interface QuoteRows {
  doc: number[];
  seq: number[];
  id: string[];
  kind: string[];
  key: (string | null)[];
  date: (string | null)[];
  lang: (string | null)[];
  outlet: (string | null)[];
  confidence: number[];
  content: string[];
  speakerName: (string | null)[];
  record: string[];
  via: { key: string; name: string }[][];
}

export function emptyQuoteRows(): QuoteRows {
  return { doc: [], seq: [], id: [], kind: [], key: [], date: [], lang: [], outlet: [], confidence: [], content: [], speakerName: [], record: [], via: [] };
}

export function addQuoteRows(rows: QuoteRows, doc: number, record: Extraction, names: BatchNames): void {
  const outlet = outletOf(record.meta);
  record.quotes.forEach((q, seq) => {
    rows.doc.push(doc);
    rows.seq.push(seq);
    rows.id.push(q.id);
    rows.kind.push(q.kind);
    rows.key.push(q.speaker ? noteName(names, q.speaker.name, entityType(record, q.speaker.entity)) : null);
    rows.date.push(quoteDate(q, record));
    rows.lang.push(record.lang);
    rows.outlet.push(outlet);
    rows.confidence.push(q.confidence);
    rows.content.push(q.content.text);
    rows.speakerName.push(q.speaker?.name ?? null);
    rows.record.push(JSON.stringify(q));
    rows.via.push(q.via.map((v) => ({ key: fold(v.name), name: v.name })));
  });
}

export interface AccountRows {
  doc: number[];
  id: string[];
  key: (string | null)[];
  speakerName: (string | null)[];
  verdict: string[];
  similarity: (number | null)[];
  record: string[];
}

export function emptyAccountRows(): AccountRows {
  return { doc: [], id: [], key: [], speakerName: [], verdict: [], similarity: [], record: [] };
}

export function addAccountRows(rows: AccountRows, doc: number, record: Extraction, names: BatchNames): void {
  for (const account of record.accounts) {
    const speakerName = accountSpeakerName(account, record);
    rows.doc.push(doc);
    rows.id.push(account.id);
    rows.key.push(speakerName ? noteName(names, speakerName, entityType(record, account.speaker)) : null);
    rows.speakerName.push(speakerName);
    rows.verdict.push(account.verdict);
    rows.similarity.push(account.similarity ?? null);
    rows.record.push(JSON.stringify(account));
  }
}

/** Names of the records that will be written, noted before any lock is taken (they are locked first). */
export function namesOf(records: Extraction[]): BatchNames {
  const names = noNames();
  for (const record of records) {
    for (const q of record.quotes) if (q.speaker) noteName(names, q.speaker.name, entityType(record, q.speaker.entity));
    for (const a of record.accounts) {
      const name = accountSpeakerName(a, record);
      if (name) noteName(names, name, entityType(record, a.speaker));
    }
  }
  return names;
}
