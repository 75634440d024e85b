/**
 * The queue end to end, with real processes: `selon enqueue` on Redis, `selon worker` processes storing into
 * PostgreSQL, `selon status`. Redis (with its append-only file) and a PostgreSQL cluster are started on 127.0.0.1 by
 * the test and removed after. Faults: a worker SIGKILLed halfway; Redis restarted mid-run; PostgreSQL down, then up.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { extract } from '../src/index.js';
import { workerConnection } from '../src/queue/redis.js';
import { runStatus, type RunStatus } from '../src/queue/status.js';
import { openStore } from '../src/store/store.js';
import { startPostgres, startRedis, type Postgres, type Redis } from './helpers/services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/selon.js');
const dir = mkdtempSync(join(tmpdir(), 'selon-scale-queue-'));

interface Article {
  id: string;
  text: string;
  lang?: string;
  date?: string;
  title?: string;
}

/** The shipped CC BY Wikinews articles (data/demo), with the quotes the engine finds in each. */
const articles: (Article & { quotes: string[] })[] = ['fr', 'en'].flatMap((lang) =>
  readFileSync(join(ROOT, `data/demo/${lang}-wikinews-unannotated.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((line) => {
    const a = JSON.parse(line) as Article;
    return { ...a, quotes: extract({ text: a.text, lang: a.lang, date: a.date }).quotes.map((q) => q.content.text) };
  }));

/**
 * The articles repeated under new ids (`ID~PREFIX-R`), over `files` JSONL files; the first file also holds a
 * poison document (a text PostgreSQL cannot store) and a line that is not JSON.
 */
function writeCorpus(name: string, repeats: number, files: number): { folder: string; ids: string[] } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const lines: string[] = [];
  const ids: string[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const a of articles) {
      const id = `${a.id}~${name}-${r}`;
      ids.push(id);
      lines.push(JSON.stringify({ id, text: a.text, lang: a.lang, date: a.date, title: a.title }));
    }
  }
  lines.splice(37, 0, JSON.stringify({ id: `poison~${name}`, text: 'Il a dit : « Voici un octet nul \u0000 ici », a déclaré M. Nul.', lang: 'fr' }));
  lines.splice(91, 0, '{"id": "broken", "text": ');
  const per = Math.ceil(lines.length / files);
  for (let f = 0; f < files; f++) writeFileSync(join(folder, `part-${f}.jsonl`), lines.slice(f * per, (f + 1) * per).join('\n') + '\n');
  return { folder, ids };
}

let postgres: Postgres;
let redis: Redis;
let storeUrl: string;
let db: pg.Pool;
const workers = new Set<ChildProcess>();

before(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis({ persist: true })]);
  storeUrl = await postgres.createDatabase('queue');
  db = new pg.Pool({ connectionString: storeUrl, max: 2 });
  db.on('error', () => {});
});

after(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await db?.end().catch(() => {});
  await redis?.destroy();
  await postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function selon(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function enqueue(...args: string[]): string {
  const r = selon('enqueue', ...args, '--redis', redis.url);
  assert.equal(r.code, 0, r.err);
  return r.out.trim();
}

interface WorkerProcess {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

function startWorker(...extra: string[]): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--redis', redis.url, '--store', storeUrl, '--metrics-port', '0',
    '--lock-ms', '2000', '--stalled-ms', '1000', '--grace-ms', '5000', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  workers.add(child);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (workers.delete(child), resolve(code))));
  return { child, log: () => log, exited };
}

const lines = (w: WorkerProcess) => w.log().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // a service restarting: ask again
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function status(run: string): Promise<RunStatus> {
  const conn = workerConnection(redis.url);
  try {
    return (await runStatus(conn, run))!;
  } finally {
    conn.disconnect();
  }
}

const finished = (run: string) => waitFor(`run ${run} to finish`, async () => {
  const s = await status(run);
  return s.finished ? s : null;
});

async function storedIds(prefix: string): Promise<{ id: string; quotes: number }[]> {
  const { rows } = await db.query<{ id: string; quotes: string }>(`SELECT d.id, count(q.pk) AS quotes FROM documents d
    LEFT JOIN quotes q ON q.doc = d.pk WHERE d.id LIKE $1 GROUP BY d.id`, [`%~${prefix}-%`]);
  return rows.map((r) => ({ id: r.id, quotes: Number(r.quotes) }));
}

/** Every document stored once, each with the quotes the engine finds in its article. */
async function assertStoredOnce(name: string, ids: string[]): Promise<void> {
  const stored = await storedIds(name);
  assert.equal(stored.length, ids.length, 'every document is stored');
  assert.deepEqual(stored.map((s) => s.id).sort(), [...ids].sort());
  const expected = new Map(articles.map((a) => [a.id, a.quotes.length]));
  for (const s of stored) assert.equal(s.quotes, expected.get(s.id.split('~')[0]!), `${s.id}: its quotes, once`);
}

describe('selon enqueue → two workers → PostgreSQL', () => {
  const corpus = writeCorpus('kill', 13, 4);
  let run: string;

  test('one worker SIGKILLed halfway: every document stored exactly once, search finds its quotes', async () => {
    assert.ok(corpus.ids.length >= 800);
    const a = startWorker();
    const b = startWorker();
    run = enqueue(corpus.folder, '--shard', '25', '--attempts', '3', '--backoff', '200');
    assert.match(run, /^\d{8}-\d{6}-[0-9a-f]{6}$/);
    const half = Math.floor(corpus.ids.length / 2);
    // Halfway, and while worker A is inside a job (a job started that it has not finished).
    const killed = await waitFor('worker A halfway, inside a job', async () => {
      if ((await status(run)).documents.read < half) return null;
      const events = lines(a);
      const open = events.filter((e) => e['msg'] === 'job started').map((e) => e['job'] as string)
        .filter((job) => !events.some((e) => e['msg'] === 'job done' && e['job'] === job));
      return open.length ? open : null;
    });
    a.child.kill('SIGKILL');
    assert.equal(await a.exited, null);
    const s = await finished(run);
    assert.deepEqual([s.done, s.failed, s.pending, s.active], [s.jobs, 0, 0, 0]);
    const d = s.documents;
    assert.equal(d.read, corpus.ids.length + 2, 'the articles, the poison document and the broken line');
    assert.equal(d.added + d.unchanged, corpus.ids.length, 'documents stored by the killed worker are found unchanged');
    assert.deepEqual([d.replaced, d.failed], [0, 2]);
    assert.deepEqual(s.failedDocuments.map((f) => f.reason).sort(), ['bad-json', 'store-error']);
    assert.match(s.failedDocuments.find((f) => f.reason === 'store-error')!.detail, /E009.*U\+0000/);
    for (const job of killed) assert.ok(lines(b).some((e) => e['msg'] === 'job done' && e['job'] === job), `${job} finished by B`);
    await assertStoredOnce('kill', corpus.ids);
    b.child.kill('SIGTERM');
    assert.equal(await b.exited, 0, 'SIGTERM: a clean stop');
    assert.ok(lines(b).some((e) => e['msg'] === 'worker stopped'));
  });

  test('search finds the quotes of every copy', async () => {
    const article = articles.find((x) => x.lang === 'fr' && x.quotes.some((q) => q.split(' ').length > 6))!;
    const quote = article.quotes.find((q) => q.split(' ').length > 6)!;
    const words = quote.split(/\s+/).slice(0, 6).join(' ');
    const r = selon('search', `"${words}"`, '--store', storeUrl, '--format', 'json', '--all');
    assert.equal(r.code, 0, r.err);
    const hits = JSON.parse(r.out) as { document: { id: string } }[];
    const copies = new Set(hits.map((h) => h.document.id).filter((id) => id.startsWith(`${article.id}~kill-`)));
    assert.equal(copies.size, 13);
  });

  test('search finds every quote of every stored copy by its words', async () => {
    const store = await openStore(storeUrl, { create: false });
    try {
      let searched = 0;
      for (const article of articles) {
        for (const quote of new Set(article.quotes)) {
          const found = new Set<string>();
          for (let page = 1; ; page++) {
            const hits = await store.searchQuotes({ q: `"${quote.replace(/"/g, ' ')}"`, page, pageSize: 100 });
            for (const h of hits.items) if (h.quote.content.text === quote) found.add(h.document.id);
            if (page * 100 >= hits.total) break;
          }
          const copies = [...found].filter((id) => id.startsWith(`${article.id}~kill-`));
          assert.equal(copies.length, 13, `${article.id}: "${quote.slice(0, 60)}" found in every copy`);
          searched++;
        }
      }
      assert.ok(searched > 100, `${searched} quotes searched`);
    } finally {
      await store.close();
    }
  });

  test('selon status: text and json, with the keys done, failed, pending, active and docs/s', () => {
    const text = selon('status', run, '--redis', redis.url);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, new RegExp(`run ${run}  \\(finished`));
    assert.match(text.out, /jobs +\d+: done \d+, failed 0, pending 0, active 0/);
    assert.match(text.out, /store-error: E009/);
    const json = JSON.parse(selon('status', run, '--redis', redis.url, '--format', 'json').out) as Record<string, unknown>;
    for (const key of ['done', 'failed', 'pending', 'active', 'docsPerSecond', 'deadLetter', 'documents']) assert.ok(key in json, key);
    assert.ok((json['docsPerSecond'] as number) > 0);
    const list = selon('status', '--redis', redis.url);
    assert.match(list.out, new RegExp(`${run}  finished`));
    const missing = selon('status', 'no-such-run', '--redis', redis.url);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /E011/);
  });

  test('an input enqueued again in a new run: its documents are found unchanged, nothing is stored twice', async () => {
    const w = startWorker();
    const again = enqueue(join(corpus.folder, 'part-1.jsonl'), '--shard', '50');
    const s = await finished(again);
    const lines = readFileSync(join(corpus.folder, 'part-1.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    assert.deepEqual([s.done, s.failed, s.documents.read], [s.jobs, 0, lines]);
    assert.deepEqual([s.documents.added, s.documents.replaced, s.documents.unchanged], [0, 0, lines]);
    await assertStoredOnce('kill', corpus.ids);
    w.child.kill('SIGTERM');
    assert.equal(await w.exited, 0);
  });
});

