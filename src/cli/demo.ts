/**
 * `selon demo` (what `npm start` runs): builds the web UI if needed, loads the bundled demo corpus (data/demo, and the
 * texts of data/gold when present) into a local store, then serves the UI and the API on 127.0.0.1 and prints the URL.
 * Loading is idempotent: a document already stored with the same text by the same engine version is not re-extracted.
 */
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, type DocumentInput } from '../index.js';
import { ENGINE_VERSION } from '../config.js';
import { SelonError } from '../errors.js';
import type { Extraction } from '../types.js';
import type { Store } from '../store/store.js';

export const summary = 'build the web UI, load the demo corpus into a local store, and serve it on 127.0.0.1';

export const DEFAULT_DEMO_STORE = 'sqlite:selon-demo.db';
export const DEFAULT_DEMO_PORT = 8787;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Folders whose *.jsonl files make the demo corpus, in load order. */
export const DEMO_SOURCES = [path.join(ROOT, 'data', 'demo'), path.join(ROOT, 'data', 'gold')];

const HELP = `Usage: selon demo [--port N] [--store URL] [--no-load]

Builds the web UI if it is missing, loads the demo corpus (CC BY 2.5 Wikinews articles, data/demo/README.md) into a
local store, and serves the UI and the HTTP API on http://127.0.0.1:PORT/.

  --port N      port to listen on (default ${DEFAULT_DEMO_PORT}; 0 picks a free one)
  --store URL   sqlite:PATH or postgres://… (default ${DEFAULT_DEMO_STORE})
  --no-load     serve the store as it is, without loading the corpus
`;

export interface DemoOptions {
  port: number;
  store: string;
  load: boolean;
}

export function parseArgs(argv: string[]): DemoOptions | 'help' {
  const options: DemoOptions = { port: DEFAULT_DEMO_PORT, store: DEFAULT_DEMO_STORE, load: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new SelonError('E003', `${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new SelonError('E003', `--port must be a number from 0 to 65535, not "${v}"`);
        options.port = n;
        break;
      }
      case '--store':
        options.store = value();
        break;
      case '--no-load':
        options.load = false;
        break;
      default:
        throw new SelonError('E004', `selon demo does not take "${arg}"`);
    }
  }
  return options;
}

interface CorpusLine {
  id?: unknown;
  text?: unknown;
  lang?: unknown;
  date?: unknown;
  title?: unknown;
  url?: unknown;
  source?: { url?: unknown };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * One corpus line as engine input: id, text, lang, date, title (else the headline) and source URL only (a gold file's
 * annotations are never read). Null for a line without id or text.
 */
export function corpusInput(line: CorpusLine): DocumentInput | null {
  const id = str(line.id);
  const text = typeof line.text === 'string' ? line.text : null;
  if (!id || text === null) return null;
  return {
    id,
    text,
    lang: str(line.lang),
    date: str(line.date),
    url: str(line.source?.url) ?? str(line.url),
    meta: { title: str(line.title) ?? headline(text) },
  };
}

/** A text's first block when it reads as a headline (short, followed by a blank line): gold lines carry no title. */
function headline(text: string): string | null {
  const end = text.indexOf('\n\n');
  const first = end > 0 ? text.slice(0, end).trim() : '';
  return first && first.length <= 200 && !first.includes('\n') ? first : null;
}

/** The corpus files: every *.jsonl in the demo folders, sorted by name within each folder. */
export function corpusFiles(dirs: string[] = DEMO_SOURCES): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) files.push(path.join(dir, name));
  }
  return files;
}

async function* readCorpus(files: string[]): AsyncGenerator<DocumentInput> {
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const raw of lines) {
      if (!raw.trim()) continue;
      let parsed: CorpusLine;
      try {
        parsed = JSON.parse(raw) as CorpusLine;
      } catch {
        continue;
      }
      const input = corpusInput(parsed);
      if (input) yield input;
    }
  }
}

export interface LoadSummary {
  documents: number;
  added: number;
  replaced: number;
  unchanged: number;
  quotes: number;
  ms: number;
}

/** Loads the corpus into the store. Documents stored with the same text by this engine version are left as they are. */
export async function loadCorpus(store: Store, files: string[] = corpusFiles()): Promise<LoadSummary> {
  const t0 = performance.now();
  const out: LoadSummary = { documents: 0, added: 0, replaced: 0, unchanged: 0, quotes: 0, ms: 0 };
  let batch: Extraction[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    for (const r of await store.ingestMany(batch)) out[r.outcome]++;
    batch = [];
  };
  for await (const input of readCorpus(files)) {
    out.documents++;
    const stored = await store.getDocument(input.id!);
    const same = stored && stored.text === input.text && stored.engine.version === ENGINE_VERSION &&
      (stored.meta.title ?? null) === (input.meta?.title ?? null) && (stored.meta.url ?? null) === (input.url ?? null);
    if (same) {
      out.unchanged++;
      out.quotes += stored!.quotes.length;
      continue;
    }
    const record = extract(input);
    out.quotes += record.quotes.length;
    batch.push(record);
    if (batch.length >= 50) await flush();
  }
  await flush();
  out.ms = performance.now() - t0;
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const { ensureUi, serveUi } = await import('../server/static.js');
  try {
    if (await ensureUi({ quiet: true })) process.stderr.write('demo: built the web UI into dist/ui\n');
  } catch (err) {
    process.stderr.write(`selon demo: cannot build the web UI (${(err as Error).message}); run "npm ci", then "npm run build:ui"\n`);
    return 1;
  }
  const { openStore } = await import('../store/store.js');
  const store = await openStore(options.store);
  if (options.load) {
    const files = corpusFiles();
    const s = await loadCorpus(store, files);
    process.stderr.write(
      `demo: ${s.documents} documents from ${files.length} files (${s.added} added, ${s.replaced} replaced, ` +
        `${s.unchanged} unchanged), ${s.quotes} quotes, ${(s.ms / 1000).toFixed(1)} s\n`,
    );
  }
  const { startServer } = await import('../server/serve.js');
  // The same server as `selon serve`: loopback only, Host header checked.
  const running = await startServer({ store, host: '127.0.0.1', port: options.port, ui: serveUi() });
  process.stdout.write(`selon demo: ${running.url}  (store ${options.store}; Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      // A browser may hold keep-alive connections open: don't wait on them for long.
      setTimeout(resolve, 1000).unref();
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await store.close();
  return 0;
}
