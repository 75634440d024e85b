/**
 * text: a listing for people reading a terminal. One heading per document, then one line per quote:
 * speaker → « words » [kind, to X, via Y, confidence].
 */
import type { Extraction, OutputQuote } from '../types.js';
import type { OutputFormat } from './format.js';
import { plainFramer } from './format.js';

export const text: OutputFormat = {
  record: textRecord,
  frame: () => plainFramer(),
  showsSkipped: true,
};

function textRecord(ex: Extraction): string {
  const lines = [heading(ex)];
  for (const q of ex.quotes) lines.push(`  ${quoteLine(q)}`);
  return lines.join('\n') + '\n\n';
}

function heading(ex: Extraction): string {
  const parts = [ex.id];
  if (ex.status === 'skipped') return `== ${ex.id} — skipped: ${ex.reason}`;
  if (ex.lang) parts.push(ex.lang);
  if (ex.date) parts.push(ex.date);
  const n = ex.quotes.length;
  parts.push(n === 1 ? '1 quote' : `${n} quotes`);
  if (ex.meta.title) parts.push(ex.meta.title);
  return `== ${parts.join(' · ')}`;
}

function quoteLine(q: OutputQuote): string {
  const words = q.content.text.replace(/\s+/g, ' ').trim();
  const notes: string[] = [];
  if (q.kind !== 'direct') notes.push(q.kind);
  if (q.addressee) notes.push(`to ${q.addressee.name}`);
  if (q.via.length) notes.push(`via ${q.via.map((v) => v.name).join(', ')}`);
  notes.push(q.confidence.toFixed(2));
  return `${q.speaker?.name ?? '?'} → « ${words} » [${notes.join(', ')}]`;
}