describe('faults', () => {
  test('Redis restarts mid-run: the worker reconnects and the run completes', async () => {
    const corpus = writeCorpus('redis', 4, 2);
    const w = startWorker();
    const run = enqueue(corpus.folder, '--shard', '20');
    await waitFor('a third of the run', async () => (await status(run)).documents.read >= corpus.ids.length / 3);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    const s = await finished(run);
    assert.deepEqual([s.done, s.failed], [s.jobs, 0]);
    await assertStoredOnce('redis', corpus.ids);
    assert.ok(lines(w).some((e) => e['msg'] === 'queue error'), 'the outage was seen and logged');
    w.child.kill('SIGTERM');
    assert.equal(await w.exited, 0);
  });

  test('PostgreSQL down: jobs fail with a reason, retry with backoff, dead-letter after their attempts; back up: the run completes', async () => {
    const w = startWorker('--concurrency', '1');
    await waitFor('worker ready', async () => lines(w).some((e) => e['msg'] === 'worker started'));
    await postgres.stop();
    const brief = writeCorpus('brief', 1, 1);
    const patient = writeCorpus('patient', 1, 1);
    const dead = enqueue(brief.folder, '--attempts', '2', '--backoff', '100');
    const later = enqueue(patient.folder, '--attempts', '30', '--backoff', '300');
    let seen: RunStatus | null = null;
    const s1 = await waitFor('the brief run to dead-letter', async () => {
      const s = (seen = await status(dead));
      return s.finished ? s : null;
    }, 60_000).catch((err: Error) => {
      // An intermittent timeout here has not been explained yet: keep what the run and the worker said.
      throw new Error(`${err.message}\nlast status: ${JSON.stringify(seen)}\nworker log (end):\n${w.log().slice(-6000)}`);
    });
    assert.equal(s1.failed, s1.jobs);
    assert.equal(s1.deadLetter.length, s1.jobs);
    for (const letter of s1.deadLetter) {
      assert.equal(letter.attempts, 2);
      assert.match(letter.reason, /store unavailable: .*(ECONNREFUSED|connect)/);
    }
    assert.match(selon('status', dead, '--redis', redis.url).out, /dead letter[^\n]*\n +\S+ +\S+part-0\.jsonl +after 2 attempts: store unavailable/);
    await waitFor('a retry of the patient run', async () => (await status(later)).retrying > 0, 60_000);
    await postgres.start();
    const s2 = await finished(later);
    assert.deepEqual([s2.done, s2.failed], [s2.jobs, 0]);
    await assertStoredOnce('patient', patient.ids);
    // The dead-lettered jobs go back to the queue on demand, and complete now that the store is back.
    const retried = selon('enqueue', '--retry', dead, '--redis', redis.url);
    assert.equal(retried.code, 0, retried.err);
    const s3 = await finished(dead);
    assert.deepEqual([s3.done, s3.failed, s3.deadLetter.length], [s3.jobs, 0, 0]);
    await assertStoredOnce('brief', brief.ids);
    const metrics = /"metrics":"([^"]+)"/.exec(w.log())![1]!;
    const text = await (await fetch(metrics)).text();
    assert.match(text, /selon_worker_jobs_total\{outcome="failed"\} [1-9]/);
    assert.match(text, /selon_worker_document_seconds_count [1-9]/);
    w.child.kill('SIGTERM');
    assert.equal(await w.exited, 0);
  });
});
