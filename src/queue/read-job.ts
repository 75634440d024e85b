/**
 * A job's input → its documents (and the inputs that failed), through the readers of `selon extract`: whole files go
 * through readInputs; a shard is opened at its byte range and given to the JSONL or WARC reader, with JSONL line
 * numbers counted from the shard's first line so ids and sources are those of the whole file; a URL is fetched to
 * a temporary file first. Node-only.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputItem } from '../io/items.js';
import { failed, skippedInput } from '../io/items.js';
import { readInputs } from '../io/read-inputs.js';
import { openFile } from '../io/open.js';
import { readWarc } from '../io/read-warc.js';
import { parseLine } from '../io/read-jsonl.js';
import { splitLines } from '../io/lines.js';
import { MAX_DOCUMENT_BYTES, MAX_FEED_BYTES } from '../io/limits.js';
import { megabytes } from '../io/read-all.js';
import type { JobInput } from './jobs.js';

export async function* readJob(input: JobInput): AsyncGenerator<InputItem> {
  if (input.kind === 'file') yield* readInputs([{ kind: 'file', path: input.path, id: input.id, size: null }]);
  else if (input.kind === 'range') yield* readRange(input);
  else yield* readUrl(input.url);
}

async function* readRange(input: Extract<JobInput, { kind: 'range' }>): AsyncGenerator<InputItem> {
  const origin = { id: input.id, source: input.id };
  let opened;
  try {
    opened = await openFile(input.path, { start: input.start, end: input.end });
  } catch (err) {
    yield failed(input.id, 'unreadable', (err as Error).message, input.id);
    return;
  }
  try {
    if (input.format === 'warc') yield* readWarc(opened, origin);
    else yield* readJsonlLines(opened.chunks, input.id, input.line);
  } finally {
    opened.close();
  }
}

async function* readJsonlLines(chunks: AsyncIterable<Uint8Array>, id: string, firstLine: number): AsyncGenerator<InputItem> {
  for await (const line of splitLines(chunks, MAX_DOCUMENT_BYTES)) {
    const number = firstLine + line.number - 1;
    const where = `${id}:${number}`;
    if (!line.bytes) {
      yield skippedInput(where, 'too-large', `line of ${megabytes(line.length)}`, `${id}:${number}`);
      continue;
    }
    const item = parseLine(line.bytes, where, `${id}:${number}`, number === 1);
    if (item) yield item;
  }
}

/** Fetches a URL (a feed, a page, any input selon reads) and reads it like a file whose id is the URL. */
async function* readUrl(url: string): AsyncGenerator<InputItem> {
  let body: Uint8Array;
  try {
    const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
    if (!res.ok) {
      yield failed(url, 'http-status', `HTTP ${res.status}`, url);
      return;
    }
    body = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    yield failed(url, 'unreachable', (err as Error).message, url);
    return;
  }
  if (body.length > MAX_FEED_BYTES) {
    yield skippedInput(url, 'too-large', megabytes(body.length), url);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'selon-fetch-'));
  try {
    const path = join(dir, 'input');
    await writeFile(path, body);
    yield* readInputs([{ kind: 'file', path, id: url, size: body.length }]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
