/**
 * A JSONL file: one document per line, `{"id","text"|"html","lang"?,"date"?,"url"?}`, read as a stream so memory
 * stays flat. A broken line is reported with its line number and the rest is read. Blank lines are not documents.
 */
import type { DocumentInput } from '../index.js';
import type { InputItem } from './items.js';
import { failed, skippedInput } from './items.js';
import type { OpenedInput } from './open.js';
import type { Origin } from './origin.js';
import { looksBinary, replacementMessages } from './decode.js';
import { splitLines } from './lines.js';
import { MAX_DOCUMENT_BYTES } from './limits.js';
import { megabytes } from './read-all.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export async function* readJsonl(input: OpenedInput, origin: Origin): AsyncGenerator<InputItem> {
  if (looksBinary(input.head)) {
    // One failure for the file, not one per "line" of binary data.
    input.close();
    yield failed(origin.source, 'binary-content', 'binary data, not JSON lines', origin.id);
    return;
  }
  for await (const line of splitLines(input.chunks, MAX_DOCUMENT_BYTES)) {
    const where = `${origin.source}:${line.number}`;
    const fallbackId = `${origin.id}:${line.number}`;
    if (!line.bytes) {
      yield skippedInput(where, 'too-large', `line of ${megabytes(line.length)}`, fallbackId);
      continue;
    }
    const item = parseLine(line.bytes, where, fallbackId, line.number === 1);
    if (item) yield item;
  }
}

/** One line → a document, a failure naming the line, or null for a blank line. */
export function parseLine(bytes: Uint8Array, where: string, fallbackId: string, first = false): InputItem | null {
  let raw: string;
  let invalid = false;
  try {
    raw = strict.decode(bytes);
  } catch {
    raw = lenient.decode(bytes);
    invalid = true;
  }
  if (first) raw = raw.replace(/^\uFEFF/, '');
  if (raw.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return failed(where, 'bad-json', (err as Error).message, fallbackId);
  }
  const problem = checkRecord(value);
  if (problem) return failed(where, 'bad-record', problem, fallbackId);
  const record = value as Record<string, unknown>;
  const id = record['id'] === undefined || record['id'] === null ? fallbackId : String(record['id']);
  const doc = toInput(record, id, where);
  const notes = invalid && doc.text ? replacementMessages(doc.text, 'invalid UTF-8 bytes replaced by U+FFFD') : [];
  return { kind: 'doc', id, source: where, input: doc, notes };
}

function checkRecord(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  if (typeof r['text'] !== 'string' && typeof r['html'] !== 'string') return 'no "text" or "html" string';
  if (r['id'] !== undefined && r['id'] !== null && typeof r['id'] !== 'string' && typeof r['id'] !== 'number') {
    return '"id" must be a string or a number';
  }
  for (const key of ['lang', 'date', 'url', 'title', 'author', 'site']) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== 'string') return `"${key}" must be a string`;
  }
  return null;
}

function toInput(r: Record<string, unknown>, id: string, source: string): DocumentInput {
  const str = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : undefined);
  const meta = { source, ...pick({ title: str('title'), author: str('author'), site: str('site') }) };
  const input: DocumentInput = { id, meta, ...pick({ lang: str('lang'), date: str('date'), url: str('url') }) };
  if (typeof r['text'] === 'string') input.text = r['text'];
  else input.html = r['html'] as string;
  return input;
}

/** Drops undefined fields, so they don't override what the engine finds (a page's own title, say). */
function pick<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}
