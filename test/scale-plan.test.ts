/**
 * The queue's parts, one behaviour each: inputs cut into jobs (a shard reads exactly what the whole file gives for its
 * part), a run counted once per job whatever BullMQ replays, the metrics text, and a worker stopping on SIGTERM
 * (finishing its job, or giving it back to the queue). Redis is started on 127.0.0.1; the store is SQLite here.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { planJobs } from '../src/queue/plan.js';
import { readJob } from '../src/queue/read-job.js';
import { readInputs } from '../src/io/read-inputs.js';
import type { InputItem } from '../src/io/items.js';
import { jobId, type JobInput } from '../src/queue/jobs.js';
import { commandConnection } from '../src/queue/redis.js';
import { createRun, deadJob, finishJob, readRun, reviveJob } from '../src/queue/runs.js';
import { enqueue } from '../src/queue/enqueue.js';
import { runStatus } from '../src/queue/status.js';
import { startWorker } from '../src/queue/worker.js';
import { Metrics } from '../src/queue/metrics.js';
import { isTransient } from '../src/queue/store-batch.js';
import { PREFIX, QUEUE } from '../src/queue/keys.js';
import { openStore } from '../src/store/store.js';
import { SelonError } from '../src/errors.js';
import { articlePage, warcFile, type WarcSpec } from './io-build.js';
import { freePort, startRedis, type Redis } from './helpers/services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'selon-scale-plan-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function jobsOf(paths: string[], shard: number): Promise<JobInput[]> {
  const out: JobInput[] = [];
  for await (const p of planJobs(paths, { lines: shard, records: shard })) if (p.kind === 'job') out.push(p.input);
  return out;
}

/** What a reader yields, reduced to what identifies it. */
async function itemsOf(items: AsyncIterable<InputItem>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of items) {
    if (item.kind === 'doc') out.push(`doc ${item.id} ${item.source} ${(item.input.text ?? item.input.html ?? '').length}`);
    else if (item.kind === 'ignored') out.push(`ignored ${item.reason}`);
    else out.push(`${item.kind} ${item.id} ${item.source} ${item.reason}`);
  }
  return out;
}

async function viaShards(jobs: JobInput[]): Promise<string[]> {
  const out: string[] = [];
  for (const job of jobs) out.push(...(await itemsOf(readJob(job))));
  return out;
}

const whole = (path: string, id = path) => itemsOf(readInputs([{ kind: 'file', path, id, size: null }]));

