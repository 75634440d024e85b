/**
 * `selon ingest PATH…`: reads every input `selon extract` reads, extracts on worker threads, and stores the records.
 * Idempotent: a document stored with the same id and text by this engine is not extracted again, and a changed text
 * replaces its record. Progress bar and summary are `selon extract`'s, plus what the store did.
 */
import { openSync, closeSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SelonError } from '../errors.js';
import { ENGINE_VERSION } from '../config.js';
import { PACKS } from '../lang/index.js';
import type { DocumentInput } from '../index.js';
import type { Extraction } from '../types.js';
import { numberOption, parseArgs, stringOption } from './args.js';
import { expandPaths } from '../io/walk.js';
import { readInputs } from '../io/read-inputs.js';
import { bytesRead } from '../io/open.js';
import { FORMATS, type Format } from '../io/sniff.js';
import { inlineExecutor, workerPool, type Executor } from '../io/pool.js';
import { inOrder } from '../io/order.js';
import { Tally } from '../io/tally.js';
import { Progress } from '../io/progress.js';
import type { JobResult, JobSettings } from '../io/run-job.js';
import { textHash } from '../store/hash.js';
import { redact } from '../store/url.js';
import { DEFAULT_STORE_URL, openStore, type IngestOutcome, type Store, type StoredKey } from '../store/store.js';

export const summary = 'extract documents and store their quotes (SQLite by default) for search and serve';

