/**
 * selon's library API: `extract` one document (pure, synchronous), `extractAll` a stream of them.
 * The engine uses no Node-only API, so the same code runs in the browser.
 */
import type { Document, DocumentMeta, Extraction, Lang } from './types.js';
import { DEFAULT_CONFIG, ENGINE_VERSION, type EngineConfig } from './config.js';
import { detectLanguage } from './detect-language.js';
import { packFor, PACKS } from './lang/index.js';
import { runPipeline } from './pipeline.js';
import { toExtraction, skipped } from './output.js';
import { readHtml } from './io/html.js';
import { joinWindows, windowsOf } from './windows.js';

export type * from './types.js';
export { ENGINE_VERSION } from './config.js';
export type { EngineConfig } from './config.js';

export interface DocumentInput {
  id?: string;
  text?: string;
  html?: string;
  /** ISO 639-1; wins over detection. */
  lang?: string | null;
  /** Publication date, ISO yyyy-mm-dd. */
  date?: string | null;
  url?: string | null;
  meta?: DocumentMeta;
}

export interface ExtractOptions extends Partial<EngineConfig> {
  /** 'auto' (default) detects; 'fr' or 'en' forces the language. */
  lang?: 'auto' | string;
  id?: string;
}

export function engineInfo(): Extraction['engine'] {
  const packs: Record<string, string> = {};
  for (const [code, pack] of Object.entries(PACKS)) packs[code] = pack.version;
  return { version: ENGINE_VERSION, packs };
}

/** Extracts reported speech from one document: a string of plain text, or an input object with text or HTML. */
export function extract(input: string | DocumentInput, options: ExtractOptions = {}): Extraction {
  const given: DocumentInput = typeof input === 'string' ? { text: input } : input;
  const config: EngineConfig = { ...DEFAULT_CONFIG, ...stripUndefined(options) };
  const id = options.id ?? given.id ?? '-';
  let text = given.text ?? '';
  let meta: DocumentMeta = { ...(given.meta ?? {}) };
  let date = given.date ?? null;
  if (given.url) meta.url = given.url;
  if (given.html !== undefined && given.text === undefined) {
    const page = readHtml(given.html, given.url ?? null);
    text = page.text;
    meta = { ...page.meta, ...meta };
    date = date ?? page.date;
    if (!page.hasBody) return skipped({ id, text, meta, date, lang: null }, 'no-body', engineInfo());
  }
  const forced = options.lang && options.lang !== 'auto' ? options.lang : null;
  if (text.trim() === '') return skipped({ id, text, meta, date, lang: forced ?? given.lang ?? null }, 'empty', engineInfo());
  const lang = forced ?? given.lang ?? detectLanguage(text);
  const pack = packFor(lang);
  if (!pack) return skipped({ id, text, meta, date, lang }, 'unsupported-language', engineInfo());
  const read = (part: string) => {
    const doc: Document = { id, text: part, lang: pack.code as Lang, date, meta, layers: {}, messages: [] };
    return toExtraction(runPipeline(doc, pack, config), engineInfo(), config);
  };
  const windows = windowsOf(text, config.windowChars);
  if (windows.length === 1) return read(text);
  return joinWindows(text, windows.map((window) => ({ window, record: read(text.slice(window.start, window.end)) })));
}

/** Extracts each document of a (possibly async) stream, in order, holding one document at a time. */
export async function* extractAll(
  inputs: Iterable<string | DocumentInput> | AsyncIterable<string | DocumentInput>,
  options: ExtractOptions = {},
): AsyncGenerator<Extraction> {
  for await (const input of inputs) yield extract(input, options);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
