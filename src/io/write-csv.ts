/**
 * csv: one row per quote (RFC 4180: fields with a comma, quote mark or line break are quoted, quote marks doubled).
 * Documents without quotes give no rows; `via` names are joined with "; ".
 */
import type { Extraction } from '../types.js';
import type { OutputFormat } from './format.js';
import { plainFramer } from './format.js';

export const CSV_COLUMNS = [
  'document_id', 'quote_id', 'kind', 'speaker', 'cue', 'addressee', 'via', 'content', 'start', 'end', 'confidence',
] as const;

export const csv: OutputFormat = {
  record: csvRows,
  frame: () => plainFramer(csvLine([...CSV_COLUMNS])),
  // Rows are quotes: a skipped document has none, so the summary names it.
  showsSkipped: false,
};

function csvRows(ex: Extraction): string {
  return ex.quotes
    .map((q) =>
      csvLine([
        ex.id, q.id, q.kind, q.speaker?.name ?? '', q.cue?.text ?? '', q.addressee?.name ?? '',
        q.via.map((v) => v.name).join('; '), q.content.text, q.content.start, q.content.end, q.confidence,
      ]),
    )
    .join('');
}

export function csvLine(fields: Array<string | number>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
