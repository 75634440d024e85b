/**
 * What readers yield: a document to extract, or an account of an input that gave none. Every input is accounted
 * for, so the summary adds up: `failed` could not be read or parsed; `skipped` was read but holds no document selon
 * can take (too large, unsupported charset); `ignored` is not meant to be a document (a WARC request record, a file
 * with an unknown extension inside a folder) and is only counted.
 */
import type { DocumentInput } from '../index.js';
import type { Message } from '../types.js';

export interface DocItem {
  kind: 'doc';
  id: string;
  /** Where the document came from: a path, `path:LINE` for JSONL, `path#RECORD` for WARC and feed items. */
  source: string;
  input: DocumentInput;
  /** Problems met while decoding, carried into the record's messages (positions point into the text). */
  notes: Message[];
  /** The date of an HTML page that gives no publication date of its own (a WARC record's WARC-Date): run-job.ts. */
  fallbackDate?: string;
}

export interface ProblemItem {
  kind: 'failed' | 'skipped';
  source: string;
  id: string | null;
  reason: string;
  detail: string;
}

export interface IgnoredItem {
  kind: 'ignored';
  reason: string;
}

export type InputItem = DocItem | ProblemItem | IgnoredItem;

export function failed(source: string, reason: string, detail: string, id: string | null = null): ProblemItem {
  return { kind: 'failed', source, id, reason, detail };
}

export function skippedInput(source: string, reason: string, detail: string, id: string | null = null): ProblemItem {
  return { kind: 'skipped', source, id, reason, detail };
}

/** A gzip stream that failed under a reader: the reason and detail that name it, or null for any other error. */
export function gzipProblem(err: unknown): [string, string] | null {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'Z_BUF_ERROR') return ['truncated-gzip', 'gzip data ends before its end marker'];
  if (e?.code === 'Z_DATA_ERROR') return ['corrupt-gzip', e.message];
  return null;
}
