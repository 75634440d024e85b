/** Row shapes both store backends read back (the same logical schema in SQLite and PostgreSQL). */

/** An account with the document and speaker it belongs to, as the account queries return it. */
export interface AccountRow {
  doc: number;
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
