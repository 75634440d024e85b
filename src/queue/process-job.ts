/**
 * One job: read its input, extract every document (on the worker's extraction threads), store the records in
 * batches, and count what happened, once per job, in its run. Stateless: everything a job needs is in its data.
 * Content problems are outcomes of their own document (a bad line, an engine error, a record the store refuses);
 * only a store or queue that cannot be reached fails the job, which the queue then retries.
 */
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Extraction } from '../types.js';
import type { Store } from '../store/store.js';
import type { DocItem } from '../io/items.js';
import type { Executor } from '../io/pool.js';
import { inOrder, type Outcome } from '../io/order.js';
import type { JobResult } from '../io/run-job.js';
import { noDocs, type DocCounts, type DocFailure, type JobData, type JobSummary } from './jobs.js';
import { readJob } from './read-job.js';
import { finishJob, started } from './runs.js';
import { StoreBatch } from './store-batch.js';
import type { Metrics } from './metrics.js';

export interface JobContext {
  store: Store;
  redis: Redis;
  metrics: Metrics;
  /** Extraction for the job's settings (language, confidence floor). */
  executor(settings: JobData['settings']): Executor;
  /** Records per store transaction. */
  batch: number;
  /** True once the worker must give its jobs back (shutdown past its grace period). */
  giveBack(): boolean;
}

/** Thrown when a job is given back to the queue unfinished; the worker moves it to waiting. */
export class GivenBack extends Error {}

const WINDOW = { count: 32, chars: 32 * 1024 * 1024 };

/** Wraps an executor so each result carries the time its document was read. */
function timed(exec: Executor, readAt: Map<JobResult, number>): Executor {
  return {
    async run(item: DocItem) {
      const t0 = performance.now();
      const result = await exec.run(item);
      readAt.set(result, t0);
      return result;
    },
    close: () => exec.close(),
  };
}

export async function processJob(job: Job<JobData>, ctx: JobContext): Promise<JobSummary> {
  const t0 = performance.now();
  const { run, n, input, settings } = job.data;
  await started(ctx.redis, run);
  const docs = noDocs();
  const failures: DocFailure[] = [];
  const batch = new StoreBatch(ctx.store, ctx.batch, docs, failures, ctx.metrics);
  const readAt = new Map<JobResult, number>();
  const exec = timed(ctx.executor(settings), readAt);
  for await (const outcome of inOrder(readJob(input), exec, WINDOW)) {
    if (outcome.kind === 'result') await take(outcome, readAt, batch, docs, failures, ctx.metrics);
    else countInput(outcome, docs, failures, ctx.metrics);
    // Timers must run between documents even when nothing here waits for I/O (inline extraction, SQLite): the
    // queue renews the job's lock on a timer, and a shutdown's grace period ends on one.
    await new Promise((resolve) => setImmediate(resolve));
    if (ctx.giveBack()) throw new GivenBack(`job ${job.id} given back at shutdown`);
  }
  await batch.flush();
  const summary: JobSummary = { docs, failures, ms: Math.round(performance.now() - t0) };
  await finishJob(ctx.redis, run, n, summary);
  return summary;
}

async function take(result: JobResult, readAt: Map<JobResult, number>, batch: StoreBatch, docs: DocCounts,
  failures: DocFailure[], metrics: Metrics): Promise<void> {
  docs.read++;
  const t0 = readAt.get(result) ?? performance.now();
  readAt.delete(result);
  if (result.status === 'skipped') docs.skipped++;
  if (result.status === 'failed' || !result.out) {
    docs.failed++;
    metrics.add('selon_worker_documents_total', 1, { outcome: 'failed' });
    failures.push({ id: result.id, source: result.source, reason: result.reason ?? 'failed', detail: firstLine(result.detail) });
    return;
  }
  await batch.add(JSON.parse(result.out) as Extraction, result.source, t0);
}

/** An input that gave no document: failed (unreadable) or skipped (too large…); ignored records are not counted. */
function countInput(outcome: Exclude<Outcome, JobResult>, docs: DocCounts, failures: DocFailure[], metrics: Metrics): void {
  if (outcome.kind === 'ignored') return;
  docs.read++;
  docs[outcome.kind]++;
  metrics.add('selon_worker_documents_total', 1, { outcome: outcome.kind });
  if (outcome.kind === 'failed') failures.push({ id: outcome.id, source: outcome.source, reason: outcome.reason, detail: outcome.detail });
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 500);
}
