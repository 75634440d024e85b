/**
 * Faults, on real SQLite files through `selon ingest` and the store API:
 *  - the disk fills up while ingesting (SQLite's max_page_count, set by a preload: tests cannot mount a small disk) →
 *    a clear E012 message, no stack trace, the database still passes integrity_check, and the same command resumes;
 *  - the ingest process is killed (SIGKILL) mid-run → the database is valid, and the same command finishes the job
 *    with every document stored once and the same quotes as an uninterrupted run;
 *  - the database file is corrupt (garbage, damaged pages, truncated) → a clear error, the file left byte for byte as
 *    it was, and never a search that quietly answers with rows missing;
 *  - the file is another application's SQLite database → refused the same way (E012), never given selon's tables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, openSync, writeSync, closeSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { extract } from '../src/index.js';
import { openStore } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { SelonError } from '../src/errors.js';
import type { Extraction } from '../src/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/selon.js');
const MAX_PAGES = join(ROOT, 'test/fixtures/robust/max-page-count.mjs');

interface Doc { id: string; text: string; lang?: string; date?: string }

/** The bundled Wikinews articles (data/demo, CC BY), `copies` times under new ids. */
function corpus(copies: number): Doc[] {
  const docs: Doc[] = [];
  for (const name of ['fr-wikinews-unannotated.jsonl', 'en-wikinews-unannotated.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'data/demo', name), 'utf8').split('\n')) {
      if (line.trim()) docs.push(JSON.parse(line) as Doc);
    }
  }
  const out: Doc[] = [];
  for (let i = 0; i < copies; i++) for (const d of docs) out.push({ id: `${d.id}#${i}`, text: d.text, lang: d.lang, date: d.date });
  return out;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'selon-faults-'));
}

function writeJsonl(path: string, docs: Doc[]): void {
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}

function selon(args: string[], options: { preload?: string; env?: Record<string, string> } = {}) {
  const node = options.preload ? ['--import', options.preload] : [];
  return spawnSync(process.execPath, [...node, BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 120_000 });
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Census { documents: number; distinct: number; quotes: number; quoteCounts: number; integrity: string }

/** What the file holds, read with a plain connection (not selon's). */
function census(path: string): Census {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare('SELECT count(*) AS documents, count(DISTINCT id) AS distinct_ids, coalesce(sum(quote_count), 0) AS quote_counts FROM documents').get() as
      { documents: number; distinct_ids: number; quote_counts: number };
    return {
      documents: row.documents,
      distinct: row.distinct_ids,
      quoteCounts: row.quote_counts,
      quotes: (db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n,
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; '),
    };
  } finally {
    db.close();
  }
}

function noStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+:\d+:\d+\)?$/m, `a stack trace reached the user:\n${stderr}`);
}

