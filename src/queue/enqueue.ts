/**
 * Enqueueing a run: inputs → jobs (plan.ts) → the BullMQ queue, in bulk, under a new run id. Jobs carry their run,
 * their position in it, their input and the extraction settings; they are retried with exponential backoff and kept,
 * when they fail for good, as the run's dead-letter list.
 */
import { randomBytes } from 'node:crypto';
import { Job, Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ProblemItem } from '../io/items.js';
import { jobId, type JobData } from './jobs.js';
import { PREFIX, QUEUE } from './keys.js';
import { planJobs, type PlanOptions } from './plan.js';
import { addJobs, createRun, enqueued, readRun, reviveJob } from './runs.js';

export interface EnqueueOptions {
  paths: string[];
  settings: JobData['settings'];
  /** Attempts per job before it is dead-lettered (default 5). */
  attempts: number;
  /** First retry delay in ms, doubled at each attempt (default 5000). */
  backoff: number;
  plan?: PlanOptions;
}

export interface EnqueueResult {
  run: string;
  jobs: number;
  problems: ProblemItem[];
}

const BULK = 500;

/** A run id that sorts by time and reads at a glance: 20260529-081502-3fa9c1. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export function openQueue(redis: Redis): Queue<JobData> {
  return new Queue<JobData>(QUEUE, { connection: redis, prefix: PREFIX });
}

function jobOptions(o: EnqueueOptions, run: string, n: number): JobsOptions {
  return {
    jobId: jobId(run, n),
    attempts: o.attempts,
    backoff: { type: 'exponential', delay: o.backoff },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}

export async function enqueue(redis: Redis, o: EnqueueOptions): Promise<EnqueueResult> {
  const run = newRunId();
  const queue = openQueue(redis);
  const problems: ProblemItem[] = [];
  let bulk: { name: string; data: JobData; opts: JobsOptions }[] = [];
  let n = 0;
  const flush = async () => {
    if (bulk.length === 0) return;
    await addJobs(redis, run, bulk.length); // counted first, so a fast worker never finishes more than were counted
    await queue.addBulk(bulk);
    bulk = [];
  };
  try {
    await createRun(redis, run, { inputs: o.paths, attempts: o.attempts, settings: o.settings });
    for await (const planned of planJobs(o.paths, o.plan)) {
      if (planned.kind === 'problem') {
        problems.push(planned.problem);
        continue;
      }
      bulk.push({ name: 'extract', data: { run, n, input: planned.input, settings: o.settings }, opts: jobOptions(o, run, n) });
      n++;
      if (bulk.length >= BULK) await flush();
    }
    await flush();
    await enqueued(redis, run);
  } finally {
    await queue.close();
  }
  return { run, jobs: n, problems };
}

/** Puts a run's dead-lettered jobs back in the queue (after the store is back, say); returns how many. */
export async function retryDead(redis: Redis, run: string): Promise<number> {
  const record = await readRun(redis, run);
  if (!record) return 0;
  const queue = openQueue(redis);
  let retried = 0;
  try {
    for (const letter of record.deadLetter) {
      const job = await Job.fromId<JobData>(queue, letter.job);
      if (!job || !(await job.isFailed())) continue;
      await reviveJob(redis, run, job.data.n);
      await job.retry('failed');
      retried++;
    }
  } finally {
    await queue.close();
  }
  return retried;
}
