/** Facts the store derives from a selon/1 record, the same for every backend. */
import type { DocumentMeta, Extraction, OutputQuote } from '../types.js';

/** The outlet of a document: its site name, else the host of its URL. */
export function outletOf(meta: DocumentMeta): string | null {
  if (meta.site && meta.site.trim()) return meta.site.trim();
  if (!meta.url) return null;
  try {
    return new URL(meta.url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The date a quote was spoken: its own resolved time, else the document's date. */
export function quoteDate(quote: OutputQuote, record: Extraction): string | null {
  return quote.time?.date ?? record.date ?? null;
}

/** Compares dotted version numbers ("0.10.0" > "0.9.2"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

/** The record as stored: without its text and quotes, which live in their own columns and rows. */
export function recordShell(record: Extraction): string {
  return JSON.stringify({ ...record, text: '', quotes: [] });
}

/** Rebuilds a stored record; key order is the original's, since the shell kept the keys in place. */
export function fromShell(shell: string, text: string, quotes: OutputQuote[]): Extraction {
  const record = JSON.parse(shell) as Extraction;
  record.text = text;
  record.quotes = quotes;
  return record;
}

/** Partial dates widen to the start or end of their period: from "2022" → "2022-01-01", to "2022-05" → "2022-05-31". */
export function widenDate(date: string, end: 'from' | 'to'): string {
  if (/^\d{4}$/.test(date)) return end === 'from' ? `${date}-01-01` : `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return end === 'from' ? `${date}-01` : `${date}-31`;
  return date;
}

export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Why a filter date is not one, or null when it is: the shape yyyy, yyyy-mm or yyyy-mm-dd, and a day that exists
 * ("2022-13-01" and "2023-02-29" would otherwise compare as text and quietly match nothing, or the wrong quotes).
 */
export function dateProblem(value: string): string | null {
  if (!DATE_PATTERN.test(value)) return 'not yyyy, yyyy-mm or yyyy-mm-dd';
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  if (m !== undefined && (m < 1 || m > 12)) return `there is no month ${m}`;
  if (d !== undefined) {
    const days = new Date(Date.UTC(y, m!, 0)).getUTCDate();
    if (d < 1 || d > days) return `${value.slice(0, 7)} has no day ${d}`;
  }
  return null;
}

/** Why a from/to pair is empty by construction, or null: `from` must not come after `to`. */
export function rangeProblem(from: string | undefined, to: string | undefined): string | null {
  if (from === undefined || to === undefined) return null;
  return widenDate(from, 'from') > widenDate(to, 'to') ? `from ${from} is after to ${to}` : null;
}
