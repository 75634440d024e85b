/**
 * Inputs → jobs: one per file, one per shard of a large JSONL or WARC file, one per URL (a feed, a page). Folders
 * are walked as `selon extract` walks them (src/io/walk.ts), so documents get the same ids. A path that cannot be
 * read is reported, not enqueued.
 */
import { resolve } from 'node:path';
import { SelonError } from '../errors.js';
import { expandPaths } from '../io/walk.js';
import { formatFromName } from '../io/sniff.js';
import type { ProblemItem } from '../io/items.js';
import { DEFAULT_SHARD, type JobInput } from './jobs.js';
import { isGzip, scanJsonl, scanWarc, type Shard } from './scan.js';

export interface PlanOptions {
  /** JSONL lines per job (default 200). */
  lines?: number;
  /** WARC records per job (default 200). */
  records?: number;
}

export type Planned = { kind: 'job'; input: JobInput } | { kind: 'problem'; problem: ProblemItem };

const isUrl = (p: string) => /^https?:\/\//i.test(p);

export async function* planJobs(paths: string[], options: PlanOptions = {}): AsyncGenerator<Planned> {
  if (paths.includes('-')) throw new SelonError('E003', 'stdin (-) cannot be enqueued: workers read their inputs themselves');
  const urls = paths.filter(isUrl);
  const { entries } = await expandPaths(paths.filter((p) => !isUrl(p)));
  for (const entry of entries) {
    if (entry.kind === 'file') yield* fileJobs(entry.path, entry.id, entry.size, options);
    else if (entry.kind === 'failed' || entry.kind === 'skipped') yield { kind: 'problem', problem: entry };
  }
  for (const url of urls) yield { kind: 'job', input: { kind: 'url', url } };
}

async function* fileJobs(path: string, id: string, size: number | null, options: PlanOptions): AsyncGenerator<Planned> {
  const absolute = resolve(path);
  const whole: Planned = { kind: 'job', input: { kind: 'file', path: absolute, id } };
  const format = formatFromName(path);
  if (size === null || (format !== 'jsonl' && format !== 'warc')) return yield whole;
  const shards = await shardsOf(absolute, format, size, options);
  if (!shards || shards.length < 2) return yield whole;
  for (const s of shards) yield { kind: 'job', input: { kind: 'range', format, path: absolute, id, ...s } };
}

async function shardsOf(path: string, format: 'jsonl' | 'warc', size: number, options: PlanOptions): Promise<Shard[] | null> {
  try {
    const gzip = await isGzip(path);
    if (format === 'jsonl') return gzip ? null : await scanJsonl(path, options.lines ?? DEFAULT_SHARD);
    return await scanWarc(path, size, options.records ?? DEFAULT_SHARD);
  } catch {
    return null; // unreadable or malformed: one job, whose worker reports what is wrong with the file
  }
}
