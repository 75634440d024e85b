/** The SQLite store on a real file: migrations, idempotent ingest, search, speakers, documents, accounts, reindex. */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { openStore, type Store } from '../src/store/store.js';
import { MIGRATIONS, LATEST_VERSION, migrate } from '../src/store/sqlite/migrations.js';
import { makeRecord } from '../src/store/synthetic.js';
import { textHash } from '../src/store/hash.js';
import { recordShell } from '../src/store/record.js';
import { extract } from '../src/index.js';
import { SelonError } from '../src/errors.js';
import type { Extraction } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'selon-store-'));
let n = 0;
const freshUrl = () => `sqlite:${join(dir, `s${++n}.db`)}`;
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A backend under test: `fresh` gives an empty store and the URL that reopens it. Everything in `contract` below is
 * what any Store must do; the PostgreSQL store (issue 6) adds itself to BACKENDS and runs the same tests.
 */
interface Backend {
  name: string;
  fresh(): Promise<{ store: Store; url: string }>;
}

const sqlite: Backend = {
  name: 'sqlite',
  fresh: async () => {
    const url = freshUrl();
    return { store: await openStore(url), url };
  },
};

const BACKENDS: Backend[] = [sqlite];

const macron = makeRecord({
  id: 'lemonde/1', lang: 'fr', date: '2022-05-24', site: 'Le Monde', title: 'Sécurité',
  quotes: [
    { content: 'Nous renforcerons la sécurité des Français', speaker: 'M. Macron', via: ['CCTV', 'Xinhua'] },
    { content: 'Le porte-parole l’a confirmé hier soir', speaker: 'le porte-parole', time: { text: 'lundi', date: '2022-05-23' } },
  ],
});

