/**
 * The PostgreSQL store against the SQLite store: the same records in both, the same answers out (outcomes, documents,
 * searches, speakers, accounts, stats, reindex); French unaccented stemming; concurrent writers; and selon search /
 * serve run unchanged on a postgres:// URL. A throwaway PostgreSQL cluster is started on 127.0.0.1 and removed after.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type QuoteFilters, type Store } from '../src/store/store.js';
import { makeRecord } from '../src/store/synthetic.js';
import { extract } from '../src/index.js';
import { SelonError } from '../src/errors.js';
import type { Extraction } from '../src/types.js';
import { LATEST_VERSION } from '../src/store/postgres/migrations.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { startPostgres, type Postgres } from './helpers/services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/selon.js');
const dir = mkdtempSync(join(tmpdir(), 'selon-scale-store-'));
let pg: Postgres;
let databases = 0;

before(async () => {
  pg = await startPostgres();
});
after(async () => {
  await pg?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function freshPostgres(): Promise<string> {
  return pg.createDatabase(`store${++databases}`);
}

/** The shipped Wikinews articles, extracted once. */
function demoRecords(): Extraction[] {
  const records: Extraction[] = [];
  for (const name of ['fr-wikinews-unannotated.jsonl', 'en-wikinews-unannotated.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'data/demo', name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { id: string; text: string; lang?: string; date?: string; title?: string };
      records.push(extract({ id: d.id, text: d.text, lang: d.lang, date: d.date, meta: { title: d.title ?? null } }));
    }
  }
  return records;
}

const handmade = [
  makeRecord({
    id: 'lemonde/1', lang: 'fr', date: '2022-05-24', site: 'Le Monde', title: 'Sécurité',
    quotes: [
      { content: 'Nous renforcerons la sécurité des Français', speaker: 'M. Macron', via: ['CCTV', 'Xinhua'] },
      { content: 'Le porte-parole l’a confirmé hier soir', speaker: 'le porte-parole', time: { text: 'lundi', date: '2022-05-23' } },
    ],
    accounts: [{ quotes: [0, 1], verdict: 'divergent' }],
  }),
  makeRecord({ id: 'figaro/2', lang: 'fr', date: '2022-06-01', site: 'Le Figaro', quotes: [{ content: 'Je le redis ici', speaker: 'Emmanuel Macron' }] }),
  makeRecord({ id: 'rn/1', lang: 'fr', date: '2021-02-03', quotes: [{ content: 'Nous gagnerons', speaker: 'Le Pen' }, { content: 'La France', speaker: 'Marine Le Pen' }] }),
  makeRecord({ id: 'rn/2', lang: 'fr', date: '2021-02-04', quotes: [{ content: 'Je me souviens', speaker: 'Jean-Marie Le Pen' }] }),
  makeRecord({ id: 'bbc/1', lang: 'en', date: '2023-01-10', url: 'https://www.bbc.co.uk/news/1', quotes: [
    { content: 'We will not back down on security', speaker: 'Rishi Sunak', via: ['a UN transcript'] },
  ] }),
];

const SEARCHES: QuoteFilters[] = [
  {}, { q: 'securite' }, { q: 'sécurité' }, { q: 'porte-parole' }, { q: 'secur*' },
  { speaker: 'Macron' }, { speaker: 'Le Pen' }, { via: 'xinh' }, { via: 'transcript' }, { lang: 'en' }, { lang: 'fr', page: 2 },
  { from: '2022', to: '2022-05' }, { outlet: 'Le Monde' }, { kind: 'direct', pageSize: 5 }, { documentId: 'rn/1' },
  { q: 'Obama' }, { q: 'président' }, { q: 'emmanuel' }, { q: 'emmanuel renforcerons' }, { q: '"Marine Le Pen"' }, { q: '"ne céderons"' }, { q: 'NOT OR (' }, { facets: true }, { q: 'Macron', facets: true },
];

async function fill(store: Store, records: Extraction[]) {
  const out = [];
  for (let i = 0; i < records.length; i += 16) out.push(...(await store.ingestMany(records.slice(i, i + 16))));
  return out;
}

/** A page without what depends on row order among equally ranked quotes. */
function shape(page: Awaited<ReturnType<Store['searchQuotes']>>, ranked: boolean) {
  const ids = page.items.map((i) => `${i.document.id}#${i.quote.id}`);
  return { total: page.total, ids: ranked ? ids.sort() : ids, speakers: page.items.map((i) => i.speaker?.name ?? null).sort(), facets: page.facets };
}

