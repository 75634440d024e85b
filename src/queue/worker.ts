/**
 * `selon worker`: takes jobs from the queue and runs them (read → extract → store) until stopped. Stateless: start
 * as many as the machines have cores, anywhere that reaches Redis, the store and the inputs.
 *
 * Faults: a worker that dies mid-job loses its lock, and the queue hands the job to another worker after the stalled
 * interval (the store's upserts and the run's counting gate make the second run harmless); a Redis restart pauses
 * workers until they reconnect; a store that cannot be reached fails the job, which is retried with backoff and
 * dead-lettered after its last attempt. On SIGTERM a worker takes no new job, finishes the ones it has, and past the
 * grace period gives them back to the queue.
 */
import { Worker, WaitingError, type Job } from 'bullmq';
import { openStore, type Store } from '../store/store.js';
import { inlineExecutor, workerPool, type Executor } from '../io/pool.js';
import { redact } from '../store/url.js';
import { describeInput, type JobData, type JobSummary } from './jobs.js';
import { PREFIX, QUEUE } from './keys.js';
import { checkRedisUrl, workerConnection } from './redis.js';
import { deadJob, retrying } from './runs.js';
import { GivenBack, processJob, type JobContext } from './process-job.js';
import { Metrics, serveMetrics } from './metrics.js';
import type { Logger } from './log.js';

export interface WorkerOptions {
  redis: string;
  store: string;
  /** Jobs processed at once by this worker (default 2: one extracts while the other waits for the store). */
  concurrency: number;
  /** Extraction threads; 0 extracts on the main thread. */
  threads: number;
  /** Records per store transaction. */
  batch: number;
  metrics: { host: string; port: number } | null;
  /** Queue lock of a job, renewed while it runs; a dead worker's job is retried once it lapses. */
  lockDuration: number;
  /** How often workers look for jobs whose lock lapsed. */
  stalledInterval: number;
  log: Logger;
}

export interface RunningWorker {
  metricsUrl: string | null;
  /**
   * Stops taking jobs, lets running jobs finish for `graceMs`, then gives the rest back to the queue. Resolves false
   * when Redis could not be reached to do so: the worker stopped anyway, and the jobs it held come back to other
   * workers once their locks lapse. The process must then exit on its own (BullMQ's connections keep retrying).
   */
  close(graceMs: number): Promise<boolean>;
}

/** How long past the grace period a worker waits for Redis to take its jobs back before it stops without it. */
const QUEUE_WAIT_MS = 5000;