describe('migrations', () => {
  test('a new file is migrated to the latest schema, and reopening applies nothing twice', async () => {
    const url = freshUrl();
    await (await openStore(url)).close();
    await (await openStore(url)).close();
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    db.close();
    assert.deepEqual(rows, MIGRATIONS.map((m) => m.version));
    assert.equal(rows.at(-1), LATEST_VERSION);
  });

  test('a later migration is applied once, on top of the existing data', async () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare(`INSERT INTO documents (id, status, text, text_hash, engine_version, record, quote_count, ingested_at)
      VALUES ('d', 'ok', '', 'h', '0.1.0', '{}', 0, 'now')`).run();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'test column', sql: 'ALTER TABLE documents ADD COLUMN extra TEXT' }];
    assert.equal(migrate(db, next), LATEST_VERSION + 1);
    assert.equal(migrate(db, next), LATEST_VERSION + 1);
    assert.equal(db.prepare('SELECT count(*) FROM documents WHERE extra IS NULL').pluck().get(), 1);
    db.close();
  });

  test('a file at schema 1 with data is carried to the latest schema, its records and search intact', async () => {
    const url = freshUrl();
    const db = new Database(url.slice('sqlite:'.length));
    migrate(db, MIGRATIONS.slice(0, 1));
    const record = makeRecord({ id: 'v1', date: '2021-03-04', site: 'Le Monde', quotes: [{ content: 'La sécurité avant tout', speaker: 'Anne Roy', via: ['AFP'] }] });
    const q = record.quotes[0]!;
    // The rows as the schema-1 code wrote them.
    db.prepare(`INSERT INTO documents (pk, id, outlet, lang, date, status, text, text_hash, engine_version, record, quote_count, ingested_at)
      VALUES (1, 'v1', 'Le Monde', 'fr', '2021-03-04', 'ok', ?, ?, '0.1.0', ?, 1, 'then')`).run(record.text, textHash(record.text), recordShell(record));
    db.prepare(`INSERT INTO speakers (pk, key, name, surname, full, type, canonical) VALUES (1, 'anne roy', 'Anne Roy', 'roy', 1, 'person', 1)`).run();
    db.prepare(`INSERT INTO quotes (pk, doc, seq, id, kind, name, speaker, speaker_name, content, via, date, lang, outlet, confidence, record)
      VALUES (1, 1, 0, 'q1', 'direct', 1, 1, 'Anne Roy', ?, '["AFP"]', '2021-03-04', 'fr', 'Le Monde', 0.9, ?)`).run(q.content.text, JSON.stringify(q));
    db.prepare(`INSERT INTO quote_via (quote, key, name) VALUES (1, 'afp', 'AFP')`).run();
    db.close();
    const store = await openStore(url);
    try {
      assert.equal((await store.stats()).schemaVersion, LATEST_VERSION);
      assert.deepEqual(await store.getDocument('v1'), record);
      assert.equal((await store.searchQuotes({ q: 'securite', via: 'afp', speaker: 'Roy' })).total, 1);
      assert.equal((await store.ingest({ ...record, text: `${record.text}Fin.` })).outcome, 'replaced');
      assert.equal((await store.searchQuotes({ via: 'afp' })).total, 1, 'old channel rows went with the old quote');
      assert.equal((await store.stats()).quotes, 1);
    } finally {
      await store.close();
    }
  });

  test("a file at schema 2 is carried to the latest schema: its quotes are found by their canonical speaker's name", async () => {
    const url = freshUrl();
    const path = url.slice('sqlite:'.length);
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 2));
    const record = makeRecord({ id: 'v2', date: '2021-03-04', quotes: [
      { content: 'Nous tiendrons bon', speaker: 'M. Macron' }, { content: 'Autre chose', speaker: 'Emmanuel Macron' },
    ] });
    // The rows as the schema-2 code wrote them: "Macron" merged into "Emmanuel Macron", the name as written searched.
    db.prepare(`INSERT INTO documents (pk, id, lang, date, status, text, text_hash, engine_version, record, quote_count, ingested_at)
      VALUES (1, 'v2', 'fr', '2021-03-04', 'ok', ?, ?, '0.1.0', ?, 2, 'then')`).run(record.text, textHash(record.text), recordShell(record));
    db.exec(`INSERT INTO speakers (pk, key, name, surname, full, type, canonical)
      VALUES (1, 'macron', 'Macron', 'macron', 0, 'person', 2), (2, 'emmanuel macron', 'Emmanuel Macron', 'macron', 1, 'person', 2);
      INSERT INTO speaker_aliases VALUES (1, 'M. Macron'), (2, 'Emmanuel Macron');
      INSERT INTO speakers_fts (rowid, names) VALUES (1, 'M. Macron'), (2, 'Emmanuel Macron');`);
    record.quotes.forEach((q, i) => {
      db.prepare(`INSERT INTO quotes (pk, doc, seq, id, kind, name, speaker, date, lang, confidence)
        VALUES (?, 1, ?, ?, 'direct', ?, 2, '2021-03-04', 'fr', 0.9)`).run(i + 1, i, q.id, i + 1);
      db.prepare('INSERT INTO quote_records (pk, record) VALUES (?, ?)').run(i + 1, JSON.stringify(q));
      db.prepare('INSERT INTO quotes_fts (rowid, content, speaker) VALUES (?, ?, ?)').run(i + 1, q.content.text, q.speaker!.name);
    });
    assert.equal(db.prepare(`SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'emmanuel'`).pluck().get(), 1, 'before: the name as written only');
    db.close();
    const store = await openStore(url);
    try {
      assert.equal((await store.stats()).schemaVersion, LATEST_VERSION);
      assert.deepEqual(await store.getDocument('v2'), record);
      assert.equal((await store.searchQuotes({ q: 'emmanuel' })).total, 2);
      assert.equal((await store.searchQuotes({ q: 'emmanuel tiendrons' })).total, 1);
      assert.equal((await store.searchQuotes({ q: 'tiendrons', speaker: 'Macron' })).total, 1);
      assert.equal((await store.ingest({ ...record, text: `${record.text}Fin.` })).outcome, 'replaced');
      assert.equal((await store.searchQuotes({ q: 'emmanuel' })).total, 2);
    } finally {
      await store.close();
    }
    const after = new Database(path, { readonly: true });
    assert.equal(after.prepare('SELECT count(*) FROM quotes_fts').pluck().get(), 2, 'the rebuilt index lost the replaced quotes');
    after.close();
  });

  test('a store written by a newer selon is refused with E008', async () => {
    const url = freshUrl();
    await (await openStore(url)).close();
    const db = new Database(url.slice('sqlite:'.length));
    db.prepare(`INSERT INTO schema_migrations VALUES (?, 'future', 'now')`).run(LATEST_VERSION + 5);
    db.close();
    await assert.rejects(openStore(url), (err: SelonError) => err.code === 'E008');
  });
});

