/**
 * `import { extractPaths } from 'selon/io'`: the library side of `selon extract`. Node-only (files, folders, stdin);
 * the engine itself (`import { extract } from 'selon'`) stays browser-safe.
 */
import type { Extraction } from '../types.js';
import { failed, type ProblemItem } from './items.js';
import { expandPaths } from './walk.js';
import { readInputs } from './read-inputs.js';
import { extractItem } from './run-job.js';
import type { Format } from './sniff.js';

export type { ProblemItem } from './items.js';
export type { Format } from './sniff.js';

export interface ExtractPathsOptions {
  /** 'auto' (the default) or a pack code. */
  lang?: string;
  minConfidence?: number;
  /** Reads every input as this format; otherwise the name, then the content, decide (as `--input-format`). */
  inputFormat?: Format;
}

/** A document's record, or an input that gave none: could not be read or parsed (`failed`), or not taken (`skipped`). */
export type PathOutcome = { kind: 'record'; record: Extraction } | ProblemItem;

/**
 * Reads what `selon extract` reads — text, HTML, JSONL, RSS/Atom, WARC, gzip of these, folders, `-` for stdin — and
 * yields one outcome per input document, in input order, on the calling thread. Nothing is dropped: an input that
 * gives no record comes out as a problem naming it, with a reason. Entries that are not documents (a WARC request
 * record, a file of another extension in a folder) are passed over, as the CLI counts them apart.
 */
export async function* extractPaths(paths: string[], options: ExtractPathsOptions = {}): AsyncGenerator<PathOutcome> {
  const settings = { lang: options.lang ?? 'auto', ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}) };
  const { entries } = await expandPaths(paths);
  for await (const item of readInputs(entries, { format: options.inputFormat ?? null })) {
    if (item.kind === 'ignored') continue;
    if (item.kind !== 'doc') {
      yield item;
      continue;
    }
    try {
      yield { kind: 'record', record: extractItem(item, settings) };
    } catch (err) {
      yield failed(item.source, 'engine-error', (err as Error).message, item.id);
    }
  }
}