describe('inputs → jobs', () => {
  test('a large JSONL file is cut every N lines; its shards give the same documents, ids and line numbers', async () => {
    const path = join(dir, 'big.jsonl');
    const lines = Array.from({ length: 45 }, (_, i) => (i === 12 ? '{broken' : i === 30 ? '' : JSON.stringify({ text: `Texte ${i}.`, ...(i % 3 ? { id: `d${i}` } : {}) })));
    writeFileSync(path, lines.join('\n'));
    const jobs = await jobsOf([path], 10);
    assert.equal(jobs.length, 5);
    assert.ok(jobs.every((j) => j.kind === 'range' && j.format === 'jsonl' && j.id === path));
    const expected = await whole(path);
    assert.deepEqual(await viaShards(jobs), expected);
    assert.ok(expected.includes(`failed ${path}:13 ${path}:13 bad-json`));
    assert.ok(expected.some((e) => e.startsWith(`doc ${path}:34 `)), 'a line without an id keeps its line number in the file');
  });

  test('a WARC gzipped record by record is cut at record starts; gzipped whole it stays one job', async () => {
    const specs: WarcSpec[] = Array.from({ length: 7 }, (_, i) => ({
      id: `urn:uuid:rec-${i}`, url: `https://news.example/${i}`, contentType: 'text/html; charset=utf-8',
      body: articlePage(`Article ${i}`), ...(i === 3 ? { type: 'request' as const } : {}),
    }));
    for (const style of ['per-record', 'plain'] as const) {
      const path = join(dir, `crawl-${style}.warc${style === 'plain' ? '' : '.gz'}`);
      writeFileSync(path, await warcFile(specs, style));
      const jobs = await jobsOf([path], 2);
      assert.equal(jobs.length, 4, style);
      assert.deepEqual(await viaShards(jobs), await whole(path), style);
    }
    const wholeGz = join(dir, 'crawl-whole.warc.gz');
    writeFileSync(wholeGz, await warcFile(specs, 'whole'));
    assert.deepEqual(await jobsOf([wholeGz], 2), [{ kind: 'file', path: wholeGz, id: wholeGz }]);
  });

  test('folders give one job per file with the ids selon extract gives; URLs one job each; stdin is refused', async () => {
    const jobs = await jobsOf([join(ROOT, 'data/demo'), 'https://news.example/feed.xml'], 1000);
    assert.deepEqual(jobs.map((j) => (j.kind === 'url' ? j.url : j.id)), [
      join(ROOT, 'data/demo/en-wikinews-unannotated.jsonl'), join(ROOT, 'data/demo/fr-wikinews-unannotated.jsonl'), 'https://news.example/feed.xml',
    ]);
    const problems = [];
    for await (const p of planJobs([join(dir, 'missing.txt')])) problems.push(p);
    assert.deepEqual(problems.map((p) => p.kind === 'problem' && p.problem.reason), ['not-found']);
    await assert.rejects(jobsOf(['-'], 10), (e: unknown) => e instanceof SelonError && e.code === 'E003');
  });

  test('a URL job fetches its input and reads it like a file named by the URL', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage('Page'));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const items = await itemsOf(readJob({ kind: 'url', url: `${base}/page.html` }));
      assert.equal(items.length, 1);
      assert.match(items[0]!, new RegExp(`^doc ${base}/page.html ${base}/page.html \\d+$`));
      assert.deepEqual(await itemsOf(readJob({ kind: 'url', url: `${base}/gone` })), [`failed ${base}/gone ${base}/gone http-status`]);
    } finally {
      server.close();
    }
  });
});

describe('queue commands: usage and configuration errors exit 2 with a code', () => {
  const BIN = join(ROOT, 'bin/selon.js');
  // A command that hangs after its error fails here instead of blocking the run.
  const selon = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

  test('each error names its cause, without a stack trace', async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const busyPort = String((busy.address() as { port: number }).port);
    after(() => busy.close());
    for (const [args, code] of [
      [['enqueue', '--redis', closed], /E003 .*PATH/],
      [['enqueue', 'x.txt', '--redis', closed], /E010 /],
      [['enqueue', 'x.txt', '--redis', 'http://nope'], /E003 .*redis:\/\//],
      [['enqueue', 'x.txt', '--attempts', '0', '--redis', closed], /E003 .*--attempts/],
      [['status', 'r', '--redis', closed], /E010 /],
      [['worker', 'extra', '--redis', closed], /E004 /],
      [['worker', '--concurrency', 'many'], /E003 .*--concurrency/],
      [['worker', '--metrics-port', busyPort, '--redis', closed], /E003 .*--metrics-port .* in use/],
      [['worker', '--redis', 'http://nope', '--metrics-port', '0', '--store', `sqlite:${join(dir, 'bad-redis.db')}`], /E003 .*redis:\/\//],
    ] as const) {
      const r = selon(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, code, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    for (const command of ['enqueue', 'worker', 'status']) assert.match(selon(command, '--help').stdout, new RegExp(`Usage: selon ${command}`));
    assert.match(selon('--help').stdout, /enqueue .*\n.*worker .*\n.*status /);
  });
});

describe('a worker stopped while Redis is unreachable', () => {
  test('SIGTERM stops it within seconds, exit 1, the reason logged', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/selon.js'), 'worker', '--redis', `redis://127.0.0.1:${await freePort()}`,
      '--store', `sqlite:${join(dir, 'no-redis.db')}`, '--no-metrics'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('"queue error"')) resolve();
    }));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    assert.equal(code, 1, `exit ${code} after ${Date.now() - t0} ms`);
    assert.ok(Date.now() - t0 < 15_000);
    assert.match(log, /"msg":"worker stopped before the queue took its jobs back/);
  });
});

