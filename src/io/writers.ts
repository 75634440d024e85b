/**
 * Output formats. `record` turns one Extraction into its text and runs in the workers (so formatting scales with
 * --jobs); `frame` runs once in the main thread and adds what goes around the records (CSV header, JSON array).
 * Browser-safe.
 */
import type { OutputFormat } from './format.js';
import { jsonl } from './write-jsonl.js';
import { json } from './write-json.js';
import { csv } from './write-csv.js';
import { text } from './write-text.js';

export type { OutputFormat, Framer } from './format.js';

export const OUTPUT_FORMATS = { text, json, jsonl, csv } satisfies Record<string, OutputFormat>;
export type OutputFormatName = keyof typeof OUTPUT_FORMATS;
