/**
 * A run's bookkeeping in Redis, next to BullMQ's queue: what was enqueued, and the counts of finished jobs and of
 * their documents. BullMQ may run a job twice (a worker killed after storing its documents but before telling the
 * queue; a lock lost while Redis restarted), so each job is counted once, behind a bit per job position set in the
 * same Lua script that adds its counts. A job dead-lettered and later done counts as done.
 */
import type { Redis } from 'ioredis';
import { FAILED_DOCS_KEPT, RUNS, runKeys } from './keys.js';
import type { DocCounts, DocFailure, JobSummary } from './jobs.js';

export const DOC_FIELDS = ['read', 'added', 'replaced', 'unchanged', 'skipped', 'failed', 'quotes'] as const satisfies readonly (keyof DocCounts)[];

function keysOf(run: string): string[] {
  const k = runKeys(run);
  return [k.info, k.done, k.dead, k.deadLetter, k.retrying, k.failedDocs];
}

export interface RunMeta {
  inputs: string[];
  attempts: number;
  settings: Record<string, unknown>;
}

export async function createRun(redis: Redis, run: string, meta: RunMeta): Promise<void> {
  const now = Date.now();
  await redis.multi()
    .hset(runKeys(run).info, { created: now, jobs: 0, done: 0, failed: 0, enqueued: 0, meta: JSON.stringify(meta) })
    .zadd(RUNS, now, run)
    .exec();
}

export async function addJobs(redis: Redis, run: string, count: number): Promise<void> {
  await redis.hincrby(runKeys(run).info, 'jobs', count);
}

export async function enqueued(redis: Redis, run: string): Promise<void> {
  await redis.hset(runKeys(run).info, 'enqueued', 1);
}

export async function runExists(redis: Redis, run: string): Promise<boolean> {
  return (await redis.exists(runKeys(run).info)) === 1;
}

/** Notes the time the first job of a run started (docs/s counts from there). */
export async function started(redis: Redis, run: string): Promise<void> {
  await redis.hsetnx(runKeys(run).info, 'started', Date.now());
}

const FINISH = `
local n = tonumber(ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
if redis.call('SETBIT', KEYS[2], n, 1) == 1 then return 0 end
if redis.call('GETBIT', KEYS[3], n) == 1 then
  redis.call('SETBIT', KEYS[3], n, 0)
  redis.call('HINCRBY', KEYS[1], 'failed', -1)
  redis.call('HDEL', KEYS[4], ARGV[1])
end
redis.call('HINCRBY', KEYS[1], 'done', 1)
redis.call('HSET', KEYS[1], 'last', ARGV[2])
local fields = cjson.decode(ARGV[3])
for field, value in pairs(fields) do redis.call('HINCRBY', KEYS[1], 'docs:' .. field, value) end
local kept = tonumber(ARGV[4])
for i = 5, #ARGV do
  if redis.call('LLEN', KEYS[6]) >= kept then break end
  redis.call('RPUSH', KEYS[6], ARGV[i])
end
return 1`;

/** Counts a finished job once; returns false when it had been counted already. */
export async function finishJob(redis: Redis, run: string, n: number, summary: JobSummary): Promise<boolean> {
  const failures = summary.failures.slice(0, FAILED_DOCS_KEPT).map((f) => JSON.stringify(f));
  const counted = await redis.eval(FINISH, 6, ...keysOf(run), n, Date.now(), JSON.stringify(summary.docs), FAILED_DOCS_KEPT, ...failures);
  return counted === 1;
}

const DEAD = `
local n = tonumber(ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
if redis.call('GETBIT', KEYS[2], n) == 1 then return 0 end
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
if redis.call('SETBIT', KEYS[3], n, 1) == 1 then return 0 end
redis.call('HINCRBY', KEYS[1], 'failed', 1)
redis.call('HSET', KEYS[1], 'last', ARGV[2])
return 1`;

export interface DeadLetter {
  job: string;
  input: string;
  attempts: number;
  reason: string;
  at: number;
}

/** Puts a job in its run's dead-letter list (once), unless it was done meanwhile. */
export async function deadJob(redis: Redis, run: string, n: number, letter: DeadLetter): Promise<boolean> {
  return (await redis.eval(DEAD, 6, ...keysOf(run), n, Date.now(), JSON.stringify(letter))) === 1;
}

const REVIVE = `
local n = tonumber(ARGV[1])
if redis.call('GETBIT', KEYS[3], n) == 0 then return 0 end
redis.call('SETBIT', KEYS[3], n, 0)
redis.call('HINCRBY', KEYS[1], 'failed', -1)
redis.call('HDEL', KEYS[4], ARGV[1])
return 1`;

/** Takes a job out of the dead-letter list, before it is retried. */
export async function reviveJob(redis: Redis, run: string, n: number): Promise<boolean> {
  return (await redis.eval(REVIVE, 6, ...keysOf(run), n)) === 1;
}

/** Notes why a job's last attempt failed, while it waits for its next one. */
export async function retrying(redis: Redis, run: string, n: number, reason: string, attempt: number): Promise<void> {
  await redis.hset(runKeys(run).retrying, String(n), JSON.stringify({ reason, attempt, at: Date.now() }));
}

export interface RunRecord {
  created: number;
  started: number | null;
  last: number | null;
  jobs: number;
  enqueued: boolean;
  done: number;
  failed: number;
  docs: DocCounts;
  meta: RunMeta;
  deadLetter: DeadLetter[];
  retrying: { n: number; reason: string; attempt: number }[];
  failedDocs: DocFailure[];
}

export async function readRun(redis: Redis, run: string, listed = 100): Promise<RunRecord | null> {
  const k = runKeys(run);
  const [info, dead, retry, docs] = await Promise.all([
    redis.hgetall(k.info), redis.hgetall(k.deadLetter), redis.hgetall(k.retrying), redis.lrange(k.failedDocs, 0, listed - 1),
  ]);
  if (!info['created']) return null;
  const num = (v: string | undefined) => (v === undefined ? null : Number(v));
  const counts = Object.fromEntries(DOC_FIELDS.map((f) => [f, Number(info[`docs:${f}`] ?? 0)])) as unknown as DocCounts;
  const byPosition = (a: [string, string], b: [string, string]) => Number(a[0]) - Number(b[0]);
  return {
    created: Number(info['created']),
    started: num(info['started']),
    last: num(info['last']),
    jobs: Number(info['jobs'] ?? 0),
    enqueued: info['enqueued'] === '1',
    done: Number(info['done'] ?? 0),
    failed: Number(info['failed'] ?? 0),
    docs: counts,
    meta: JSON.parse(info['meta'] ?? '{}') as RunMeta,
    deadLetter: Object.entries(dead).sort(byPosition).map(([, v]) => JSON.parse(v) as DeadLetter),
    retrying: Object.entries(retry).sort(byPosition).map(([n, v]) => ({ n: Number(n), ...(JSON.parse(v) as { reason: string; attempt: number }) })),
    failedDocs: docs.map((d) => JSON.parse(d) as DocFailure),
  };
}
