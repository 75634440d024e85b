/**
 * Scale-out benchmark: the queue (BullMQ on Redis) feeding `selon worker` processes that store into PostgreSQL.
 * Printed, not asserted. Two corpora: plain text in JSONL (the shipped Wikinews articles repeated under new ids) and
 * ~50 KB news pages in a WARC gzipped record by record (bench/ingest.bench.ts's pages, Common Crawl's layout).
 *
 *  1. Overhead, in one process so that every CPU-second is attributed: extraction alone (read + extract) against
 *     the worker's job code (src/queue/process-job.ts: read the shard, extract, store in PostgreSQL, count in Redis),
 *     CPU of this process plus the PostgreSQL and Redis servers'. Rounds alternate and the median is kept, since
 *     the machine is shared; the first round only warms up.
 *  2. Throughput: `selon worker` processes (1, then 2; one extraction thread each) on an enqueued run: wall-clock
 *     docs/s and CPU per document of workers, PostgreSQL and Redis.
 *  3. Database size per document, for docs/scale.md's plan.
 *
 * Run alone: node --import tsx bench/scale.bench.ts [--docs N] [--pages N] [--rounds N] [--scale K]
 * (--docs and --pages per overhead round; throughput runs are K times larger, K = 4 by default, after a warm-up run
 * of the same size: each worker's extraction thread must have compiled its hot code before the clock starts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import type { Job } from 'bullmq';
import pg from 'pg';
import { readInputs } from '../src/io/read-inputs.js';
import { runJob } from '../src/io/run-job.js';
import { inlineExecutor } from '../src/io/pool.js';
import { openStore } from '../src/store/store.js';
import { workerConnection } from '../src/queue/redis.js';
import { enqueue, openQueue } from '../src/queue/enqueue.js';
import { planJobs } from '../src/queue/plan.js';
import { processJob, type JobContext } from '../src/queue/process-job.js';
import { createRun, readRun } from '../src/queue/runs.js';
import { runStatus } from '../src/queue/status.js';
import { Metrics } from '../src/queue/metrics.js';
import type { JobData } from '../src/queue/jobs.js';
import { cpuOf, startPostgres, startRedis, type Postgres, type Redis } from '../test/helpers/services.js';
import { warcFile } from '../test/io-build.js';
import { page, readArticles } from './ingest.bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/selon.js');
const SHARD = 100;

interface Services {
  pg: Postgres;
  redis: Redis;
}

/* ---------- corpora ---------- */

interface Corpus {
  kind: 'text' | 'warc';
  path: string;
  docs: number;
}

type MakeCorpus = (tag: string) => Promise<Corpus>;

function textCorpus(dir: string, docs: number): MakeCorpus {
  const articles = readArticles();
  return async (tag) => {
    const lines = Array.from({ length: docs }, (_, i) => {
      const a = articles[i % articles.length]!;
      return JSON.stringify({ id: `${tag}-${i}`, text: [a.title, ...a.paragraphs].join('\n\n'), lang: a.lang, date: a.date, title: a.title });
    });
    const path = join(dir, `${tag}.jsonl`);
    writeFileSync(path, lines.join('\n') + '\n');
    return { kind: 'text', path, docs };
  };
}

function warcCorpus(dir: string, pages: number): MakeCorpus {
  const articles = readArticles();
  return async (tag) => {
    const specs = Array.from({ length: pages }, (_, i) => ({
      id: `urn:uuid:${tag}-${i}`, url: `https://daily.example/${tag}/${i}`, contentType: 'text/html; charset=utf-8', body: page(articles, i),
    }));
    const path = join(dir, `${tag}.warc.gz`);
    writeFileSync(path, await warcFile(specs, 'per-record'));
    return { kind: 'warc', path, docs: pages };
  };
}

/* ---------- 1. overhead, in one process ---------- */

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** CPU seconds per document of extraction alone: read + extract, as `selon extract` does on one thread. */
async function extractionAlone(corpus: Corpus): Promise<{ cpu: number; chars: number }> {
  const c0 = cpuNow();
  let chars = 0;
  for await (const item of readInputs([{ kind: 'file', path: corpus.path, id: corpus.path, size: null }])) {
    if (item.kind !== 'doc') continue;
    chars += (JSON.parse(runJob(item, { format: 'jsonl', lang: 'auto' }).out) as { text: string }).text.length;
  }
  return { cpu: (cpuNow() - c0) / corpus.docs, chars: chars / corpus.docs };
}

interface Split {
  client: number;
  pg: number;
  redis: number;
  /** Cutting the input into jobs, on the machine that enqueues (once per run, not per worker). */
  plan: number;
}

