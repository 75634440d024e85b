/**
 * Where a large file can be cut into jobs: byte offsets that start a JSONL line or a WARC record. Only files that
 * can be read from such an offset are cut: plain JSONL, plain WARC, and WARC gzipped record by record (Common Crawl's
 * way); a file gzipped as a whole stays one job. Node-only.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { WARCParser } from 'warcio';

export interface Shard {
  start: number;
  end: number;
  /** Line number of the shard's first line (JSONL), 1-based. */
  line: number;
}

export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Cuts a plain JSONL file every `lines` lines. */
export async function scanJsonl(path: string, lines: number): Promise<Shard[]> {
  const shards: Shard[] = [];
  let start = 0;
  let line = 1;
  let offset = 0;
  let count = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) {
      if (++count % lines !== 0) continue;
      const end = offset + nl + 1;
      shards.push({ start, end, line });
      start = end;
      line = count + 1;
    }
    offset += chunk.length;
  }
  if (offset > start) shards.push({ start, end: offset, line });
  return shards;
}

interface WarcRecordReader {
  limit: number;
}

/**
 * Cuts a WARC file every `records` records, at record starts. Returns null when the file cannot be cut (gzipped as
 * one member, so every record starts at offset 0 of the compressed bytes). A record cut short ends the scan: the
 * last shard runs to the end of the file, and the worker reports the cut.
 */
export async function scanWarc(path: string, size: number, records: number): Promise<Shard[] | null> {
  const starts: number[] = [];
  const parser = new WARCParser(createReadStream(path, { highWaterMark: 1 << 20 }), { parseHttp: false });
  for await (const record of parser) {
    const offset = parser.offset;
    if (starts.length > 0 && offset <= starts[starts.length - 1]!) return null;
    starts.push(offset);
    for await (const chunk of record.reader) void chunk;
    if ((record.reader as unknown as WarcRecordReader).limit > 0) break;
  }
  const cuts = starts.filter((_, i) => i > 0 && i % records === 0);
  const bounds = [0, ...cuts, size];
  return bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end, line: 1 }));
}
