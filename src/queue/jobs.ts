/**
 * What a queue job holds. One job is one unit of input a worker can read on its own: a file (a page, a text, a feed,
 * a gzipped file), a byte range of a large JSONL or WARC file that starts and ends on record boundaries, or a URL.
 * Paths are absolute, so a worker on another machine that mounts the same storage reads the same bytes; `id` is the
 * path as given on the command line, the document id DESIGN.md asks for.
 */
import type { JobSettings } from '../io/run-job.js';

export type JobInput =
  | { kind: 'file'; path: string; id: string }
  | { kind: 'range'; format: 'jsonl' | 'warc'; path: string; id: string; start: number; end: number; line: number }
  | { kind: 'url'; url: string };

/** JSONL lines or WARC records per job, for files large enough to be cut. */
export const DEFAULT_SHARD = 200;

export interface JobData {
  run: string;
  /** Position of the job in its run, from 0. */
  n: number;
  input: JobInput;
  settings: Pick<JobSettings, 'lang' | 'minConfidence'>;
}

/** Documents of one job, by what happened to them. */
export interface DocCounts {
  read: number;
  added: number;
  replaced: number;
  unchanged: number;
  skipped: number;
  failed: number;
  quotes: number;
}

export function noDocs(): DocCounts {
  return { read: 0, added: 0, replaced: 0, unchanged: 0, skipped: 0, failed: 0, quotes: 0 };
}

/** A document (or an input) that failed alone inside a job. */
export interface DocFailure {
  id: string | null;
  source: string;
  reason: string;
  detail: string;
}

/** A job's result, kept by BullMQ as its return value and added once to its run's counts. */
export interface JobSummary {
  docs: DocCounts;
  failures: DocFailure[];
  ms: number;
}

/** BullMQ job id: the run and the job's position, so a job can be found again from its run alone. */
export function jobId(run: string, n: number): string {
  return `${run}.${n}`;
}

/** A short description of a job's input, for logs and the dead-letter list. */
export function describeInput(input: JobInput): string {
  if (input.kind === 'url') return input.url;
  if (input.kind === 'file') return input.id;
  return `${input.id} [bytes ${input.start}-${input.end}${input.format === 'jsonl' ? `, from line ${input.line}` : ''}]`;
}
