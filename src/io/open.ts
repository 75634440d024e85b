/**
 * Opens an input as a stream of byte chunks: a file or stdin, gunzipped when it starts with the gzip magic (any
 * number of members, so both WARC gzip styles work), with its first bytes available for sniffing and a count of the
 * raw bytes read for the progress bar. Node-only.
 */
import { open } from 'node:fs/promises';
import { fstatSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { SNIFF_BYTES } from './limits.js';

export interface OpenedInput {
  /** The first bytes of the (decompressed) content, also the start of `chunks`. */
  head: Uint8Array;
  chunks: AsyncIterable<Uint8Array>;
  gzip: boolean;
  /** Stops reading early (a reader that has seen enough); safe to call twice. */
  close(): void;
}

/** Raw bytes read so far across all inputs: what the progress bar compares with the total size. */
export const bytesRead = { value: 0 };

const CHUNK = 256 * 1024;

/** Opens a file, or the byte range [start, end) of it (a shard of a large JSONL or WARC file: see src/queue/plan.ts). */
export async function openFile(path: string, range?: { start: number; end: number }): Promise<OpenedInput> {
  const handle = await open(path, 'r');
  const bounds = range ? { start: range.start, end: range.end - 1 } : {};
  return openStream(handle.createReadStream({ highWaterMark: CHUNK, ...bounds }));
}

export async function openStdin(): Promise<OpenedInput> {
  // A directory redirected to stdin (`selon extract - < folder`) reads as an empty stream in Node, which would pass for
  // an empty document: refuse it as reading a directory fails anywhere else.
  if (fstatSync(0).isDirectory()) {
    throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
  }
  return openStream(process.stdin);
}

async function openStream(raw: Readable): Promise<OpenedInput> {
  const first = await peek(counting(raw), 2);
  const gzip = first.head[0] === 0x1f && first.head[1] === 0x8b;
  const close = () => raw.destroy();
  if (!gzip) {
    const rest = await peek(first.rest, SNIFF_BYTES, first.head);
    return { head: rest.head, chunks: rest.all, gzip, close };
  }
  const gunzip = Readable.from(first.all).pipe(createGunzip({ chunkSize: CHUNK }));
  const inner = await peek(gunzip[Symbol.asyncIterator](), SNIFF_BYTES);
  return { head: inner.head, chunks: inner.all, gzip, close: () => (gunzip.destroy(), close()) };
}

async function* counting(raw: Readable): AsyncGenerator<Uint8Array> {
  for await (const chunk of raw) {
    bytesRead.value += (chunk as Uint8Array).length;
    yield chunk as Uint8Array;
  }
}

interface Peeked {
  head: Uint8Array;
  /** Iterator positioned after the chunks that made `head`. */
  rest: AsyncIterator<Uint8Array>;
  /** Everything, `head` included. */
  all: AsyncIterable<Uint8Array>;
}

/** Reads chunks until `size` bytes are buffered (or the stream ends), and gives them back as the head. */
async function peek(it: AsyncIterator<Uint8Array>, size: number, already?: Uint8Array): Promise<Peeked> {
  const taken: Uint8Array[] = already && already.length ? [already] : [];
  let length = already?.length ?? 0;
  while (length < size) {
    const next = await it.next();
    if (next.done) break;
    taken.push(next.value);
    length += next.value.length;
  }
  const head = taken.length === 1 ? taken[0]! : Buffer.concat(taken);
  return { head, rest: it, all: replay(head, it) };
}

async function* replay(head: Uint8Array, it: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.length) yield head;
  for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
}
