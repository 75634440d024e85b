/** Row shapes both store backends read back (the same logical schema in SQLite and PostgreSQL). */

import type { OutputQuote } from '../types.js';
import type { QuoteRecord } from './store.js';

/** A record's speaker and the document it comes from, as both the quote and the account queries join them. */
interface DocumentColumns {
  record: string;
  speaker: number | null;
  speaker_display: string | null;
  doc_id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  lang: string | null;
  doc_date: string | null;
}

/** An account with the document and speaker it belongs to, as the account queries return it. */
export interface AccountRow extends DocumentColumns {
  doc: number;
}

/** A quote found by a search, with its speaker and document. */
export interface HitRow extends DocumentColumns {
  pk: number;
  date: string | null;
}

export function toQuoteRecord(row: HitRow): QuoteRecord {
  return {
    document: { id: row.doc_id, url: row.url, title: row.title, outlet: row.outlet, lang: row.lang, date: row.doc_date },
    speaker: row.speaker !== null ? { id: row.speaker, name: row.speaker_display ?? '' } : null,
    date: row.date,
    quote: JSON.parse(row.record) as OutputQuote,
  };
}