/** CPU seconds per document of the worker's job code on every shard of the corpus, here and in the servers. */
async function jobCode(corpus: Corpus, ctx: JobContext, services: Services, run: string): Promise<Split> {
  await createRun(ctx.redis, run, { inputs: [corpus.path], attempts: 1, settings: {} });
  const jobs: JobData[] = [];
  const plan0 = cpuNow();
  for await (const planned of planJobs([corpus.path], { lines: SHARD, records: SHARD })) {
    if (planned.kind === 'job') jobs.push({ run, n: jobs.length, input: planned.input, settings: { lang: 'auto' } });
  }
  const plan = (cpuNow() - plan0) / corpus.docs;
  const before = { client: cpuNow(), pg: services.pg.cpuSeconds(), redis: services.redis.cpuSeconds() };
  for (const data of jobs) await processJob({ id: `${run}.${data.n}`, data } as Job<JobData>, ctx);
  const d = corpus.docs;
  return { client: (cpuNow() - before.client) / d, pg: (services.pg.cpuSeconds() - before.pg) / d, redis: (services.redis.cpuSeconds() - before.redis) / d, plan };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function overhead(make: MakeCorpus, label: string, services: Services, store: string, rounds: number): Promise<{ extraction: number; chars: number }> {
  const db = await openStore(store);
  const redis = workerConnection(services.redis.url);
  const ctx: JobContext = {
    store: db, redis, metrics: new Metrics(), executor: () => inlineExecutor({ format: 'jsonl', lang: 'auto' }), batch: 50, giveBack: () => false,
  };
  const alone: number[] = [];
  const split: Split[] = [];
  let chars = 0;
  try {
    for (let r = 0; r <= rounds; r++) {
      const corpus = await make(`${label}-overhead-${r}`);
      const a = await extractionAlone(corpus);
      const s = await jobCode(corpus, ctx, services, `${label}-${r}`);
      if (r === 0) continue; // warm-up
      alone.push(a.cpu);
      split.push(s);
      chars = a.chars;
    }
  } finally {
    redis.disconnect();
    await db.close();
  }
  const e = median(alone);
  const client = median(split.map((s) => s.client));
  const pgCpu = median(split.map((s) => s.pg));
  const redisCpu = median(split.map((s) => s.redis));
  const extra = client + pgCpu + redisCpu - e;
  console.log(`  extraction alone                 ${ms(e)} CPU/doc = ${f1(1 / e)} docs per CPU-second`);
  console.log(`  worker job code                  ${ms(client + pgCpu + redisCpu)} CPU/doc: worker ${ms(client)}, PostgreSQL ${ms(pgCpu)}, Redis ${ms(redisCpu)}`);
  console.log(`  queue + store overhead           ${ms(extra)} per document = ${f1((extra / e) * 100)} % of extraction (median of ${rounds} rounds)`);
  console.log(`  enqueue: cutting into jobs       ${ms(median(split.map((s) => s.plan)))} CPU/doc, once, on the enqueueing machine`);
  return { extraction: e, chars };
}

/* ---------- 2. throughput, worker processes ---------- */

function startWorkers(n: number, services: Services, store: string): { child: ChildProcess; stderr: () => string }[] {
  return Array.from({ length: n }, () => {
    const child = spawn(process.execPath, [BIN, 'worker', '--redis', services.redis.url, '--store', store, '--no-metrics',
      '--threads', '1', '--concurrency', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    return { child, stderr: () => stderr };
  });
}

async function until(probe: () => Promise<boolean>, everyMs = 50): Promise<void> {
  while (!(await probe())) await new Promise((r) => setTimeout(r, everyMs));
}

/** Enqueues a corpus and waits for its run to finish; wall seconds. */
async function runThrough(services: Services, corpus: Corpus): Promise<number> {
  const conn = workerConnection(services.redis.url);
  try {
    const t0 = Date.now();
    const { run } = await enqueue(conn, { paths: [corpus.path], settings: { lang: 'auto' }, attempts: 3, backoff: 1000, plan: { lines: SHARD, records: SHARD } });
    // Polled slowly, so as not to take CPU from the workers; the run's own end time is what counts.
    await until(async () => (await runStatus(conn, run))!.finished, 250);
    const s = (await runStatus(conn, run))!;
    if (s.failed || s.documents.read !== corpus.docs) console.log(`  (run ${run}: ${s.failed} jobs failed, ${s.documents.read} of ${corpus.docs} read)`);
    return ((await readRun(conn, run))!.last! - t0) / 1000;
  } finally {
    conn.disconnect();
  }
}

async function throughput(n: number, make: MakeCorpus, label: string, services: Services, store: string): Promise<number> {
  const workers = startWorkers(n, services, store);
  await until(async () => workers.every((w) => w.stderr().includes('"worker started"')));
  await runThrough(services, await make(`${label}-warm-${n}`));
  const corpus = await make(`${label}-run-${n}`);
  const cpu = () => ({ w: workers.reduce((s, w) => s + cpuOf(w.child.pid!, false), 0), pg: services.pg.cpuSeconds(), r: services.redis.cpuSeconds() });
  const before = cpu();
  const seconds = await runThrough(services, corpus);
  const after = cpu();
  for (const w of workers) {
    w.child.kill('SIGTERM');
    await once(w.child, 'exit');
  }
  const d = corpus.docs;
  console.log(`  ${n} worker${n > 1 ? 's' : ' '}                         ${f1(d / seconds).padStart(6)} docs/s wall clock (${f1(seconds)} s); CPU/doc: ` +
    `workers ${ms((after.w - before.w) / d)}, PostgreSQL ${ms((after.pg - before.pg) / d)}, Redis ${ms((after.r - before.r) / d)}`);
  return d / seconds;
}

/** What two cores give right now: `selon extract --jobs 1` alone, then two at once on two corpora (wall clock). */
async function control(make: MakeCorpus, label: string): Promise<number> {
  const extractOne = async (corpus: Corpus) => {
    const child = spawn(process.execPath, [BIN, 'extract', '--jobs', '1', '--format', 'jsonl', corpus.path], { stdio: 'ignore' });
    await once(child, 'exit');
  };
  const [a, b, c] = [await make(`${label}-control-a`), await make(`${label}-control-b`), await make(`${label}-control-c`)];
  let t0 = performance.now();
  await extractOne(a);
  const one = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await Promise.all([extractOne(b), extractOne(c)]);
  const two = (performance.now() - t0) / 1000;
  console.log(`  control: selon extract --jobs 1   ${f1(a.docs / one).padStart(6)} docs/s alone, ${f1((2 * a.docs) / two)} docs/s as two processes at once`);
  return (2 * one) / two;
}

/* ---------- 3. size ---------- */

async function dbSize(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
    const size = Number((await client.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]!.b);
    const stored = Number((await client.query<{ b: string }>(`SELECT sum(pg_total_relation_size(oid)) AS b FROM pg_class
      WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows[0]!.b);
    const counts = (await client.query<{ d: string; q: string }>('SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM quotes) AS q')).rows[0]!;
    const docs = Number(counts.d);
    const tables = await client.query<{ name: string; b: string }>(`SELECT relname AS name, pg_total_relation_size(oid) AS b FROM pg_class
      WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 5`);
    console.log(`  PostgreSQL                       ${f1(stored / docs / 1024)} KB per document with indexes (${docs} documents, ` +
      `${f1(Number(counts.q) / docs)} quotes each; database ${f1(size / 1024 / 1024)} MB): ` +
      tables.rows.map((t) => `${t.name} ${f1(Number(t.b) / docs / 1024)}`).join(', '));
  } finally {
    await client.end();
  }
}

/** Redis memory per queued job: a run enqueued with no worker running, then removed. */
async function redisPerJob(services: Services, corpus: Corpus): Promise<void> {
  const conn = workerConnection(services.redis.url);
  const used = async () => Number(/used_memory:(\d+)/.exec(await conn.info('memory'))![1]);
  try {
    const before = await used();
    const { jobs } = await enqueue(conn, { paths: [corpus.path], settings: { lang: 'auto' }, attempts: 5, backoff: 5000, plan: { lines: 1 } });
    const bytes = (await used()) - before;
    await openQueue(conn).obliterate({ force: true });
    console.log(`\nRedis: ${Math.round(bytes / jobs)} bytes per queued job (${jobs} jobs of one JSONL line each, with their run's bookkeeping)`);
  } finally {
    conn.disconnect();
  }
}

/* ---------- report ---------- */

const f1 = (x: number) => x.toFixed(1);
const ms = (seconds: number) => `${(seconds * 1000).toFixed(2)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, pages: { type: 'string' }, rounds: { type: 'string' }, scale: { type: 'string' } } });
  const docs = Number(values.docs ?? 1000);
  const pages = Number(values.pages ?? 200);
  const rounds = Number(values.rounds ?? 4);
  const scale = Number(values.scale ?? 4);
  console.log(`scale benchmark: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'selon-bench-scale-'));
  const [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
  const services = { pg: pgServer, redis };
  try {
    const corpora = [
      ['text', textCorpus(dir, docs), textCorpus(dir, docs * scale), docs], ['warc', warcCorpus(dir, pages), warcCorpus(dir, pages * scale), pages],
    ] as const;
    for (const [label, make, makeRun, count] of corpora) {
      console.log(`\n${label === 'text' ? 'Wikinews articles as text (JSONL)' : '50 KB news pages (WARC.gz, per-record gzip)'}: ` +
        `${count} documents per overhead round, ${count * scale} per throughput run`);
      const store = await pgServer.createDatabase(`bench_${label}`);
      const { chars } = await overhead(make, label, services, store, rounds);
      const one = await throughput(1, makeRun, label, services, store);
      const two = await throughput(2, makeRun, label, services, store);
      const machine = await control(makeRun, label);
      console.log(`  speed-up, 2 workers over 1       ${f1(two / one)}× (two extract processes over one, same moment: ${f1(machine)}×; ` +
        `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
      await dbSize(store);
      console.log(`  text per document                ${Math.round(chars)} characters`);
    }
    await redisPerJob(services, await textCorpus(dir, 2000)('redis-memory'));
  } finally {
    await redis.destroy();
    await pgServer.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
