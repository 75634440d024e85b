/**
 * Inputs → one ordered stream of items. Each input is opened, gunzipped if needed, given to the reader its name or
 * content calls for, and any error on the way becomes a failure naming the input: the next input is read regardless.
 * Node-only.
 */
import type { InputItem } from './items.js';
import { failed, gzipProblem, skippedInput } from './items.js';
import { openFile, openStdin, type OpenedInput } from './open.js';
import type { Origin } from './origin.js';
import { explain, type Entry } from './walk.js';
import { formatFromContent, formatFromName, type Format } from './sniff.js';
import { readText } from './read-text.js';
import { readHtmlFile } from './read-html.js';
import { readJsonl } from './read-jsonl.js';
import { readFeed } from './read-feed.js';
import { readWarc } from './read-warc.js';

type Reader = (input: OpenedInput, origin: Origin) => AsyncGenerator<InputItem>;

const READERS: Record<Format, Reader> = {
  text: readText,
  html: readHtmlFile,
  jsonl: readJsonl,
  feed: readFeed,
  warc: readWarc,
};

export interface ReadOptions {
  /** Forces the format of every input (`--input-format`); otherwise the name, then the content, decide. */
  format?: Format | null;
}

export async function* readInputs(entries: Iterable<Entry>, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const entry of entries) {
    if (entry.kind === 'stdin') yield* readOne(() => openStdin(), { id: '-', source: '-' }, null, options);
    else if (entry.kind === 'file') yield* readOne(() => openFile(entry.path), { id: entry.id, source: entry.id }, entry.path, options);
    else yield entry;
  }
}

async function* readOne(
  opener: () => Promise<OpenedInput>,
  origin: Origin,
  name: string | null,
  options: ReadOptions,
): AsyncGenerator<InputItem> {
  let input: OpenedInput | null = null;
  try {
    input = await opener();
    const format = options.format ?? (name ? formatFromName(name) : null) ?? formatFromContent(input.head);
    if (input.head.length === 0 && (format === 'jsonl' || format === 'feed' || format === 'warc')) {
      yield skippedInput(origin.source, 'empty-file', `empty ${format} input`, origin.id);
      return;
    }
    yield* READERS[format](input, origin);
  } catch (err) {
    yield failed(origin.source, ...reasonFor(err), origin.id);
  } finally {
    input?.close();
  }
}

/** A thrown error → a short reason and a detail for people. */
function reasonFor(err: unknown): [string, string] {
  const e = err as NodeJS.ErrnoException;
  return gzipProblem(err) ?? explain(e.code, e.message ?? String(err));
}