describe('PostgreSQL store, same answers as SQLite', () => {
  let sqlite: Store;
  let postgres: Store;
  const records = [...handmade, ...demoRecords()];

  before(async () => {
    sqlite = await openStore(`sqlite:${join(dir, 'parity.db')}`);
    postgres = await openStore(await freshPostgres());
  });
  after(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  test('ingest outcomes: added, then unchanged; a changed text replaces; a newer engine replaces', async () => {
    assert.equal(postgres.backend, 'postgres');
    const a = await fill(sqlite, records);
    const b = await fill(postgres, records);
    assert.deepEqual(b, a);
    assert.ok(b.every((r) => r.outcome === 'added'));
    assert.deepEqual(await fill(postgres, records.slice(0, 20)), await fill(sqlite, records.slice(0, 20)));
    const changed = makeRecord({ id: 'figaro/2', lang: 'fr', date: '2022-06-01', quotes: [{ content: 'Je le redis ici', speaker: 'Emmanuel Macron' }], tail: 'Fin.' });
    const newer = { ...handmade[4]!, engine: { ...handmade[4]!.engine, version: '9.0.0' } };
    const twice = [changed, changed, newer];
    assert.deepEqual(await postgres.ingestMany(twice), await sqlite.ingestMany(twice));
    assert.deepEqual((await postgres.ingestMany(twice)).map((r) => r.outcome), ['unchanged', 'unchanged', 'unchanged']);
    await sqlite.ingestMany([handmade[1]!]);
    await postgres.ingestMany([handmade[1]!]);
  });

  test('every document comes back exactly as ingested', async () => {
    for (const r of records) {
      const [a, b] = [await sqlite.getDocument(r.id), await postgres.getDocument(r.id)];
      assert.deepEqual(b, a, r.id);
      assert.deepEqual(await postgres.storedKey(r.id), await sqlite.storedKey(r.id));
    }
    assert.equal(await postgres.getDocument('nothing'), null);
  });

  test('searches: totals, pages, speakers and facets', async () => {
    for (const f of SEARCHES) {
      const ranked = f.q !== undefined;
      const [a, b] = [await sqlite.searchQuotes(f), await postgres.searchQuotes(f)];
      assert.deepEqual(shape(b, ranked), shape(a, ranked), JSON.stringify(f));
    }
  });

  test('a query with no word in it is refused (E003) as by the SQLite store, not a listing of every quote', async () => {
    for (const q of ['*', '?', '"" ()', '🙂']) {
      const refused = (e: unknown) => e instanceof SelonError && e.code === 'E003' && e.message.includes(`the query "${q}" holds no word`);
      for (const store of [sqlite, postgres]) await assert.rejects(store.searchQuotes({ q, facets: true }), refused, `${store.backend} ${q}`);
      await assert.rejects((async () => {
        for await (const _ of postgres.streamQuotes({ q })) assert.fail('streamed a quote');
      })(), refused, q);
    }
    assert.equal((await postgres.searchQuotes({ q: ' ' })).total, (await sqlite.searchQuotes({})).total, 'a blank query is no query');
  });

  test("words find a quote by any name of its canonical speaker, names that arrive later included, as in SQLite", async () => {
    const stores = [await openStore(`sqlite:${join(dir, 'names.db')}`), await openStore(await freshPostgres())];
    try {
      const ingest = (id: string, speaker: string, content: string) =>
        Promise.all(stores.map((st) => st.ingest(makeRecord({ id, quotes: [{ content, speaker }] }))));
      const words = async (q: string) => {
        const [a, b] = await Promise.all(stores.map(async (st) => (await st.searchQuotes({ q, pageSize: 100 })).items.map((h) => h.document.id).sort()));
        assert.deepEqual(b, a, `PostgreSQL and SQLite differ on ${q}`);
        return b;
      };
      await ingest('a', 'M. Macron', 'Nous tiendrons bon');
      assert.deepEqual(await words('emmanuel'), []);
      await ingest('b', 'Emmanuel Macron', 'Autre chose');
      assert.deepEqual(await words('emmanuel'), ['a', 'b'], 'the earlier "M. Macron" quote too');
      assert.deepEqual(await words('emmanuel tiendrons'), ['a']);
      assert.deepEqual(await words('"Emmanuel Macron" tiendrons'), ['a']);
      await ingest('c', 'Brigitte Macron', 'Bonjour');
      assert.deepEqual(await words('emmanuel'), ['b'], 'a second Macron: the lone surname stands alone');
      await ingest('c', 'Anne Roy', 'Bonjour');
      assert.deepEqual(await words('emmanuel'), ['a', 'b']);
      assert.deepEqual(await words('tiendrons'), ['a']);
    } finally {
      await Promise.all(stores.map((st) => st.close()));
    }
  });

  test('words are found without their accents and across inflections (unaccent + french_stem, english_stem)', async () => {
    const hits = (q: string) => postgres.searchQuotes({ q, pageSize: 100 }).then((p) => p.items.map((i) => i.quote.content.text));
    assert.ok((await hits('securite')).includes('Nous renforcerons la sécurité des Français'));
    assert.deepEqual(await hits('renforcer francais'), ['Nous renforcerons la sécurité des Français']);
    assert.ok((await hits('securities')).includes('We will not back down on security'));
    assert.deepEqual(await sqlite.searchQuotes({ q: 'securities' }).then((p) => p.total), 0, 'SQLite does not stem');
    assert.ok((await hits("l'a confirmé")).includes('Le porte-parole l’a confirmé hier soir'));
    assert.deepEqual(await hits('"Le porte-parole l’a"'), ['Le porte-parole l’a confirmé hier soir'], 'a hyphenated word inside a phrase');
    assert.deepEqual(await hits('AND OR NOT ( ) : * & | ! <->'), [], 'operators are words, never syntax');
  });

  test('speakers: canonical names across documents, aliases, details', async () => {
    const norm = (p: Awaited<ReturnType<Store['listSpeakers']>>) => ({ total: p.total, items: p.items.map(({ id: _id, ...s }) => s) });
    for (const f of [{}, { q: 'macr' }, { q: 'le pen' }, { lang: 'en' as const }, { pageSize: 3, page: 2 }]) {
      assert.deepEqual(norm(await postgres.listSpeakers(f)), norm(await sqlite.listSpeakers(f)), JSON.stringify(f));
    }
    const detail = async (s: Store, name: string) => {
      const { items } = await s.searchQuotes({ speaker: name });
      const { id: _id, ...rest } = (await s.getSpeaker(items[0]!.speaker!.id))!;
      return rest;
    };
    for (const name of ['Macron', 'Jean-Marie Le Pen', 'Rishi Sunak']) assert.deepEqual(await detail(postgres, name), await detail(sqlite, name));
    const lePen = await postgres.searchQuotes({ speaker: 'Le Pen' });
    assert.equal(new Set(lePen.items.map((i) => i.speaker!.name)).size, 3, 'two full names: the lone surname stands alone');
  });

  test('accounts and stats', async () => {
    const norm = (p: Awaited<ReturnType<Store['listAccounts']>>) => ({ total: p.total, items: p.items.map((i) => ({ ...i, speaker: i.speaker?.name })) });
    const filters = [{}, { speaker: 'Macron' }, { speaker: 'Emmanuel' }, { verdict: 'divergent' as const }, { documentId: 'lemonde/1' },
      { since: '2022-05', until: '2022' }, { since: '2022-05-25' }, { until: '2022-05-23' }, { speaker: 'M. Macron', since: '2022-05-24', until: '2022-05-24' }];
    for (const f of filters) assert.deepEqual(norm(await postgres.listAccounts(f)), norm(await sqlite.listAccounts(f)), JSON.stringify(f));
    const totals = await Promise.all(filters.map(async (f) => (await postgres.listAccounts(f)).total));
    assert.deepEqual(totals, [1, 1, 1, 1, 1, 1, 0, 0, 1]);
    const { backend: b1, schemaVersion: _v1, ...s1 } = await sqlite.stats();
    const { backend: b2, schemaVersion: v2, ...s2 } = await postgres.stats();
    assert.deepEqual([b1, b2, v2], ['sqlite', 'postgres', LATEST_VERSION]);
    assert.deepEqual(s2, s1);
  });

  test('streamQuotes gives every quote once, in storage order', async () => {
    const all = [];
    for await (const q of postgres.streamQuotes({})) all.push(`${q.document.id}#${q.quote.id}`);
    const sql = [];
    for await (const q of sqlite.streamQuotes({})) sql.push(`${q.document.id}#${q.quote.id}`);
    assert.deepEqual(all.sort(), sql.sort());
    assert.equal(new Set(all).size, all.length);
  });

  test('reindex re-extracts the records of an older engine', async () => {
    const store = await openStore(await freshPostgres());
    try {
      const old = records.slice(5, 9).map((r) => ({ ...r, engine: { ...r.engine, version: '0.0.1' } }));
      await store.ingestMany(old);
      const summary = await store.reindex(extract, { version: records[5]!.engine.version });
      assert.deepEqual(summary, { checked: 4, reindexed: 4, failed: [] });
      assert.deepEqual(await store.getDocument(records[5]!.id), records[5]);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL store: migrations and indexes', () => {
  test('workers opening a new database at once migrate it once; a database of a newer selon is refused (E008)', async () => {
    const url = await freshPostgres();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(url)));
    const pool = (stores[0] as PostgresStore).pool;
    try {
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => r.version), Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
      await pool.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from a newer selon')", [LATEST_VERSION + 1]);
      await assert.rejects(openStore(url), (e: unknown) => e instanceof SelonError && e.code === 'E008' && e.message.includes(`schema ${LATEST_VERSION + 1}`));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test("a database at schema 1 is carried to the latest schema: its quotes are found by their canonical speaker's name", async () => {
    const url = await freshPostgres();
    const { createPool } = await import('../src/store/postgres/db.js');
    const { MIGRATIONS, migrate } = await import('../src/store/postgres/migrations.js');
    const pool = createPool(url);
    try {
      const client = await pool.connect();
      try {
        await migrate(client, MIGRATIONS.slice(0, 1));
        // The rows as the schema-1 code wrote them: "Macron" merged into "Emmanuel Macron", the name as written searched.
        await client.query(`INSERT INTO documents (id, lang, status, text, text_hash, engine_version, record, quote_count)
          VALUES ('v1', 'fr', 'ok', '', 'h', '0.1.0', '{}', 2)`);
        await client.query(`SELECT selon_add_names(ARRAY['macron', 'emmanuel macron'], ARRAY['Macron', 'Emmanuel Macron'],
          ARRAY['macron', 'macron'], ARRAY[false, true], ARRAY['person', 'person'])`);
        await client.query(`INSERT INTO quotes (doc, seq, id, kind, name, speaker, lang, confidence, tsv)
          SELECT d.pk, v.seq, v.id, 'direct', s.pk, s.canonical, 'fr', 0.9, selon_tsv('fr', v.content, v.speaker)
          FROM documents d, (VALUES (0, 'q1', 'Nous tiendrons bon', 'M. Macron', 'macron'), (1, 'q2', 'Autre chose', 'Emmanuel Macron', 'emmanuel macron'))
            AS v(seq, id, content, speaker, key) JOIN speakers s ON s.key = v.key`);
        const { rows } = await client.query(`SELECT count(*) AS n FROM quotes WHERE tsv @@ selon_query(ARRAY['emmanuel'], ARRAY[false])`);
        assert.equal(rows[0].n, 1, 'before: the name as written only');
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
    const store = await openStore(url);
    try {
      assert.equal((await store.stats()).schemaVersion, LATEST_VERSION);
      const { rows } = await (store as PostgresStore).pool.query(`SELECT count(*) AS n FROM quotes WHERE tsv @@ selon_query(ARRAY['emmanuel'], ARRAY[false])`);
      assert.equal(rows[0].n, 2);
      const { rows: one } = await (store as PostgresStore).pool.query(
        `SELECT count(*) AS n FROM quotes WHERE tsv @@ selon_query(ARRAY['emmanuel', 'tiendrons'], ARRAY[false, false])`);
      assert.equal(one[0].n, 1);
    } finally {
      await store.close();
    }
  });

  test('quote words, speaker aliases and names, and channels have GIN indexes; a word search can use quotes_search', async () => {
    const store = (await openStore(await freshPostgres())) as PostgresStore;
    try {
      await store.ingestMany(handmade);
      const { rows } = await store.pool.query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE indexdef LIKE '%USING gin%' ORDER BY indexname");
      assert.deepEqual(rows.map((r) => r.indexname), ['quote_via_key', 'quotes_search', 'speaker_aliases_search', 'speakers_key_words']);
      // The planner can answer a word search from the index (it would seq-scan a table this small if allowed to).
      const client = await store.pool.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          "EXPLAIN SELECT q.pk FROM quotes q WHERE q.tsv @@ selon_query(ARRAY['securite']::text[], ARRAY[false]::boolean[])");
        assert.match(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), /Bitmap Index Scan on quotes_search/);
      } finally {
        client.release();
      }
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL store, faults and concurrency', () => {
  test('a text PostgreSQL cannot hold is refused before anything is written (E009)', async () => {
    const store = await openStore(await freshPostgres());
    try {
      const bad = makeRecord({ id: 'nul', quotes: [{ content: 'a\u0000b', speaker: 'X Y' }] });
      await assert.rejects(store.ingestMany([handmade[0]!, bad]), (e: unknown) => e instanceof SelonError && e.code === 'E009');
      assert.equal((await store.stats()).documents, 0);
    } finally {
      await store.close();
    }
  });

  test('an unreachable server is a configuration error naming the URL without its password', async () => {
    await assert.rejects(openStore('postgres://me:secret@127.0.0.1:1/db'), (e: unknown) => {
      return e instanceof SelonError && e.code === 'E006' && /me:\*\*\*@/.test(e.message) && !/secret/.test(e.message);
    });
  });

  test('two writers storing overlapping batches at once: every document once, speakers merged once', async () => {
    const url = await freshPostgres();
    const [a, b] = [await openStore(url), await openStore(url)];
    try {
      const docs = Array.from({ length: 120 }, (_, i) => makeRecord({
        id: `c/${i}`, lang: 'fr', date: `2022-01-${String((i % 28) + 1).padStart(2, '0')}`,
        quotes: [{ content: `Phrase ${i}`, speaker: ['Macron', 'Emmanuel Macron', 'M. Macron', `Personne ${i % 7} Dupont`][i % 4]! }],
      }));
      const shuffled = [...docs].reverse();
      const batches = (list: Extraction[]) => Array.from({ length: 12 }, (_, k) => list.slice(k * 10, k * 10 + 10));
      await Promise.all([
        (async () => { for (const x of batches(docs)) await a.ingestMany(x); })(),
        (async () => { for (const x of batches(shuffled)) await b.ingestMany(x); })(),
      ]);
      const stats = await a.stats();
      assert.equal(stats.documents, 120);
      assert.equal(stats.quotes, 120);
      assert.equal((await a.searchQuotes({ speaker: 'Emmanuel Macron' })).total, 90, 'Macron, M. Macron and Emmanuel Macron are one speaker');
      assert.equal((await a.searchQuotes({ speaker: 'Dupont' })).total, 30);
      assert.equal((await a.searchQuotes({ q: 'emmanuel' })).total, 90, 'the words find them by the full name, whoever stored what first');
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('selon search and serve on a postgres:// store', () => {
  let url: string;
  before(async () => {
    url = await freshPostgres();
    const store = await openStore(url);
    await store.ingestMany(handmade);
    await store.close();
  });

  test('selon search --store postgres://… --format json', () => {
    const r = spawnSync(process.execPath, [BIN, 'search', 'securite', '--store', url, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const hits = JSON.parse(r.stdout) as { document: { id: string; outlet: string }; speaker: { name: string } }[];
    assert.deepEqual(hits.map((h) => [h.document.id, h.document.outlet, h.speaker.name]), [['lemonde/1', 'Le Monde', 'Emmanuel Macron']]);
  });

  test('selon ingest --store postgres://… stores what it reads, and again changes nothing', async () => {
    const target = await freshPostgres();
    const ingest = () => spawnSync(process.execPath, [BIN, 'ingest', join(ROOT, 'data/demo'), '--store', target, '--jobs', '1'], { encoding: 'utf8' });
    const first = ingest();
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /stored +64 added, 0 replaced, 0 unchanged/);
    assert.match(ingest().stderr, /stored +0 added, 0 replaced, 64 unchanged/);
  });

  test('selon serve --store postgres://… answers the API', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--store', url, '--port', '0', '--no-ui'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const base = /(http:\/\/\S+)/.exec(line)![1]!.replace(/\/$/, '');
      const res = await fetch(`${base}/api/quotes?q=securite`);
      assert.equal(res.status, 200);
      const page = (await res.json()) as { total: number; items: { speaker: { name: string } }[] };
      assert.equal(page.total, 1);
      assert.equal(page.items[0]!.speaker.name, 'Emmanuel Macron');
      const stats = (await (await fetch(`${base}/api/stats`)).json()) as { backend: string; documents: number };
      assert.deepEqual([stats.backend, stats.documents], ['postgres', handmade.length]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
