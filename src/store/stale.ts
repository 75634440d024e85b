/** What both backends read back to re-extract a stored document (`selon reindex`). */
import type { Extraction } from '../types.js';
import type { DocumentInput } from '../index.js';

/** A stored document whose engine version differs from the running engine. */
export interface StaleRow {
  pk: number;
  id: string;
  text: string;
  lang: string | null;
  date: string | null;
  status: string;
  record: string;
}

/** Documents re-extracted per page of the read. */
export const REINDEX_BATCH = 50;

/** The input that reproduces a stored document: its text, meta and date, and its language when it was extracted. */
export function inputOf(row: StaleRow): DocumentInput {
  const shell = JSON.parse(row.record) as Extraction;
  return { id: row.id, text: row.text, lang: row.status === 'ok' ? row.lang : null, date: row.date, meta: shell.meta };
}