test('disk full while ingesting: clear error, database valid, the same command resumes', () => {
  const dir = tmp();
  try {
    const db = join(dir, 'selon.db');
    const docs = corpus(5);
    writeJsonl(join(dir, 'first.jsonl'), docs.slice(0, 1));
    writeJsonl(join(dir, 'all.jsonl'), docs);
    assert.equal(selon(['ingest', join(dir, 'first.jsonl'), '--store', `sqlite:${db}`, '--jobs', '1']).status, 0);
    const pages = (new Database(db).pragma('page_count', { simple: true }) as number);

    // About 100 KB of room: the first batch of 100 documents cannot fit.
    const full = selon(['ingest', join(dir, 'all.jsonl'), '--store', `sqlite:${db}`, '--jobs', '1'],
      { preload: MAX_PAGES, env: { SELON_TEST_MAX_PAGES: String(pages + 25) } });
    assert.notEqual(full.status, 0, 'a full disk is not a success');
    assert.match(full.stderr, /E012 .*full/);
    assert.match(full.stderr, /run the same command again/);
    noStackTrace(full.stderr);
    const after = census(db);
    assert.equal(after.integrity, 'ok');
    assert.equal(after.documents, 1, 'the failed batch left nothing half-written');
    assert.equal(after.quotes, after.quoteCounts);

    const resumed = selon(['ingest', join(dir, 'all.jsonl'), '--store', `sqlite:${db}`, '--jobs', '1']);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`${docs.length - 1} added, 0 replaced, 1 unchanged`));
    const done = census(db);
    assert.deepEqual([done.integrity, done.documents, done.distinct], ['ok', docs.length, docs.length]);
    assert.equal(done.quotes, done.quoteCounts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('disk full through the store API: E012, nothing of the batch stored, resumable', async () => {
  const dir = tmp();
  try {
    const path = join(dir, 'api.db');
    const records: Extraction[] = corpus(2).map((d) => extract({ text: d.text, lang: d.lang, date: d.date }, { id: d.id }));
    const store = await openStore(`sqlite:${path}`) as SqliteStore;
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 30}`);
    let stored = 0;
    let error: unknown = null;
    for (let i = 0; i < records.length && !error; i += 10) {
      try {
        await store.ingestMany(records.slice(i, i + 10));
        stored += Math.min(10, records.length - i);
      } catch (err) {
        error = err;
      }
    }
    assert.ok(error instanceof SelonError && error.code === 'E012', `expected E012, got ${String(error)}`);
    await store.close();
    assert.deepEqual([census(path).integrity, census(path).documents], ['ok', stored]);

    const again = await openStore(`sqlite:${path}`);
    const outcomes = await again.ingestMany(records);
    await again.close();
    assert.equal(outcomes.filter((o) => o.outcome === 'unchanged').length, stored);
    assert.equal(outcomes.filter((o) => o.outcome === 'added').length, records.length - stored);
    const done = census(path);
    assert.deepEqual([done.integrity, done.documents, done.distinct], ['ok', records.length, records.length]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an ingest killed mid-run (SIGKILL) resumes without duplicates or lost quotes', async () => {
  const dir = tmp();
  try {
    const db = join(dir, 'killed.db');
    const docs = corpus(40);
    const input = join(dir, 'many.jsonl');
    writeJsonl(input, docs);
    const child = spawn(process.execPath, [BIN, 'ingest', input, '--store', `sqlite:${db}`, '--jobs', '1'], { stdio: 'ignore' });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    // Kill it once some batches are committed and before the end.
    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      if (!existsSync(db)) continue;
      try {
        const probe = new Database(db, { readonly: true, fileMustExist: true });
        seen = (probe.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
        probe.close();
      } catch {
        continue; // not migrated yet
      }
      if (seen >= 200) break;
    }
    child.kill('SIGKILL');
    await exited;
    assert.equal(child.signalCode, 'SIGKILL', 'the ingest finished before it could be killed: give it more documents');
    const killed = census(db);
    assert.equal(killed.integrity, 'ok');
    assert.ok(killed.documents >= 200 && killed.documents < docs.length, `killed with ${killed.documents} of ${docs.length} stored`);
    assert.equal(killed.quotes, killed.quoteCounts, 'no document stored without its quotes');

    const resumed = selon(['ingest', input, '--store', `sqlite:${db}`, '--jobs', '1']);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`${docs.length - killed.documents} added, 0 replaced, ${killed.documents} unchanged`));
    const done = census(db);
    assert.deepEqual([done.integrity, done.documents, done.distinct], ['ok', docs.length, docs.length]);

    // The same quotes as an ingest that was never interrupted.
    const clean = join(dir, 'clean.db');
    assert.equal(selon(['ingest', input, '--store', `sqlite:${clean}`, '--jobs', '1']).status, 0);
    assert.equal(done.quotes, census(clean).quotes);
    assert.equal(done.quotes, done.quoteCounts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A store with the demo corpus in it, closed cleanly (WAL checkpointed into the file). */
function filledStore(dir: string): string {
  const db = join(dir, 'good.db');
  const input = join(dir, 'docs.jsonl');
  writeJsonl(input, corpus(3));
  assert.equal(selon(['ingest', input, '--store', `sqlite:${db}`, '--jobs', '1']).status, 0);
  return db;
}

function damage(path: string, how: 'garbage' | 'pages' | 'truncated'): void {
  if (how === 'garbage') {
    writeFileSync(path, createHash('sha512').update('not a database').digest().toString('hex').repeat(500));
  } else if (how === 'truncated') {
    truncateSync(path, Math.floor(readFileSync(path).length / 2));
  } else {
    // Overwrite the middle of a few b-tree pages (4 KB each), as a bad sector or a torn copy would.
    const fd = openSync(path, 'r+');
    for (const page of [5, 20, 40, 60]) writeSync(fd, Buffer.alloc(3000, 0xff), 0, 3000, page * 4096 + 100);
    closeSync(fd);
  }
}

for (const how of ['garbage', 'pages', 'truncated'] as const) {
  test(`a corrupt database file (${how}): clear error from ingest, search and serve, file unchanged`, async () => {
    const dir = tmp();
    try {
      const db = filledStore(dir);
      const bad = join(dir, `${how}.db`);
      copyFileSync(db, bad);
      damage(bad, how);
      const before = sha(bad);
      const input = join(dir, 'one.jsonl');
      writeJsonl(input, corpus(1).slice(0, 3).map((d) => ({ ...d, id: `new-${d.id}` })));

      for (const args of [['ingest', input], ['search', 'président'], ['serve', '--port', '0']]) {
        const run = selon([...args, '--store', `sqlite:${bad}`]);
        assert.equal(run.status, 2, `${args[0]}: ${run.stderr}`);
        // The file is at fault, not the URL: E012 (store cannot be read), not E006 (invalid store URL).
        assert.match(run.stderr, /^selon \w+: E012 /, `${args[0]}: ${run.stderr}`);
        assert.ok(run.stderr.includes(`sqlite:${bad}: not a valid, intact selon database`), `${args[0]}: ${run.stderr}`);
        assert.match(run.stderr, /\((file is not a database|database disk image is malformed|[^)]*page)/, `${args[0]}: ${run.stderr}`);
        assert.match(run.stderr, /Nothing was read or changed: restore it from a backup, or ingest the documents again into a new file/);
        assert.doesNotMatch(run.stderr, /E006|invalid store URL/);
        noStackTrace(run.stderr);
        assert.equal(run.stdout.includes('quotes'), false, `${args[0]} answered from a corrupt store: ${run.stdout}`);
      }
      await assert.rejects(openStore(`sqlite:${bad}`), (err: unknown) => err instanceof SelonError && err.code === 'E012');
      assert.equal(sha(bad), before, 'selon changed a corrupt file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a SQLite database of another application: ingest, search, serve and reindex refuse it (E012), file unchanged', async () => {
  const dir = tmp();
  try {
    // Another program's database, in the default rollback-journal mode: a real SQLite file, valid and intact.
    const other = join(dir, 'app.db');
    const app = new Database(other);
    app.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, total REAL); CREATE TABLE customers (name TEXT PRIMARY KEY)');
    app.prepare('INSERT INTO invoices (customer, total) VALUES (?, ?)').run('ACME', 120.5);
    app.close();
    const before = sha(other);

    for (const args of [['ingest', join(ROOT, 'data/gold')], ['search', 'x'], ['serve', '--port', '0'], ['reindex']]) {
      const run = selon([...args, '--store', `sqlite:${other}`]);
      assert.equal(run.status, 2, `${args[0]}: ${run.stderr}`);
      assert.match(run.stderr, /^selon \w+: E012 /, `${args[0]}: ${run.stderr}`);
      assert.ok(run.stderr.includes(`sqlite:${other}: not a valid, intact selon database (a SQLite database of another application: ` +
        'tables customers, invoices; selon writes only to its own files)'), `${args[0]}: ${run.stderr}`);
      noStackTrace(run.stderr);
      assert.equal(run.stdout.includes('quotes'), false, `${args[0]} answered from another application's database: ${run.stdout}`);
      assert.equal(sha(other), before, `${args[0]} changed another application's database`);
      assert.equal(existsSync(`${other}-wal`), false, `${args[0]} left a WAL file next to it`);
    }
    await assert.rejects(openStore(`sqlite:${other}`), (err: unknown) => err instanceof SelonError && err.code === 'E012');
    assert.equal(sha(other), before);
    const check = new Database(other, { readonly: true });
    assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all(), ['customers', 'invoices']);
    check.close();

    // An empty SQLite file (no table yet) is still taken: selon creates its store in it.
    const empty = join(dir, 'empty.db');
    new Database(empty).close();
    const fresh = selon(['ingest', join(ROOT, 'data/gold'), '--store', `sqlite:${empty}`]);
    assert.equal(fresh.status, 0, fresh.stderr);
    assert.ok(census(empty).documents > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
