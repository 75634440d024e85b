/**
 * A run's progress: jobs done, failed (dead-lettered), pending and active; its documents by outcome; docs/s; the
 * dead-letter list and the documents that failed alone. Counts come from the run's bookkeeping (runs.ts); active
 * jobs from the queue itself.
 */
import type { Redis } from 'ioredis';
import type { DocCounts, DocFailure, JobData } from './jobs.js';
import { RUNS } from './keys.js';
import { openQueue } from './enqueue.js';
import { readRun, type DeadLetter } from './runs.js';

export interface RunStatus {
  run: string;
  created: string;
  /** Every job is in the queue (false while enqueue is still adding them). */
  enqueued: boolean;
  /** Every job is done or dead-lettered. */
  finished: boolean;
  jobs: number;
  done: number;
  failed: number;
  pending: number;
  active: number;
  /** Pending jobs whose last attempt failed, waiting for the next one. */
  retrying: number;
  documents: DocCounts;
  docsPerSecond: number;
  elapsedSeconds: number;
  deadLetter: DeadLetter[];
  retryReasons: { job: number; attempt: number; reason: string }[];
  failedDocuments: DocFailure[];
}

async function activeJobs(redis: Redis, run: string): Promise<number> {
  const queue = openQueue(redis);
  try {
    const jobs = await queue.getJobs(['active']);
    return jobs.filter((j) => (j?.data as JobData | undefined)?.run === run).length;
  } finally {
    await queue.close();
  }
}

export async function runStatus(redis: Redis, run: string, now = Date.now()): Promise<RunStatus | null> {
  const r = await readRun(redis, run);
  if (!r) return null;
  const active = await activeJobs(redis, run);
  const finished = r.enqueued && r.done + r.failed >= r.jobs;
  const end = finished && r.last ? r.last : now;
  const elapsed = r.started ? Math.max(0.001, (end - r.started) / 1000) : 0;
  const pending = Math.max(0, r.jobs - r.done - r.failed - active);
  return {
    run,
    created: new Date(r.created).toISOString(),
    enqueued: r.enqueued,
    finished,
    jobs: r.jobs,
    done: r.done,
    failed: r.failed,
    pending,
    active,
    retrying: Math.min(r.retrying.length, pending + active),
    documents: r.docs,
    docsPerSecond: elapsed ? Math.round((r.docs.read / elapsed) * 10) / 10 : 0,
    elapsedSeconds: Math.round(elapsed * 10) / 10,
    deadLetter: r.deadLetter,
    retryReasons: r.retrying.map((x) => ({ job: x.n, attempt: x.attempt, reason: x.reason })),
    failedDocuments: r.failedDocs,
  };
}

/** The most recent runs, newest first. */
export async function recentRuns(redis: Redis, limit = 10): Promise<string[]> {
  return redis.zrevrange(RUNS, 0, limit - 1);
}

export function formatStatus(s: RunStatus): string {
  const d = s.documents;
  const state = s.finished ? 'finished' : s.enqueued ? 'running' : 'enqueueing';
  const lines = [
    `run ${s.run}  (${state}; created ${s.created}, ${s.elapsedSeconds} s of work so far)`,
    `jobs       ${s.jobs}: done ${s.done}, failed ${s.failed}, pending ${s.pending}${s.retrying ? ` (${s.retrying} retrying)` : ''}, active ${s.active}`,
    `documents  read ${d.read}: added ${d.added}, replaced ${d.replaced}, unchanged ${d.unchanged}, failed ${d.failed}; ` +
      `skipped ${d.skipped}; ${d.quotes} quotes`,
    `speed      ${s.docsPerSecond} docs/s`,
  ];
  if (s.retrying) {
    const last = s.retryReasons[s.retryReasons.length - 1]!;
    lines.push(`retrying   last reason: ${last.reason} (job ${last.job}, attempt ${last.attempt})`);
  }
  if (s.deadLetter.length) {
    lines.push('dead letter (failed after every attempt; selon enqueue --retry RUN puts them back):');
    for (const x of s.deadLetter) lines.push(`  ${x.job}  ${x.input}  after ${x.attempts} attempts: ${x.reason}`);
  }
  if (s.failedDocuments.length) {
    lines.push(`documents that failed alone${d.failed > s.failedDocuments.length ? ` (first ${s.failedDocuments.length})` : ''}:`);
    for (const f of s.failedDocuments) lines.push(`  ${f.source}  ${f.reason}${f.detail ? `: ${f.detail}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
