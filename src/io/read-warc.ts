/**
 * A WARC file (plain, or gzipped whole or per record: open.ts has already inflated it): `response` records with an
 * HTML payload become documents (WARC-Record-ID → id, WARC-Target-URI → url, WARC-Date → date when the page gives
 * none), decoded in the charset the HTTP headers or the page declare. Other records are counted and skipped. Records
 * stream one at a time.
 *
 * Every record is read to its end here, never left for warcio to skip: warcio's skip loops forever on a record cut
 * short (seen with warcio 2.4.11), and reading it is how a cut is noticed.
 */
import { WARCParser, type WARCRecord } from 'warcio';
import type { InputItem } from './items.js';
import { failed, gzipProblem, skippedInput } from './items.js';
import type { OpenedInput } from './open.js';
import type { Origin } from './origin.js';
import type { Message } from '../types.js';
import { decodeMarkup } from './decode.js';
import { normaliseDate } from './html-meta.js';
import { MAX_DOCUMENT_BYTES } from './limits.js';
import { megabytes } from './read-all.js';

/** warcio's LimitReader: `limit` is what the record still owes when its bytes run out. */
interface LimitReader {
  limit: number;
}

export async function* readWarc(input: OpenedInput, origin: Origin): AsyncGenerator<InputItem> {
  if (!new TextDecoder().decode(input.head.subarray(0, 5)).startsWith('WARC/')) {
    input.close();
    yield failed(origin.source, 'not-warc', 'does not start with a WARC/ version line', origin.id);
    return;
  }
  const parser = new WARCParser(input.chunks);
  let count = 0;
  try {
    for await (const record of parser) {
      count++;
      const item = await readRecord(record, origin, count);
      if (item) yield item;
      if (item?.kind === 'failed') return; // the stream ended inside this record: nothing follows
    }
  } catch (err) {
    // A gzip stream cut or damaged under the records fails the file as any gzip input does, after the records read
    // before the cut.
    const gzip = gzipProblem(err);
    if (gzip) yield failed(origin.source, ...gzip, origin.id);
    else yield failed(`${origin.source}#${count}`, 'bad-warc', (err as Error).message, origin.id);
  }
}

async function readRecord(record: WARCRecord, origin: Origin, index: number): Promise<InputItem | null> {
  const recordId = (record.warcHeader('WARC-Record-ID') ?? '').replace(/^<|>$/g, '') || `${origin.id}#${index}`;
  const source = `${origin.source}#${recordId}`;
  const cut = (detail: string) => failed(source, 'truncated-warc', detail, recordId);
  if (record.warcHeader('Content-Length') == null) return cut('record header cut short (no Content-Length)');
  const kind = documentKind(record);
  const encoding = record.httpHeaders?.headers.get('content-encoding')?.toLowerCase() ?? 'identity';
  const readable = ['identity', 'gzip', 'x-gzip', 'deflate'].includes(encoding);
  if (kind !== 'html' || !readable || record.warcContentLength > MAX_DOCUMENT_BYTES) {
    const owed = await drain(record);
    if (owed > 0) return cut(`record cut short: ${owed} bytes missing`);
    if (kind !== 'html') return { kind: 'ignored', reason: kind };
    if (!readable) return skippedInput(source, 'unsupported-encoding', `Content-Encoding ${encoding}`, recordId);
    return skippedInput(source, 'too-large', `payload over ${megabytes(MAX_DOCUMENT_BYTES)}`, recordId);
  }
  const payload = await record.readFully(true);
  const owed = (record as unknown as { _reader: LimitReader })._reader.limit;
  if (owed > 0) return cut(`record cut short: ${owed} bytes missing`);
  const decoded = decodeMarkup(payload, record.httpHeaders?.headers.get('content-type') ?? null);
  if ('unsupported' in decoded) return skippedInput(source, 'unsupported-charset', `charset ${decoded.unsupported}`, recordId);
  const notes: Message[] = [...decoded.messages];
  if (record.warcHeader('WARC-Truncated')) {
    const note = `payload truncated by the crawler (${record.warcHeader('WARC-Truncated')})`;
    notes.push({ severity: 'info', ruleId: 'io.warc-truncated', start: 0, end: 0, note });
  }
  const url = record.warcTargetURI ?? null;
  const crawled = normaliseDate(record.warcHeader('WARC-Date') ?? '');
  const input = { id: recordId, html: decoded.text, url, meta: { source } };
  return { kind: 'doc', id: recordId, source, input, notes, ...(crawled ? { fallbackDate: crawled } : {}) };
}

/** 'html' for a successful HTML response; otherwise why the record is not a document. */
function documentKind(record: WARCRecord): string {
  const type = record.warcType ?? 'unknown';
  if (type !== 'response') return `warc-${type}`;
  const http = record.httpHeaders;
  const status = Number(http?.statusCode ?? 0);
  if (status < 200 || status > 299) return 'warc-http-status';
  const contentType = http?.headers.get('content-type') ?? '';
  return /html/i.test(contentType) ? 'html' : 'warc-not-html';
}

/** Reads a record's remaining bytes without keeping them; returns how many the record still owed at the end. */
async function drain(record: WARCRecord): Promise<number> {
  for await (const chunk of record.reader) void chunk;
  return (record.reader as unknown as LimitReader).limit;
}