describe('store URLs', () => {
  test('an unreachable PostgreSQL is a clear configuration error that does not print the password', async () => {
    await assert.rejects(openStore('postgres://selon:secret@db.example/selon'), (err: SelonError) => {
      assert.equal(err.code, 'E006');
      assert.match(err.message, /PostgreSQL/);
      assert.doesNotMatch(err.message, /secret/);
      return true;
    });
  });

  test('a file that is not SQLite is an E012 error (the file, not the URL); a missing store opened for reading, E006', async () => {
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'these are not the tables you are looking for '.repeat(100));
    await assert.rejects(openStore(`sqlite:${notDb}`), (err: SelonError) => err.code === 'E012' && /not a valid, intact selon database \(file is not a database\)/.test(err.message));
    await assert.rejects(openStore(`sqlite:${join(dir, 'absent.db')}`, { create: false }), (err: SelonError) => err.code === 'E006');
    assert.equal(existsSync(join(dir, 'absent.db')), false);
  });

  test('a SQLite database of another application is refused (E012) and left as it is; a selon store with a table added is not', async () => {
    // A Rails-style database has a schema_migrations table too, but not selon's (version, name, applied_at).
    const other = join(dir, 'rails.db');
    const app = new Database(other);
    app.exec(`CREATE TABLE schema_migrations (version TEXT PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000');
      CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO documents (body) VALUES ('mine')`);
    app.close();
    const before = readFileSync(other);
    await assert.rejects(openStore(`sqlite:${other}`), (err: SelonError) => err.code === 'E012' &&
      err.message.includes('(a SQLite database of another application: tables documents, schema_migrations; selon writes only to its own files)'));
    assert.ok(readFileSync(other).equals(before), 'the file was changed');

    // A selon store in which the user keeps a table of their own is still selon's store.
    const url = freshUrl();
    await (await openStore(url)).close();
    const db = new Database(url.slice('sqlite:'.length));
    db.exec('CREATE TABLE my_notes (note TEXT)');
    db.close();
    const store = await openStore(url);
    assert.equal((await store.stats()).schemaVersion, LATEST_VERSION);
    await store.close();
  });

  for (const url of ['mysql://x', 'selon.db', 'sqlite:', `sqlite:${join(dir, 'missing-folder', 'x.db')}`]) {
    test(`"${url}" is an E006 configuration error`, async () => {
      await assert.rejects(openStore(url), (err: SelonError) => err.code === 'E006');
    });
  }
});

for (const backend of BACKENDS) describe(`store contract: ${backend.name}`, () => contract(backend));

