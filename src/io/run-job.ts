/**
 * One document through the engine and the output format: what a worker does per message, and what --jobs 1 does
 * inline. An engine error on one document is caught here and becomes a failure of that document, so a batch goes
 * on. Browser-safe.
 */
import { extract, type DocumentInput } from '../index.js';
import type { Extraction, Message } from '../types.js';
import type { DocItem } from './items.js';
import { OUTPUT_FORMATS, type OutputFormatName } from './writers.js';
import { guardHtml, MAX_PARSE_CHARS } from './html-guard.js';
import { readHtml } from './html.js';

export interface JobSettings {
  format: OutputFormatName;
  /** 'auto' or a pack code. */
  lang: string;
  minConfidence?: number;
}

export interface JobResult {
  kind: 'result';
  id: string;
  source: string;
  status: 'ok' | 'skipped' | 'failed';
  reason: string | null;
  detail: string;
  /** The record as the output format writes it; empty for a failure. */
  out: string;
}

export function runJob(item: DocItem, settings: JobSettings): JobResult {
  const base = { kind: 'result' as const, id: item.id, source: item.source };
  try {
    const ex = extractItem(item, settings);
    const out = OUTPUT_FORMATS[settings.format].record(ex);
    return { ...base, status: ex.status, reason: ex.reason, detail: skipDetail(ex.reason, ex.lang), out };
  } catch (err) {
    return { ...base, status: 'failed', reason: 'engine-error', detail: (err as Error).stack ?? String(err), out: '' };
  }
}

/**
 * One item a reader yielded → its record: the engine's, with what reading noticed (invalid bytes, a page cut at the
 * parse cap, a date taken from the WARC record) first among its messages.
 */
export function extractItem(item: DocItem, settings: Pick<JobSettings, 'lang' | 'minConfidence'> = { lang: 'auto' }): Extraction {
  const options = { lang: settings.lang, ...(settings.minConfidence !== undefined ? { minConfidence: settings.minConfidence } : {}) };
  const input = withFallbackDate(item);
  const ex = extract(input, options);
  const notes = [...item.notes, ...truncationNote(item.input.html), ...fallbackDateNote(item, input)];
  if (notes.length) ex.messages = [...notes, ...ex.messages];
  return ex;
}

/**
 * An HTML page with no publication date of its own takes the item's fallback date (a WARC record's WARC-Date); a date
 * the page gives always wins. The engine reads the same page right after, from readHtml's memory of it (html.ts).
 */
function withFallbackDate(item: DocItem): DocumentInput {
  const { input, fallbackDate } = item;
  if (!fallbackDate || input.date || input.html === undefined || input.text !== undefined) return input;
  return readHtml(input.html, input.url ?? null).date ? input : { ...input, date: fallbackDate };
}

function fallbackDateNote(item: DocItem, input: DocumentInput): Message[] {
  if (input === item.input) return [];
  const note = `the page gives no publication date: dated ${input.date}, when it was crawled (WARC-Date)`;
  return [{ severity: 'info', ruleId: 'io.warc-date', start: 0, end: 0, note }];
}

function skipDetail(reason: string | null, lang: string | null): string {
  if (reason !== 'unsupported-language') return '';
  return lang ? `language "${lang}" has no pack` : 'language not recognised';
}

/** A page over the parse cap was read from its beginning only (html-guard.ts): say so in the record. */
function truncationNote(html: string | undefined): Message[] {
  if (!html || html.length <= MAX_PARSE_CHARS || !guardHtml(html).truncated) return [];
  const note = `page longer than ${MAX_PARSE_CHARS} characters of markup: only its beginning was read`;
  return [{ severity: 'warning', ruleId: 'io.html-truncated', start: 0, end: 0, note }];
}
