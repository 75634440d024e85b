/** `selon ingest PATH…`: extracts documents and stores their records (idempotent: the same text is stored once). */
import { parseArgs } from 'node:util';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SelonError } from '../errors.js';
import { extract, type DocumentInput, type ExtractOptions } from '../index.js';
import type { Extraction } from '../types.js';
import { DEFAULT_STORE_URL, openStore, type IngestOutcome, type Store, type StoredKey } from '../store/store.js';
import { redact } from '../store/url.js';
import { textHash } from '../store/hash.js';
import { ENGINE_VERSION } from '../config.js';

export const summary = 'extract documents and store their quotes (SQLite by default) for search and serve';

const HELP = `Usage: selon ingest PATH… [options]

PATH is a .txt, .html or .jsonl file (one {"id","text"|"html","lang"?,"date"?,"url"?} per line), a folder of them,
or - for stdin (text). Documents already stored with the same id and text are left as they are.

  --store URL            sqlite:PATH or postgres://… (default ${DEFAULT_STORE_URL}; created if missing)
  --lang auto|fr|en      force the language (default auto)
  --min-confidence X     drop quotes below this confidence (0 to 1)
`;

const OPTIONS = {
  store: { type: 'string' }, lang: { type: 'string' }, 'min-confidence': { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

/** Records written per transaction. */
const BATCH = 100;

export interface IngestCommand {
  store: string;
  paths: string[];
  options: ExtractOptions;
}

export function parseIngestArgs(argv: string[]): IngestCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new SelonError('E004', (err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (parsed.positionals.length === 0) throw new SelonError('E003', 'give at least one PATH (or - for stdin)');
  const options: ExtractOptions = {};
  if (v.lang !== undefined) {
    if (!['auto', 'fr', 'en'].includes(v.lang)) throw new SelonError('E003', `--lang must be auto, fr or en, not "${v.lang}"`);
    options.lang = v.lang;
  }
  if (v['min-confidence'] !== undefined) {
    const x = Number(v['min-confidence']);
    if (!(x >= 0 && x <= 1)) throw new SelonError('E003', `--min-confidence must be a number from 0 to 1, not "${v['min-confidence']}"`);
    options.minConfidence = x;
  }
  return { store: v.store ?? DEFAULT_STORE_URL, paths: parsed.positionals, options };
}

export type ReadItem = { kind: 'doc'; input: DocumentInput } | { kind: 'failed'; source: string; reason: string };

/**
 * A minimal reader for .txt, .html and .jsonl files, folders of them and stdin, used until src/io's streaming reader
 * API (the one `selon extract` uses, with feeds, WARC and gzip) is available to take its place.
 */
export async function* readInputsUntilIoLands(paths: string[]): AsyncGenerator<ReadItem> {
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'doc', input: { id: '-', text: (await readStdin()).replace(/^\uFEFF/, '') } };
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (!info) yield { kind: 'failed', source: path, reason: 'not-found' };
    else if (info.isDirectory()) yield* readInputsUntilIoLands((await readdir(path)).sort().map((name) => join(path, name)));
    else yield* readFileItems(path, paths.includes(path));
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function* readFileItems(path: string, named: boolean): AsyncGenerator<ReadItem> {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return yield* readJsonlLines(path);
  if (ext === 'txt' || ext === 'html' || ext === 'htm') {
    const content = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    yield { kind: 'doc', input: ext === 'txt' ? { id: path, text: content, meta: { source: path } } : { id: path, html: content, meta: { source: path } } };
  } else if (named) {
    yield { kind: 'failed', source: path, reason: 'unknown-format' };
  }
}

async function* readJsonlLines(path: string): AsyncGenerator<ReadItem> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (!raw.trim()) continue;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(raw.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    } catch {
      yield { kind: 'failed', source: `${path}:${n}`, reason: 'bad-json' };
      continue;
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    if (str(line.text) === undefined && str(line.html) === undefined) {
      yield { kind: 'failed', source: `${path}:${n}`, reason: 'no-text' };
      continue;
    }
    const id = str(line.id) ?? `${path}:${n}`;
    yield { kind: 'doc', input: { id, text: str(line.text), html: str(line.text) === undefined ? str(line.html) : undefined, lang: str(line.lang) ?? null, date: str(line.date) ?? null, url: str(line.url) ?? null, meta: { source: `${path}:${n}` } } };
  }
}

export interface IngestSummary {
  read: number;
  /** Already stored with the same text by this engine: not extracted again. */
  current: number;
  ok: number;
  skipped: Record<string, number>;
  failed: { source: string; reason: string }[];
  outcomes: Record<IngestOutcome, number>;
  quotes: number;
  extractMs: number;
  storeMs: number;
}

/** Reads, extracts and stores; `onProgress` after each document. */
export async function ingestAll(store: Store, items: AsyncIterable<ReadItem>, options: ExtractOptions, onProgress?: (s: IngestSummary) => void): Promise<IngestSummary> {
  const s: IngestSummary = { read: 0, current: 0, ok: 0, skipped: {}, failed: [], outcomes: { added: 0, replaced: 0, unchanged: 0 }, quotes: 0, extractMs: 0, storeMs: 0 };
  let batch: Extraction[] = [];
  const flush = async () => {
    const t0 = performance.now();
    for (const r of await store.ingestMany(batch)) s.outcomes[r.outcome]++;
    s.storeMs += performance.now() - t0;
    batch = [];
  };
  for await (const item of items) {
    if (item.kind === 'failed') {
      s.failed.push({ source: item.source, reason: item.reason });
      continue;
    }
    s.read++;
    const stored = await alreadyStored(store, item.input);
    if (stored) {
      s.current++;
      s.outcomes.unchanged++;
      s.quotes += stored.quotes;
      continue;
    }
    const t0 = performance.now();
    const record = extract(item.input, { ...options, id: item.input.id });
    s.extractMs += performance.now() - t0;
    if (record.status === 'ok') s.ok++;
    else s.skipped[record.reason ?? 'other'] = (s.skipped[record.reason ?? 'other'] ?? 0) + 1;
    s.quotes += record.quotes.length;
    batch.push(record);
    if (batch.length >= BATCH) await flush();
    onProgress?.(s);
  }
  if (batch.length) await flush();
  return s;
}

/** A plain-text document stored with the same text by this engine needs no new extraction. */
async function alreadyStored(store: Store, input: DocumentInput): Promise<StoredKey | null> {
  if (input.text === undefined || input.id === undefined) return null;
  const key = await store.storedKey(input.id);
  return key && key.engineVersion === ENGINE_VERSION && key.textHash === textHash(input.text) ? key : null;
}

export function summaryLines(s: IngestSummary, store: string): string[] {
  const skipped = Object.entries(s.skipped).map(([reason, n]) => `${n} ${reason}`).join(', ');
  const failedBy = new Map<string, number>();
  for (const f of s.failed) failedBy.set(f.reason, (failedBy.get(f.reason) ?? 0) + 1);
  return [
    ...s.failed.map((f) => `ingest: failed ${f.source}: ${f.reason}`),
    `ingest: read ${s.read}${s.current ? ` (${s.current} already stored, not re-extracted)` : ''}, ok ${s.ok}, skipped ${Object.values(s.skipped).reduce((a, b) => a + b, 0)}${skipped ? ` (${skipped})` : ''}, ` +
      `failed ${s.failed.length}${failedBy.size ? ` (${[...failedBy].map(([r, n]) => `${n} ${r}`).join(', ')})` : ''}`,
    `ingest: stored in ${redact(store)}: ${s.outcomes.added} added, ${s.outcomes.replaced} replaced, ${s.outcomes.unchanged} unchanged; ` +
      `${s.quotes} quotes; extraction ${(s.extractMs / 1000).toFixed(1)} s, store ${(s.storeMs / 1000).toFixed(1)} s`,
  ];
}

export async function run(argv: string[]): Promise<number> {
  const cmd = parseIngestArgs(argv);
  if (cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const store = await openStore(cmd.store);
  const tty = process.stderr.isTTY;
  try {
    const s = await ingestAll(store, readInputsUntilIoLands(cmd.paths), cmd.options, (p) => {
      if (tty && p.read % 10 === 0) process.stderr.write(`\ringest: ${p.read} documents, ${p.quotes} quotes`);
    });
    if (tty && s.read >= 10) process.stderr.write('\n');
    for (const line of summaryLines(s, cmd.store)) process.stderr.write(`${line}\n`);
    return s.failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}