function contract(backend: Backend): void {
  async function withStore<T>(fn: (store: Store, url: string) => Promise<T>): Promise<T> {
    const { store, url } = await backend.fresh();
    try {
      return await fn(store, url);
    } finally {
      await store.close();
    }
  }

  describe('ingest', () => {
    test('the stored record comes back exactly as ingested', () =>
      withStore(async (store) => {
        assert.deepEqual(await store.ingest(macron), { id: macron.id, outcome: 'added', quotes: 2 });
        const back = await store.getDocument(macron.id);
        assert.deepEqual(back, macron);
        assert.equal(JSON.stringify(back), JSON.stringify(macron), 'key order kept');
        assert.equal(await store.getDocument('nope'), null);
      }));

    test('ingesting the same document twice changes nothing', () =>
      withStore(async (store, url) => {
        await store.ingest(macron);
        const before = await store.stats();
        const db = url.startsWith('sqlite:') ? new Database(url.slice('sqlite:'.length), { readonly: true }) : null;
        const snapshot = () => db?.prepare('SELECT pk, ingested_at FROM documents').all();
        const first = snapshot();
        assert.deepEqual(await store.ingest(structuredClone(macron)), { id: macron.id, outcome: 'unchanged', quotes: 2 });
        assert.deepEqual(await store.ingestMany([macron, macron]), [
          { id: macron.id, outcome: 'unchanged', quotes: 2 },
          { id: macron.id, outcome: 'unchanged', quotes: 2 },
        ]);
        assert.deepEqual(snapshot(), first, 'not even rewritten');
        db?.close();
        assert.deepEqual(await store.stats(), before);
      }));

    test('a changed text replaces the record, its quotes and its search entries', () =>
      withStore(async (store) => {
        await store.ingest(macron);
        const changed = makeRecord({ id: macron.id, date: '2022-05-25', quotes: [{ content: 'Tout a changé depuis', speaker: 'Anne Roy' }] });
        assert.deepEqual(await store.ingest(changed), { id: macron.id, outcome: 'replaced', quotes: 1 });
        assert.equal((await store.searchQuotes({ q: 'sécurité' })).total, 0);
        assert.equal((await store.searchQuotes({ q: 'changé' })).total, 1);
        assert.deepEqual(await store.getDocument(macron.id), changed);
        const stats = await store.stats();
        assert.equal(stats.documents, 1);
        assert.equal(stats.quotes, 1);
        // Names only the old text used are gone.
        assert.deepEqual((await store.listSpeakers({})).items.map((s) => s.name), ['Anne Roy']);
      }));

    test('the same text from a newer engine replaces; from an older engine it does not', () =>
      withStore(async (store) => {
        await store.ingest(macron);
        const newer = { ...structuredClone(macron), engine: { version: '0.10.0', packs: {} } };
        const older = { ...structuredClone(macron), engine: { version: '0.0.9', packs: {} } };
        assert.equal((await store.ingest(newer)).outcome, 'replaced');
        assert.equal((await store.ingest(older)).outcome, 'unchanged');
        assert.equal((await store.getDocument(macron.id))?.engine.version, '0.10.0');
      }));

    test('a record that is not selon/1 is refused with E009 and nothing is written', () =>
      withStore(async (store) => {
        const bad = [
          { ...macron, schema: 'selon/0' },
          { ...macron, id: '' },
          { ...macron, quotes: [{ ...macron.quotes[0], kind: 'whisper' }] },
          { ...macron, quotes: [macron.quotes[0], macron.quotes[0]] },
          { ...macron, accounts: 'none' },
        ] as unknown as Extraction[];
        for (const record of bad) {
          await assert.rejects(store.ingestMany([makeRecord({ id: 'ok' }), record]), (err: SelonError) => err.code === 'E009');
        }
        assert.equal((await store.stats()).documents, 0);
      }));

    test('a real extraction (any status) is stored and returned unchanged', () =>
      withStore(async (store) => {
        const records = [
          extract('« Nous ne céderons pas », a déclaré mardi Emmanuel Macron devant les députés réunis à Paris.', { id: 'fr' }),
          extract('"We will not back down," the minister said on Tuesday in a statement.', { id: 'en', lang: 'en' }),
          extract('', { id: 'empty' }),
          extract('Dies ist ein deutscher Satz über das Wetter in Berlin.', { id: 'de', lang: 'de' }),
        ];
        for (const r of records) assert.equal((await store.ingest(r)).outcome, 'added');
        for (const r of records) assert.deepEqual(await store.getDocument(r.id), r);
        assert.equal((await store.stats()).skipped, records.filter((r) => r.status === 'skipped').length);
      }));
  });

  describe('search', () => {
    let store: Store;
    before(async () => {
      store = (await backend.fresh()).store;
      await store.ingestMany([
        macron,
        makeRecord({
          id: 'bbc/1', lang: 'en', date: '2023-01-10', url: 'https://www.bbc.co.uk/news/1',
          quotes: [
            { content: 'Security is our first duty', speaker: 'Rishi Sunak', via: ['BBC Radio 4'] },
            { content: 'The porte-parole said nothing AND OR NEAR', speaker: 'Mr. Sunak', kind: 'indirect' },
          ],
        }),
        makeRecord({ id: 'figaro/2', date: '2022-12-31', site: 'Le Figaro', quotes: [{ content: 'La sécurité d’abord', speaker: 'Emmanuel Macron' }] }),
      ]);
    });
    after(() => store.close());

    const total = async (filters: Parameters<Store['searchQuotes']>[0]) => (await store.searchQuotes(filters)).total;

    const folding: [string, number][] = [
      ['securite', 2], ['SÉCURITÉ', 2], ['Securité', 2], ['se\u0301curite\u0301', 2], ['sécu*', 3], ['security', 1],
      ['porte-parole', 2], ['"renforcerons la sécurité"', 1], ['«renforcerons la securite»', 1], ['la securite renforcerons', 1],
      ['macron', 2], ['emmanuel', 2], ['emmanuel renforcerons', 1], ['"Emmanuel Macron" securite', 2], ['rishi', 2], ['sunak', 2],
    ];
    for (const [q, expected] of folding) test(`q=${JSON.stringify(q)} finds ${expected}`, async () => assert.equal(await total({ q }), expected));

    /** A search either answers or, for a query with no word in it, is refused with E003: never another failure. */
    const searchOrRefusal = async (filters: Parameters<Store['searchQuotes']>[0]) => {
      try {
        await store.searchQuotes(filters);
      } catch (err) {
        if (!(err instanceof SelonError && err.code === 'E003' && /holds no word/.test(err.message))) throw err;
      }
    };

    test('hostile or odd queries never break the search', async () => {
      const nasty = ['"', '""', "l'a", 'l’a', 'AND', 'OR', 'NOT', 'NEAR(a b, 3)', 'a OR', '*', '**', 'a*b', '(', ')', '()', '{a}', 'content:x',
        '^start', '-x', '+x', "'; DROP TABLE quotes; --", '\\', '%', '_', '\0', 'a\u0000b', '\ud800', '🙂', 'NEAR', 'col:', ':'];
      for (const q of nasty) await assert.doesNotReject(searchOrRefusal({ q, facets: true }), q);
      await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (q) => {
        await searchOrRefusal({ q });
      }), { numRuns: 300 });
      await fc.assert(fc.asyncProperty(fc.string(), fc.string(), async (speaker, via) => {
        await searchOrRefusal({ speaker, via, q: speaker });
        await store.listSpeakers({ q: via });
      }), { numRuns: 200 });
    });

    test('a query with no word in it is refused (E003), not a listing of every quote; a blank one is no query', async () => {
      for (const q of ['*', '?', '"" ()', '-', '🙂']) {
        const refused = (err: SelonError) => err.code === 'E003' && err.message.includes(`the query "${q}" holds no word`);
        await assert.rejects(store.searchQuotes({ q }), refused, q);
        await assert.rejects(store.searchQuotes({ q, speaker: 'Macron', facets: true }), refused, q);
        await assert.rejects((async () => {
          for await (const _ of store.streamQuotes({ q })) assert.fail('streamed a quote');
        })(), refused, q);
      }
      assert.equal(await total({ q: '  ' }), 5);
      assert.equal(await total({ q: '' }), 5);
      assert.equal(await total({ q: '* securite' }), 2);
    });

    test('filters: language, dates (partial dates widen), channel, speaker, outlet, kind, document', async () => {
      assert.equal(await total({ lang: 'en' }), 2);
      assert.equal(await total({ from: '2023' }), 2);
      assert.equal(await total({ to: '2022-05' }), 2);
      assert.equal(await total({ from: '2022-05-24', to: '2022-05-24' }), 1);
      assert.equal(await total({ to: '2022' }), 3);
      assert.equal(await total({ via: 'xinhua' }), 1);
      assert.equal(await total({ via: 'radio' }), 1);
      assert.equal(await total({ via: 'AFP' }), 0);
      assert.equal(await total({ speaker: 'Macron' }), 2);
      assert.equal(await total({ speaker: 'Emmanuel Macron', q: 'securite' }), 2);
      assert.equal(await total({ speaker: 'Nobody Known' }), 0);
      assert.equal(await total({ outlet: 'bbc.co.uk' }), 2);
      assert.equal(await total({ outlet: 'Le Figaro' }), 1);
      assert.equal(await total({ kind: 'indirect' }), 1);
      assert.equal(await total({ documentId: 'lemonde/1' }), 2);
    });

    test('a hit carries the selon/1 quote, its document, the canonical speaker and the speech date', async () => {
      const page = await store.searchQuotes({ q: 'renforcerons' });
      assert.equal(page.items.length, 1);
      const hit = page.items[0]!;
      assert.deepEqual(hit.quote, macron.quotes[0]);
      assert.deepEqual(hit.document, { id: 'lemonde/1', url: null, title: 'Sécurité', outlet: 'Le Monde', lang: 'fr', date: '2022-05-24' });
      assert.equal(hit.speaker?.name, 'Emmanuel Macron');
      assert.equal(hit.date, '2022-05-24');
      const monday = await store.searchQuotes({ q: 'confirmé' });
      assert.equal(monday.items[0]?.date, '2022-05-23', "the quote's own time wins over the document date");
    });

    test('streaming every matching quote, in batches, whatever the store size', async () => {
      const all = [];
      for await (const hit of store.streamQuotes({ page: 2, pageSize: 1 })) all.push(hit);
      assert.equal(all.length, 5, 'paging is ignored');
      const fr = [];
      for await (const hit of store.streamQuotes({ lang: 'fr', q: 'securite' })) fr.push(hit.quote.content.text);
      assert.deepEqual(fr, ['Nous renforcerons la sécurité des Français', 'La sécurité d’abord']);
      const none = [];
      for await (const hit of store.streamQuotes({ speaker: 'Nobody Known' })) none.push(hit);
      assert.equal(none.length, 0);
    });

    test('pages and facets', async () => {
      const p1 = await store.searchQuotes({ pageSize: 2, facets: true });
      const p2 = await store.searchQuotes({ pageSize: 2, page: 2 });
      assert.equal(p1.total, 5);
      assert.equal(p1.items.length, 2);
      assert.equal(p2.items.length, 2);
      assert.equal(new Set([...p1.items, ...p2.items].map((h) => h.document.id + h.quote.id)).size, 4);
      assert.deepEqual(p1.items.map((h) => h.date), ['2023-01-10', '2023-01-10'], 'newest first without a query');
      assert.deepEqual(p1.facets?.langs, [{ value: 'fr', count: 3 }, { value: 'en', count: 2 }]);
      assert.deepEqual(p1.facets?.years, [{ value: '2022', count: 3 }, { value: '2023', count: 2 }]);
      assert.equal(p1.facets?.speakers[0]?.name, 'Rishi Sunak');
      assert.equal(p1.facets?.speakers[0]?.count, 2);
      const clamp = await store.searchQuotes({ page: -3, pageSize: 10_000 });
      assert.equal(clamp.page, 1);
      assert.equal(clamp.pageSize, 100);
    });
  });

  describe('streaming', () => {
    test('crosses batch boundaries without losing or repeating a quote', () =>
      withStore(async (store) => {
        const records = Array.from({ length: 130 }, (_, d) => makeRecord({
          id: `d${d}`, quotes: Array.from({ length: 10 }, (_, i) => ({ content: `Phrase ${d} numéro ${i}`, speaker: 'Anne Roy' })),
        }));
        await store.ingestMany(records);
        const seen = new Set<string>();
        for await (const hit of store.streamQuotes({ speaker: 'Roy' })) seen.add(`${hit.document.id}/${hit.quote.id}`);
        assert.equal(seen.size, 1300);
      }));
  });

  describe('facet counts stay true', () => {
    test('after a write here or a commit by another process on the same file', () =>
      withStore(async (store, url) => {
        await store.ingest(makeRecord({ id: 'a', lang: 'fr', quotes: [{ content: 'Un', speaker: 'Anne Roy' }] }));
        const langs = async () => (await store.searchQuotes({ facets: true, page: 2 })).facets?.langs;
        assert.deepEqual(await langs(), [{ value: 'fr', count: 1 }]);
        await store.ingest(makeRecord({ id: 'b', lang: 'en', quotes: [{ content: 'Two', speaker: 'Anne Roy' }] }));
        assert.deepEqual(await langs(), [{ value: 'en', count: 1 }, { value: 'fr', count: 1 }]);
        const other = await openStore(url);
        await other.ingest(makeRecord({ id: 'c', lang: 'en', quotes: [{ content: 'Three', speaker: 'Anne Roy' }] }));
        await other.close();
        assert.deepEqual(await langs(), [{ value: 'en', count: 2 }, { value: 'fr', count: 1 }]);
      }));
  });

  describe('speakers', () => {
    /** Names given in documents, in order of arrival → the canonical speakers expected (sorted). */
    const cases: [string, string[][], string[]][] = [
      ['honorific, full name and surname are one speaker', [['M. Macron'], ['Emmanuel Macron'], ['Macron']], ['Emmanuel Macron']],
      ['the same, surname first', [['Macron'], ['M. Macron'], ['Emmanuel Macron']], ['Emmanuel Macron']],
      ['roles and accents fold', [['le président Emmanuel Macron'], ['EMMANUEL MACRON'], ['Emmanuel Macron']], ['Emmanuel Macron']],
      ['two Le Pens stay two', [['Marine Le Pen'], ['Jean-Marie Le Pen']], ['Jean-Marie Le Pen', 'Marine Le Pen']],
      ['a lone surname shared by two full names stands alone', [['Marine Le Pen'], ['Le Pen'], ['Jean-Marie Le Pen']], ['Jean-Marie Le Pen', 'Le Pen', 'Marine Le Pen']],
      ['particles belong to the surname', [['Charles de Gaulle'], ['de Gaulle'], ['M. de Gaulle']], ['Charles de Gaulle']],
      ['English honorifics', [['Mr. Obama'], ['President Barack Obama'], ['Obama']], ['Barack Obama']],
      ['a bare role is its own speaker', [['le porte-parole'], ['Marc Porte']], ['Marc Porte', 'le porte-parole']],
      ['different surnames never merge', [['Anne Roy'], ['Roy'], ['Anne Royal']], ['Anne Roy', 'Anne Royal']],
      ['stacked titles fold away', [['Mme la ministre Anne Roy'], ['Anne Roy'], ['la ministre Roy']], ['Anne Roy']],
      ['a role heading a phrase names no one and is not a full name', [['Director of the Institute'], ['Paul Institute'], ['Institute']], ['Director of the Institute', 'Paul Institute']],
    ];
    for (const [title, documents, expected] of cases) {
      test(title, () =>
        withStore(async (store) => {
          for (const [i, names] of documents.entries()) {
            await store.ingest(makeRecord({ id: `d${i}`, quotes: names.map((speaker) => ({ content: `Phrase numéro ${i}`, speaker })) }));
          }
          const speakers = (await store.listSpeakers({})).items;
          assert.deepEqual(speakers.map((s) => s.name).sort(), expected);
          assert.equal(speakers.reduce((sum, s) => sum + s.quotes, 0), documents.flat().length);
        }));
    }

    test('words find a quote by any name of its canonical speaker, names that arrive later included', () =>
      withStore(async (store) => {
        const words = async (q: string) => (await store.searchQuotes({ q, pageSize: 100 })).items.map((h) => h.document.id).sort();
        await store.ingest(makeRecord({ id: 'a', quotes: [{ content: 'Nous tiendrons bon', speaker: 'M. Macron' }] }));
        assert.deepEqual(await words('emmanuel'), [], 'no full name yet');
        await store.ingest(makeRecord({ id: 'b', quotes: [{ content: 'Autre chose', speaker: 'Emmanuel Macron' }] }));
        assert.deepEqual(await words('emmanuel'), ['a', 'b'], 'the earlier "M. Macron" quote too');
        assert.deepEqual(await words('Emmanuel tiendrons'), ['a']);
        assert.deepEqual(await words('"emmanuel macron" tiendrons'), ['a']);
        assert.deepEqual(await words('emman*'), ['a', 'b']);
        assert.equal((await store.searchQuotes({ speaker: 'Emmanuel' })).total, 2, 'as --speaker resolves it');
        // A second Macron makes the lone surname ambiguous: "M. Macron" is nobody's in particular again.
        await store.ingest(makeRecord({ id: 'c', quotes: [{ content: 'Bonjour', speaker: 'Brigitte Macron' }] }));
        assert.deepEqual(await words('emmanuel'), ['b']);
        assert.deepEqual(await words('macron'), ['a', 'b', 'c']);
        assert.equal((await store.searchQuotes({ speaker: 'Emmanuel' })).total, 1);
        // She leaves (her document now quotes someone else): the surname is his again.
        await store.ingest(makeRecord({ id: 'c', quotes: [{ content: 'Bonjour', speaker: 'Anne Roy' }] }));
        assert.deepEqual(await words('emmanuel'), ['a', 'b']);
        assert.deepEqual(await words('brigitte'), []);
        // Storing the same documents again, or re-extracting them, changes none of it.
        await store.ingest(makeRecord({ id: 'a', quotes: [{ content: 'Nous tiendrons bon', speaker: 'M. Macron' }] }));
        const stored = new Map(await Promise.all(['a', 'b', 'c'].map(async (id) => [id, (await store.getDocument(id))!] as const)));
        assert.equal((await store.reindex((_input, options) => stored.get(options!.id!)!, { version: '9.9.9' })).reindexed, 3);
        assert.deepEqual(await words('emmanuel'), ['a', 'b']);
        assert.deepEqual(await words('tiendrons bon'), ['a']);
      }));

    test('a full name leaving the store lets its lone surname stand alone again', () =>
      withStore(async (store) => {
        await store.ingest(makeRecord({ id: 'a', quotes: [{ content: 'Un', speaker: 'Emmanuel Macron' }] }));
        await store.ingest(makeRecord({ id: 'b', quotes: [{ content: 'Deux', speaker: 'Macron' }] }));
        assert.equal((await store.listSpeakers({})).total, 1);
        await store.ingest(makeRecord({ id: 'a', quotes: [{ content: 'Un', speaker: 'Anne Roy' }] }));
        assert.deepEqual((await store.listSpeakers({})).items.map((s) => s.name).sort(), ['Anne Roy', 'Macron']);
      }));

    test('list, name search and detail with aliases, outlets and timeline', () =>
      withStore(async (store) => {
        await store.ingestMany([
          macron,
          makeRecord({ id: 'x', date: '2022-06-01', url: 'https://www.lefigaro.fr/a', quotes: [{ content: 'Encore', speaker: 'Emmanuel Macron' }, { content: 'Et encore', speaker: 'Macron' }] }),
          makeRecord({ id: 'y', date: null, quotes: [{ content: 'Sans date', speaker: 'Macron' }] }),
        ]);
        const list = await store.listSpeakers({});
        assert.equal(list.items[0]?.name, 'Emmanuel Macron');
        assert.equal(list.items[0]?.quotes, 4);
        assert.equal(list.items[0]?.documents, 3);
        assert.deepEqual((await store.listSpeakers({ q: 'macr' })).items.map((s) => s.name), ['Emmanuel Macron']);
        assert.deepEqual((await store.listSpeakers({ q: 'M. Macron' })).items.map((s) => s.name), ['Emmanuel Macron']);
        assert.equal((await store.listSpeakers({ q: 'porte-parole' })).total, 1);
        assert.equal((await store.listSpeakers({ lang: 'en' })).total, 0);
        const detail = await store.getSpeaker(list.items[0]!.id);
        assert.ok(detail);
        assert.deepEqual(detail.aliases, ['Emmanuel Macron', 'M. Macron', 'Macron']);
        assert.deepEqual(detail.outlets, [{ value: 'lefigaro.fr', count: 2 }, { value: 'Le Monde', count: 1 }]);
        assert.deepEqual(detail.timeline, [{ value: '2022-05-24', count: 1 }, { value: '2022-06-01', count: 2 }]);
        assert.equal(detail.undated, 1);
        assert.equal(await store.getSpeaker(9999), null);
        assert.equal((await store.searchQuotes({ speakerId: detail.id })).total, 4);
      }));
  });

  describe('accounts', () => {
    test('document accounts are stored with their quotes and speaker, and filtered', () =>
      withStore(async (store) => {
        const record = makeRecord({
          id: 'call', date: '2022-05-25',
          quotes: [
            { content: 'Elle a salué les progrès', speaker: 'Michelle Bachelet', via: ['readout'] },
            { content: 'Elle a demandé un accès sans entrave', speaker: 'Michelle Bachelet', via: ['UN transcript'] },
          ],
          accounts: [{ quotes: [0, 1], verdict: 'divergent' }],
        });
        await store.ingest(record);
        const page = await store.listAccounts({});
        assert.equal(page.total, 1);
        const a = page.items[0]!;
        assert.deepEqual(a.account, record.accounts[0]);
        assert.deepEqual(a.quotes, record.quotes);
        assert.equal(a.speaker?.name, 'Michelle Bachelet');
        assert.equal(a.document.id, 'call');
        assert.equal((await store.listAccounts({ verdict: 'consistent' })).total, 0);
        assert.equal((await store.listAccounts({ speaker: 'Bachelet' })).total, 1);
        assert.equal((await store.listAccounts({ documentId: 'other' })).total, 0);
        assert.equal((await store.stats()).accounts, 1);
      }));

    test("filtered by the speaker under any of its names and by the document's date, as selon accounts filters", () =>
      withStore(async (store) => {
        const account = (id: string, date: string | null, speaker: string) => makeRecord({
          id, date, quotes: [{ content: 'Nous tiendrons', speaker, via: ['AFP'] }, { content: 'Nous tiendrons bon', speaker, via: ['readout'] }],
          accounts: [{ quotes: [0, 1], verdict: 'variant' }],
        });
        await store.ingestMany([
          account('may', '2022-05-24', 'M. Macron'), account('june', '2022-06-30', 'Anne Roy'), account('undated', null, 'Anne Roy'),
          makeRecord({ id: 'full', date: '2021-01-01', quotes: [{ content: 'Autre chose', speaker: 'Emmanuel Macron' }] }),
        ]);
        const ids = async (f: Parameters<Store['listAccounts']>[0]) => (await store.listAccounts(f)).items.map((a) => a.document.id);
        assert.deepEqual(await ids({}), ['june', 'may', 'undated']);
        for (const speaker of ['Emmanuel', 'Emmanuel Macron', 'M. Macron', 'le président Macron', 'macron']) {
          assert.deepEqual(await ids({ speaker }), ['may'], speaker);
        }
        assert.deepEqual(await ids({ since: '2022-05-25' }), ['june']);
        assert.deepEqual(await ids({ since: '2022-05' }), ['june', 'may'], 'a month widens to its first day');
        assert.deepEqual(await ids({ until: '2022-05' }), ['may'], 'and to its last');
        assert.deepEqual(await ids({ since: '2022-06-30', until: '2022-06-30' }), ['june']);
        assert.deepEqual(await ids({ since: '2022', until: '2022', speaker: 'Roy' }), ['june'], 'an undated document is in no period');
        assert.deepEqual(await ids({ until: '2022-05-23' }), []);
        assert.equal((await store.listAccounts({ since: '2022-05' })).total, 2);
      }));
  });

  describe('reindex', () => {
    test('re-extracts the stored texts of other engine versions, keeps the rest, reports failures', () =>
      withStore(async (store) => {
        await store.ingestMany([
          makeRecord({ id: 'old', engine: '0.0.1', date: '2021-01-02', site: 'X', quotes: [{ content: 'Ancien texte ici', speaker: 'Anne Roy' }] }),
          makeRecord({ id: 'poison', engine: '0.0.1' }),
          makeRecord({ id: 'current', engine: '0.2.0', quotes: [{ content: 'Déjà à jour', speaker: 'Paul Roy' }] }),
        ]);
        const seen: string[] = [];
        const summary = await store.reindex((input) => {
          seen.push(input.id!);
          if (input.id === 'poison') throw new Error('boom');
          assert.equal(input.date, '2021-01-02');
          assert.equal(input.meta?.site, 'X');
          assert.equal(input.lang, 'fr');
          const fresh = makeRecord({ id: input.id!, engine: '0.2.0', date: input.date, site: input.meta?.site, quotes: [{ content: 'Nouvelle extraction', speaker: 'Anne Roy' }] });
          return { ...fresh, text: input.text! };
        }, { version: '0.2.0' });
        assert.deepEqual(seen, ['old', 'poison']);
        assert.equal(summary.checked, 2);
        assert.equal(summary.reindexed, 1);
        assert.deepEqual(summary.failed.map((f) => f.id), ['poison']);
        assert.equal((await store.getDocument('old'))?.engine.version, '0.2.0');
        assert.equal((await store.searchQuotes({ q: 'nouvelle' })).total, 1);
        assert.equal((await store.searchQuotes({ q: 'ancien' })).total, 0);
        const stats = await store.stats();
        assert.deepEqual(stats.engines, [{ value: '0.2.0', count: 2 }, { value: '0.0.1', count: 1 }]);
      }));
  });

  describe('hostile content', () => {
    test('markup in text, names and queries is stored and returned as plain data', () =>
      withStore(async (store) => {
        const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
        await store.ingest(makeRecord({ id: payload, title: payload, url: 'javascript:alert(3)', quotes: [{ content: `${payload} dit-il`, speaker: `${payload} Roy`, via: [payload] }] }));
        const hit = (await store.searchQuotes({ q: payload })).items[0];
        assert.ok(hit);
        assert.equal(hit.quote.content.text, `${payload} dit-il`);
        assert.equal(hit.document.id, payload);
        assert.equal((await store.getDocument(payload))?.meta.title, payload);
        assert.equal((await store.searchQuotes({ via: payload })).total, 1);
      }));
  });
}
