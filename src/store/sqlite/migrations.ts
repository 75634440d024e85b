/**
 * Numbered schema migrations. A migration never changes once released: a schema change is a new entry at the end.
 * `schema_migrations` records what has been applied; a store written by a newer selon is refused (E008).
 */
import type { Database } from 'better-sqlite3';
import { SelonError } from '../../errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FTS_TOKENIZER = `tokenize="unicode61 remove_diacritics 2"`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, speakers, quotes, accounts, full-text search',
    sql: `
      CREATE TABLE documents (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT, title TEXT, outlet TEXT, lang TEXT, date TEXT,
        status TEXT NOT NULL, reason TEXT,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        record TEXT NOT NULL,            -- the selon/1 record without its text and quotes
        quote_count INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_engine ON documents (engine_version);

      -- One row per normalised name; canonical is the cross-document speaker the name belongs to (itself, or the
      -- unique full name that a lone surname merges into).
      CREATE TABLE speakers (
        pk INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        surname TEXT NOT NULL,
        full INTEGER NOT NULL,
        type TEXT,
        canonical INTEGER NOT NULL
      );
      CREATE INDEX speakers_surname ON speakers (surname, full);
      CREATE INDEX speakers_canonical ON speakers (canonical);
      CREATE TABLE speaker_aliases (
        speaker INTEGER NOT NULL REFERENCES speakers (pk) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        PRIMARY KEY (speaker, alias)
      ) WITHOUT ROWID;

      CREATE TABLE quotes (
        pk INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        name INTEGER REFERENCES speakers (pk),
        speaker INTEGER REFERENCES speakers (pk) DEFERRABLE INITIALLY DEFERRED,
        speaker_name TEXT,
        content TEXT NOT NULL,
        cue TEXT, addressee TEXT,
        via TEXT NOT NULL,               -- JSON array of channel names
        date TEXT, lang TEXT, outlet TEXT,
        confidence REAL NOT NULL,
        record TEXT NOT NULL,            -- the selon/1 quote
        UNIQUE (doc, seq)
      );
      CREATE INDEX quotes_speaker ON quotes (speaker, date);
      CREATE INDEX quotes_name ON quotes (name);
      CREATE INDEX quotes_date ON quotes (date);
      CREATE INDEX quotes_lang ON quotes (lang, date);
      CREATE INDEX quotes_outlet ON quotes (outlet, date);
      CREATE TABLE quote_via (
        quote INTEGER NOT NULL REFERENCES quotes (pk) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL
      );
      CREATE INDEX quote_via_quote ON quote_via (quote);
      CREATE INDEX quote_via_key ON quote_via (key);

      CREATE TABLE accounts (
        pk INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name INTEGER REFERENCES speakers (pk),
        speaker INTEGER REFERENCES speakers (pk) DEFERRABLE INITIALLY DEFERRED,
        speaker_name TEXT,
        verdict TEXT NOT NULL,
        similarity REAL,
        record TEXT NOT NULL,            -- the selon/1 account
        UNIQUE (doc, id)
      );
      CREATE INDEX accounts_speaker ON accounts (speaker);
      CREATE INDEX accounts_name ON accounts (name);

      CREATE VIRTUAL TABLE quotes_fts USING fts5 (content, speaker, ${FTS_TOKENIZER});
      CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, content, speaker) VALUES (new.pk, new.content, coalesce(new.speaker_name, ''));
      END;
      CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE rowid = old.pk;
      END;
      CREATE VIRTUAL TABLE speakers_fts USING fts5 (names, ${FTS_TOKENIZER});
    `,
  },
  {
    version: 2,
    name: 'narrow quotes table: selon/1 quote JSON in quote_records, covering index for speaker counts',
    // Search joins and facet counts touch every matching quote row; with the JSON and text inline a row filled a
    // third of a page, and counting 30,000 matches read 10,000 pages (bench/store.bench.ts: 110 ms → 25 ms p95).
    sql: `
      DROP TRIGGER quotes_fts_insert;
      DROP TRIGGER quotes_fts_delete;
      CREATE TABLE quote_records (
        pk INTEGER PRIMARY KEY,
        record TEXT NOT NULL             -- the selon/1 quote
      );
      INSERT INTO quote_records (pk, record) SELECT pk, record FROM quotes;
      CREATE TABLE quotes_narrow (
        pk INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        name INTEGER REFERENCES speakers (pk),
        speaker INTEGER REFERENCES speakers (pk) DEFERRABLE INITIALLY DEFERRED,
        date TEXT, lang TEXT, outlet TEXT,
        confidence REAL NOT NULL,
        UNIQUE (doc, seq)
      );
      INSERT INTO quotes_narrow SELECT pk, doc, seq, id, kind, name, speaker, date, lang, outlet, confidence FROM quotes;
      DROP TABLE quotes;
      ALTER TABLE quotes_narrow RENAME TO quotes;
      CREATE INDEX quotes_speaker ON quotes (speaker, date, doc);
      CREATE INDEX quotes_name ON quotes (name);
      CREATE INDEX quotes_date ON quotes (date);
      CREATE INDEX quotes_lang ON quotes (lang, date);
      CREATE INDEX quotes_outlet ON quotes (outlet, date);
      CREATE TRIGGER quotes_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE rowid = old.pk;
        DELETE FROM quote_records WHERE pk = old.pk;
        DELETE FROM quote_via WHERE quote = old.pk;
      END;
    `,
  },
  {
    version: 3,
    name: "quote search also holds the canonical speaker's name",
    // "emmanuel" must find the quotes a document gave to "M. Macron". Every name of a canonical speaker has its words
    // in the canonical name (a lone surname only ever joins the one full name ending with it; honorifics and roles are
    // no part of a name), so the quote row holds that name, in a third column, and a search stays one MATCH. FTS5
    // tables take no new column: the index is rebuilt, its delete trigger with it.
    sql: `
      DROP TRIGGER quotes_delete;
      CREATE TEMP TABLE quotes_fts_copy AS SELECT rowid AS pk, content, speaker FROM quotes_fts;
      DROP TABLE quotes_fts;
      CREATE VIRTUAL TABLE quotes_fts USING fts5 (content, speaker, canonical, ${FTS_TOKENIZER});
      INSERT INTO quotes_fts (rowid, content, speaker, canonical)
        SELECT c.pk, c.content, c.speaker, coalesce(s.name, '') FROM quotes_fts_copy c
        LEFT JOIN quotes q ON q.pk = c.pk LEFT JOIN speakers s ON s.pk = q.speaker ORDER BY c.pk;
      DROP TABLE quotes_fts_copy;
      CREATE TRIGGER quotes_delete AFTER DELETE ON quotes BEGIN
        DELETE FROM quotes_fts WHERE rowid = old.pk;
        DELETE FROM quote_records WHERE pk = old.pk;
        DELETE FROM quote_via WHERE quote = old.pk;
      END;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * The tables of a file that is not a selon store: it has tables, and none of them is selon's `schema_migrations`
 * (version, name, applied_at), which every selon store has had from its first version. Empty for an empty file and
 * for a selon store of any schema version (an older one is migrated, a newer one refused with E008). One query on
 * sqlite_master, run before anything is written (another application's database must be left as it is).
 */
export function foreignTables(db: Database): string[] {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    ORDER BY name`).all() as { name: string; sql: string | null }[];
  if (tables.some((t) => t.name === 'schema_migrations' && /\bapplied_at\b/.test(t.sql ?? ''))) return [];
  return tables.map((t) => t.name);
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies every migration newer than the file's schema, each in its own transaction. Foreign keys are off meanwhile
 * (a table rebuilt by copy would otherwise cascade deletes), and checked before each commit.
 */
export function migrate(db: Database, migrations: Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new SelonError('E008', `the store is at schema ${current}, this selon knows up to ${latest}; upgrade selon`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      db.transaction(() => {
        db.exec(m.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${m.version} leaves ${broken.length} broken references`);
        record.run(m.version, m.name, new Date().toISOString());
      })();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return schemaVersion(db);
}