const SPEC = {
  store: { type: 'string' },
  lang: { type: 'string', choices: ['auto', ...Object.keys(PACKS)] },
  'min-confidence': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  errors: { type: 'string' },
  'input-format': { type: 'string', choices: FORMATS },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: selon ingest PATH… [options]

Extracts reported speech from every input and stores the records, for selon search and selon serve. Inputs are those
of selon extract: .txt, .html, .jsonl, RSS/Atom feeds, WARC, gzip of any of these, folders of them, or - for stdin.
Ingesting again is safe: a document already stored with the same id and text is left as it is (and not re-extracted);
a document whose text changed is replaced.

Options:
  --store URL                    sqlite:PATH (created if missing) or postgres://… (default ${DEFAULT_STORE_URL})
  --lang auto|${Object.keys(PACKS).join('|')}            language (default auto)
  --min-confidence X             drop quotes below confidence X (0 to 1)
  --jobs N, -j N                 worker threads (default: ${availableParallelism()})
  --errors FILE                  write every failed or skipped input, with its reason, to FILE (JSONL)
  --input-format text|html|jsonl|feed|warc
                                 read every input as this format (default: from the name, else the content)

Exit codes: 0 every input was read; 1 some input could not be read or parsed; 2 usage or configuration error.
`;

/** Records written per transaction. */
const BATCH = 100;

export interface IngestCommand {
  store: string;
  paths: string[];
  settings: JobSettings;
  jobs: number;
  inputFormat: Format | null;
  errors: string | null;
}

export function parseIngestArgs(argv: string[]): IngestCommand | 'help' {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) return 'help';
  if (positionals.length === 0) throw new SelonError('E003', 'give at least one PATH (or - for stdin)');
  const settings: JobSettings = { format: 'jsonl', lang: stringOption(values, 'lang', 'auto') };
  if (values['min-confidence'] !== undefined) settings.minConfidence = numberOption(values, 'min-confidence', { min: 0, max: 1 }, 0);
  return {
    store: stringOption(values, 'store', DEFAULT_STORE_URL),
    paths: positionals,
    settings,
    jobs: numberOption(values, 'jobs', { min: 1, max: 256, integer: true }, availableParallelism()),
    inputFormat: (stringOption(values, 'input-format') as Format | undefined) ?? null,
    errors: stringOption(values, 'errors') ?? null,
  };
}

/** A plain-text document stored with the same text by this engine needs no new extraction. */
async function alreadyStored(store: Store, input: DocumentInput): Promise<StoredKey | null> {
  if (input.text === undefined || input.id === undefined) return null;
  const key = await store.storedKey(input.id);
  return key && key.engineVersion === ENGINE_VERSION && key.textHash === textHash(input.text) ? key : null;
}

/** Wraps an executor so documents already stored are answered from the store's key instead of extracted. */
function skippingStored(exec: Executor, store: Store, counts: StoreCounts): Executor {
  return {
    async run(item) {
      const key = await alreadyStored(store, item.input);
      if (!key) return exec.run(item);
      counts.unchanged++;
      counts.quotes += key.quotes;
      return { kind: 'result', id: item.id, source: item.source, status: key.status, reason: key.reason, detail: '', out: '' };
    },
    close: () => exec.close(),
  };
}

export interface StoreCounts extends Record<IngestOutcome, number> {
  quotes: number;
  storeMs: number;
}

/** Stores records in batches; counts what the store did. */
class BatchWriter {
  private batch: Extraction[] = [];
  constructor(
    private readonly store: Store,
    readonly counts: StoreCounts,
  ) {}

  async add(result: JobResult): Promise<void> {
    if (!result.out) return;
    const record = JSON.parse(result.out) as Extraction;
    this.counts.quotes += record.quotes.length;
    this.batch.push(record);
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const t0 = performance.now();
    for (const r of await this.store.ingestMany(this.batch)) this.counts[r.outcome]++;
    this.counts.storeMs += performance.now() - t0;
    this.batch = [];
  }
}

export function storeLine(counts: StoreCounts, url: string): string {
  return `  stored   ${counts.added} added, ${counts.replaced} replaced, ${counts.unchanged} unchanged; ${counts.quotes} quotes; ` +
    `${(counts.storeMs / 1000).toFixed(1)} s in the store (${redact(url)})\n`;
}

export async function ingest(store: Store, cmd: IngestCommand, errorsFd: number | null): Promise<{ tally: Tally; counts: StoreCounts }> {
  const { entries, bytes } = await expandPaths(cmd.paths);
  const tally = new Tally();
  const counts: StoreCounts = { added: 0, replaced: 0, unchanged: 0, quotes: 0, storeMs: 0 };
  const writer = new BatchWriter(store, counts);
  const progress = process.stderr.isTTY ? new Progress(process.stderr, bytes) : null;
  const inner = cmd.jobs > 1 ? workerPool(cmd.jobs, cmd.settings) : inlineExecutor(cmd.settings);
  const exec = skippingStored(inner, store, counts);
  try {
    const window = { count: Math.max(16, cmd.jobs * 8), chars: 64 * 1024 * 1024 };
    const marks: number[] = [];
    for await (const outcome of inOrder(markProgress(readInputs(entries, { format: cmd.inputFormat }), marks), exec, window)) {
      if (outcome.kind === 'result') await writer.add(outcome);
      const problem = tally.add(outcome);
      if (problem && errorsFd !== null) writeSync(errorsFd, JSON.stringify(problem) + '\n');
      const readUpTo = marks.shift()!;
      if (outcome.kind !== 'ignored') progress?.tick(readUpTo);
    }
    await writer.flush();
  } finally {
    await exec.close();
    progress?.clear();
  }
  return { tally, counts };
}

/**
 * Notes how many input bytes had been read when each item came out, so the bar shows how much of the input is done
 * (stored), not merely read ahead by the window (as selon extract does). Outcomes come back in item order.
 */
async function* markProgress<T>(items: AsyncIterable<T>, marks: number[]): AsyncGenerator<T> {
  for await (const item of items) {
    marks.push(bytesRead.value);
    yield item;
  }
}

export async function run(argv: string[]): Promise<number> {
  const cmd = parseIngestArgs(argv);
  if (cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const store = await openStore(cmd.store);
  const errorsFd = cmd.errors ? openErrors(cmd.errors) : null;
  const started = Date.now();
  try {
    const { tally, counts } = await ingest(store, cmd, errorsFd);
    const report = tally.format((Date.now() - started) / 1000, cmd.errors).replace(/^selon extract:/, 'selon ingest:');
    process.stderr.write(report + storeLine(counts, cmd.store));
    return tally.failures > 0 ? 1 : 0;
  } finally {
    if (errorsFd !== null) closeSync(errorsFd);
    await store.close();
  }
}

function openErrors(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (err) {
    throw new SelonError('E003', `--errors: cannot write ${path}: ${(err as Error).message}`);
  }
}