describe('store failures', () => {
  test('a store that is down or out of room fails the job (retried later); a record it refuses fails alone', () => {
    const transient = [{ code: 'ECONNREFUSED' }, { code: '57P01' }, { code: '08006' }, { code: '53100' }, { code: 'SQLITE_BUSY' },
      new SelonError('E012', 'disk full'), new Error('Connection terminated unexpectedly')];
    for (const err of transient) assert.equal(isTransient(err), true, JSON.stringify(err));
    for (const err of [new SelonError('E009', 'U+0000'), { code: '22021' }, { code: '23505' }, new Error('bug')]) assert.equal(isTransient(err), false);
  });
});

describe('metrics', () => {
  test('Prometheus text: help, type, labelled counters, cumulative histogram buckets', () => {
    const m = new Metrics();
    m.add('selon_worker_documents_total', 3, { outcome: 'added' });
    m.add('selon_worker_documents_total', 1, { outcome: 'failed' });
    for (const s of [0.003, 0.02, 0.02, 7]) m.observe('selon_worker_document_seconds', s);
    const text = m.render();
    assert.match(text, /# HELP selon_worker_documents_total .+\n# TYPE selon_worker_documents_total counter\n/);
    assert.match(text, /selon_worker_documents_total\{outcome="added"\} 3\n/);
    assert.match(text, /selon_worker_document_seconds_bucket\{le="0.005"\} 1\n/);
    assert.match(text, /selon_worker_document_seconds_bucket\{le="0.025"\} 3\n/);
    assert.match(text, /selon_worker_document_seconds_bucket\{le="\+Inf"\} 4\nselon_worker_document_seconds_sum 7.043\nselon_worker_document_seconds_count 4\n/);
    assert.match(text, /selon_worker_jobs_total 0\n/);
  });
});

describe('runs and workers on Redis', () => {
  let redis: Redis;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis?.destroy();
  });

  test('a job is counted once, however often BullMQ runs it; a dead-lettered job done later counts as done', async () => {
    const conn = await commandConnection(redis.url);
    try {
      await createRun(conn, 'r1', { inputs: [], attempts: 3, settings: {} });
      const summary = { docs: { read: 5, added: 4, replaced: 0, unchanged: 0, skipped: 0, failed: 1, quotes: 9 }, failures: [{ id: 'x', source: 'x', reason: 'bad-json', detail: '' }], ms: 1 };
      assert.equal(await finishJob(conn, 'r1', 0, summary), true);
      assert.equal(await finishJob(conn, 'r1', 0, summary), false);
      const letter = { job: 'r1.1', input: 'f', attempts: 3, reason: 'store unavailable: ECONNREFUSED', at: 1 };
      assert.equal(await deadJob(conn, 'r1', 1, letter), true);
      assert.equal(await deadJob(conn, 'r1', 1, letter), false);
      assert.equal(await deadJob(conn, 'r1', 0, letter), false, 'a done job is never dead-lettered');
      let run = (await readRun(conn, 'r1'))!;
      assert.deepEqual([run.done, run.failed, run.docs.read, run.docs.quotes, run.failedDocs.length, run.deadLetter.length], [1, 1, 5, 9, 1, 1]);
      assert.equal(await finishJob(conn, 'r1', 1, summary), true);
      run = (await readRun(conn, 'r1'))!;
      assert.deepEqual([run.done, run.failed, run.docs.read, run.deadLetter.length], [2, 0, 10, 0]);
      assert.equal(await reviveJob(conn, 'r1', 1), false);
    } finally {
      conn.disconnect();
    }
  });

  test('SIGTERM: a worker finishes its job within the grace period, or gives it back to the queue past it', async () => {
    const conn = await commandConnection(redis.url);
    const store = `sqlite:${join(dir, 'worker.db')}`;
    const lines = readFileSync(join(ROOT, 'data/demo/fr-wikinews-unannotated.jsonl'), 'utf8').trim().split('\n');
    const input = join(dir, 'grace.jsonl');
    writeFileSync(input, [...lines, ...lines].map((l, i) => JSON.stringify({ ...JSON.parse(l), id: `g${i}` })).join('\n'));
    const events: string[] = [];
    const log = (_level: string, msg: string) => void events.push(msg);
    const options = { redis: redis.url, store, concurrency: 1, threads: 0, batch: 10, metrics: null, lockDuration: 30_000, stalledInterval: 30_000, log };
    const started = () => new Promise<void>((resolve) => {
      const timer = setInterval(() => events.includes('job started') && (clearInterval(timer), resolve()), 20);
    });
    const queue = new Queue(QUEUE, { connection: conn, prefix: PREFIX });
    try {
      const { run } = await enqueue(conn, { paths: [input], settings: { lang: 'auto' }, attempts: 2, backoff: 100, plan: { lines: 1000 } });
      let worker = await startWorker(options);
      await started();
      await worker.close(0); // past the grace period at once: the job goes back, unfailed
      assert.ok(events.includes('job given back to the queue'), events.join(', '));
      assert.deepEqual(await queue.getJobCounts('wait', 'active', 'failed'), { wait: 1, active: 0, failed: 0 });
      let s = (await runStatus(conn, run))!;
      assert.deepEqual([s.done, s.failed, s.pending, s.active], [0, 0, 1, 0]);
      events.length = 0;
      worker = await startWorker(options);
      await started();
      await worker.close(60_000); // a long grace period: the job is finished first
      s = (await runStatus(conn, run))!;
      // Records the first worker stored before giving the job back are found unchanged.
      assert.deepEqual([s.done, s.failed, s.documents.read, s.documents.added + s.documents.unchanged], [1, 0, lines.length * 2, lines.length * 2]);
      const db = await openStore(store, { create: false });
      assert.equal((await db.stats()).documents, lines.length * 2);
      await db.close();
    } finally {
      await queue.close();
      conn.disconnect();
    }
  });

  test('selon enqueue: an input that cannot be read is named with its reason, exit 1, and the others are enqueued', async () => {
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, `${JSON.stringify({ id: 'ok', text: 'Il pleut.' })}\n`);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/selon.js'), 'enqueue', good, join(dir, 'absent.html'), '--redis', redis.url],
      { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /absent\.html — not-found/);
    const run = r.stdout.trim();
    const conn = await commandConnection(redis.url);
    try {
      const s = (await runStatus(conn, run))!;
      assert.deepEqual([s.jobs, s.enqueued], [1, true]);
      const queue = new Queue(QUEUE, { connection: conn, prefix: PREFIX });
      await queue.remove(jobId(run, 0)); // no worker runs here: the job must not reach the next test's worker
      await queue.close();
    } finally {
      conn.disconnect();
    }
  });

  test('a job whose workers are killed twice lands in the dead-letter list, named in selon status, and can be retried', { timeout: 180_000 }, async () => {
    const conn = await commandConnection(redis.url);
    const store = `sqlite:${join(dir, 'stalled.db')}`;
    const lines = readFileSync(join(ROOT, 'data/demo/fr-wikinews-unannotated.jsonl'), 'utf8').trim().split('\n');
    const input = join(dir, 'stalled.jsonl');
    writeFileSync(input, Array.from({ length: 10 }, () => lines).flat().map((l, i) => JSON.stringify({ ...JSON.parse(l), id: `k${i}` })).join('\n'));
    const BIN = join(ROOT, 'bin/selon.js');
    const worker = () => spawn(process.execPath, [BIN, 'worker', '--redis', redis.url, '--store', store, '--no-metrics', '--threads', '0',
      '--concurrency', '1', '--lock-ms', '1000', '--stalled-ms', '500'], { stdio: ['ignore', 'ignore', 'pipe'] });
    /** Waits until the worker logs `msg`; returns its log so far. */
    const until = (child: ReturnType<typeof worker>, msg: string) => new Promise<string>((resolve) => {
      let log = '';
      child.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes(`"msg":"${msg}"`)) resolve(log);
      });
    });
    try {
      const { run } = await enqueue(conn, { paths: [input], settings: { lang: 'auto' }, attempts: 5, backoff: 100, plan: { lines: 100_000 } });
      for (let i = 0; i < 2; i++) {
        const doomed = worker();
        await until(doomed, 'job started');
        doomed.kill('SIGKILL');
        await new Promise((r) => doomed.once('exit', r));
      }
      const watcher = worker(); // finds the job's lapsed lock a second time: the job fails for good
      const settled = async () => {
        for (let i = 0; i < 300; i++) {
          const s = (await runStatus(conn, run))!;
          if (s.finished) return s;
          await new Promise((r) => setTimeout(r, 200));
        }
        throw new Error(`run ${run} did not finish`);
      };
      const s = await settled();
      assert.deepEqual([s.done, s.failed, s.deadLetter.length], [0, 1, 1], JSON.stringify(s));
      assert.match(s.deadLetter[0]!.reason, /stalled/);
      const text = spawnSync(process.execPath, [BIN, 'status', run, '--redis', redis.url], { encoding: 'utf8', timeout: 30_000 }).stdout;
      assert.match(text, /dead letter[^\n]*\n +\S+ +\S+stalled\.jsonl +after \d+ attempts: .*stalled/);
      assert.equal(spawnSync(process.execPath, [BIN, 'enqueue', '--retry', run, '--redis', redis.url], { timeout: 30_000 }).status, 0);
      const again = await settled();
      assert.deepEqual([again.done, again.failed, again.deadLetter.length, again.documents.read], [1, 0, 0, lines.length * 10]);
      watcher.kill('SIGTERM');
      await new Promise((r) => watcher.once('exit', r));
    } finally {
      conn.disconnect();
    }
  });

  test('selon worker on a real SIGTERM: past --grace-ms its job goes back to the queue, exit 0; within it the job is finished', async () => {
    const conn = await commandConnection(redis.url);
    const store = `sqlite:${join(dir, 'signal.db')}`;
    const lines = readFileSync(join(ROOT, 'data/demo/fr-wikinews-unannotated.jsonl'), 'utf8').trim().split('\n');
    const input = join(dir, 'signal.jsonl');
    const copies = Array.from({ length: 10 }, () => lines).flat();
    writeFileSync(input, copies.map((l, i) => JSON.stringify({ ...JSON.parse(l), id: `s${i}` })).join('\n'));
    const queue = new Queue(QUEUE, { connection: conn, prefix: PREFIX });
    /** A worker process, signalled once its job has started; resolves with its exit code and its log messages. */
    const signalled = async (graceMs: number) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/selon.js'), 'worker', '--redis', redis.url, '--store', store, '--no-metrics',
        '--threads', '0', '--concurrency', '1', '--grace-ms', String(graceMs)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let log = '';
      // Complete lines only: a chunk of stderr may end inside one.
      const messages = () => log.split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { msg: string }).msg);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve) => child.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        if (messages().includes('job started')) resolve();
      }));
      child.kill('SIGTERM');
      return { code: await exited, messages: messages() };
    };
    try {
      const { run } = await enqueue(conn, { paths: [input], settings: { lang: 'auto' }, attempts: 2, backoff: 100, plan: { lines: 10_000 } });
      const brief = await signalled(100);
      assert.equal(brief.code, 0);
      assert.deepEqual(brief.messages.slice(-4), ['signal received', 'worker stopping', 'job given back to the queue', 'worker stopped']);
      assert.deepEqual(await queue.getJobCounts('wait', 'active', 'failed'), { wait: 1, active: 0, failed: 0 });
      assert.deepEqual((({ done, failed, pending }) => [done, failed, pending])((await runStatus(conn, run))!), [0, 0, 1]);
      const patient = await signalled(120_000);
      assert.equal(patient.code, 0);
      assert.deepEqual(patient.messages.slice(-4), ['signal received', 'worker stopping', 'job done', 'worker stopped']);
      const s = (await runStatus(conn, run))!;
      assert.deepEqual([s.done, s.failed, s.documents.read, s.documents.added + s.documents.unchanged], [1, 0, copies.length, copies.length]);
    } finally {
      await queue.close();
      conn.disconnect();
    }
  });
});