/** True when `promise` settles within `ms`, false when it is still pending then. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

function executors(threads: number) {
  const bySettings = new Map<string, Executor>();
  return {
    get(settings: JobData['settings']): Executor {
      const full = { format: 'jsonl' as const, ...settings };
      const key = JSON.stringify(full);
      let exec = bySettings.get(key);
      if (!exec) bySettings.set(key, (exec = threads > 0 ? workerPool(threads, full) : inlineExecutor(full)));
      return exec;
    },
    async close() {
      await Promise.all([...bySettings.values()].map((e) => e.close()));
    },
  };
}

function reasonOf(err: unknown): string {
  return (err as Error)?.message?.split('\n')[0] ?? String(err);
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  // A bad Redis URL is refused before anything is opened: a metrics server or a store pool left open would keep the
  // process alive after its error (it used to hang there).
  checkRedisUrl(o.redis);
  const metrics = new Metrics();
  // The metrics port first: a port in use must stop the worker before it takes any job.
  const served = o.metrics ? await serveMetrics(metrics, o.metrics.host, o.metrics.port) : null;
  let store: Store;
  try {
    store = await openStore(o.store);
  } catch (err) {
    served?.server.close();
    throw err;
  }
  const redis = workerConnection(o.redis);
  const pool = executors(o.threads);
  let givingBack = false;
  let active = 0;
  const ctx: JobContext = {
    store, redis, metrics, batch: o.batch, executor: (s) => pool.get(s), giveBack: () => givingBack,
  };

  const processor = async (job: Job<JobData, JobSummary>, token?: string): Promise<JobSummary> => {
    metrics.set('selon_worker_active_jobs', ++active);
    const fields = { run: job.data.run, job: job.id, input: describeInput(job.data.input), attempt: job.attemptsMade + 1 };
    o.log('info', 'job started', fields);
    try {
      const summary = await processJob(job, ctx);
      metrics.add('selon_worker_jobs_total', 1, { outcome: 'completed' });
      metrics.observe('selon_worker_job_seconds', summary.ms / 1000);
      o.log('info', 'job done', { ...fields, ms: summary.ms, docs: summary.docs });
      return summary;
    } catch (err) {
      throw await failure(job, err, token, fields);
    } finally {
      metrics.set('selon_worker_active_jobs', --active);
    }
  };

  /** A job that throws: given back at shutdown, or failed (retried later, or dead-lettered after its last attempt). */
  const failure = async (job: Job<JobData>, err: unknown, token: string | undefined, fields: Record<string, unknown>): Promise<unknown> => {
    if (err instanceof GivenBack) {
      metrics.add('selon_worker_jobs_total', 1, { outcome: 'returned' });
      o.log('warn', 'job given back to the queue', fields);
      await job.moveToWait(token);
      return new WaitingError();
    }
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    metrics.add('selon_worker_jobs_total', 1, { outcome: 'failed' });
    o.log(last ? 'error' : 'warn', last ? 'job failed, dead-lettered' : 'job failed, will retry', { ...fields, reason: reasonOf(err) });
    if (last) await letter(job, err);
    else await retrying(redis, job.data.run, job.data.n, reasonOf(err), job.attemptsMade + 1);
    return err;
  };

  const letter = (job: Job<JobData>, err: unknown) => deadJob(redis, job.data.run, job.data.n, {
    job: String(job.id), input: describeInput(job.data.input), attempts: job.attemptsMade + (job.finishedOn ? 0 : 1),
    reason: reasonOf(err), at: Date.now(),
  });

  const connection = workerConnection(o.redis);
  const worker = new Worker<JobData, JobSummary>(QUEUE, processor, {
    connection, prefix: PREFIX, concurrency: o.concurrency,
    lockDuration: o.lockDuration, stalledInterval: o.stalledInterval, maxStalledCount: 1,
  });
  // Jobs that fail without their processor (stalled too often) reach the dead-letter list here.
  worker.on('failed', (job, err) => {
    if (job?.finishedOn) letter(job, err).catch(() => {});
  });
  worker.on('stalled', (id) => o.log('warn', 'stalled job put back in the queue', { job: id }));
  worker.on('error', (err) => o.log('warn', 'queue error', { reason: reasonOf(err) }));

  o.log('info', 'worker started', {
    redis: redact(o.redis), store: redact(o.store), concurrency: o.concurrency, threads: o.threads, metrics: served?.url ?? null,
  });

  return {
    metricsUrl: served?.url ?? null,
    async close(graceMs) {
      o.log('info', 'worker stopping', { active, graceMs });
      const timer = setTimeout(() => (givingBack = true), graceMs);
      // With Redis down, BullMQ's close never returns (it waits to reach Redis): a SIGTERM must still stop the worker.
      let reached = false;
      try {
        reached = await settlesWithin(worker.close(), (active ? graceMs : 0) + QUEUE_WAIT_MS);
      } finally {
        clearTimeout(timer);
        await pool.close();
        await store.close();
        redis.disconnect();
        connection.disconnect();
        served?.server.closeAllConnections();
        served?.server.close();
        if (reached) o.log('info', 'worker stopped', {});
        else o.log('error', 'worker stopped before the queue took its jobs back (Redis unreachable?); they return to it when their locks lapse', { active });
      }
      return reached;
    },
  };
}

