/**
 * Numbered PostgreSQL migrations: the logical schema of the SQLite store (src/store/sqlite/migrations.ts, schema 3),
 * with PostgreSQL's own full-text search. A migration never changes once released; `schema_migrations` records what
 * has been applied; a store written by a newer selon is refused (E008). Several workers may open a new store at the
 * same moment: an advisory lock lets one of them migrate while the others wait.
 *
 * Search: quotes carry a `tsv` built with their language's configuration — `selon_fr` (unaccent, then french_stem),
 * `selon_en` (unaccent, then english_stem), `selon_simple` for any other language — under a GIN index. Speaker
 * aliases are searched with `selon_simple` (unaccented, unstemmed), channel keys with trigrams.
 *
 * Cross-document speakers follow the SQLite rules (src/store/sqlite/speakers.ts). Concurrent writers are the new
 * part: a new name row and any change of a surname's canonical speaker happen under a transaction-scoped advisory
 * lock on the surname, and readers of `canonical` hold a share lock on the name row until they commit (write.ts).
 */
import type pg from 'pg';
import { SelonError } from '../../errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const CONFIGS = `
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TEXT SEARCH CONFIGURATION selon_fr (COPY = pg_catalog.french);
  ALTER TEXT SEARCH CONFIGURATION selon_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  CREATE TEXT SEARCH CONFIGURATION selon_en (COPY = pg_catalog.english);
  ALTER TEXT SEARCH CONFIGURATION selon_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  CREATE TEXT SEARCH CONFIGURATION selon_simple (COPY = pg_catalog.simple);
  ALTER TEXT SEARCH CONFIGURATION selon_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

  CREATE FUNCTION selon_config(lang text) RETURNS regconfig IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE lang WHEN 'fr' THEN 'selon_fr'::regconfig WHEN 'en' THEN 'selon_en'::regconfig
      ELSE 'selon_simple'::regconfig END
  $$;
  CREATE FUNCTION selon_tsv(lang text, content text, speaker text) RETURNS tsvector IMMUTABLE LANGUAGE sql AS $$
    SELECT to_tsvector(selon_config(lang), content) || to_tsvector(selon_config(lang), coalesce(speaker, ''))
  $$;
  -- A user query (tsquery.ts: plain-text parts, or tsquery text for prefix parts), all parts required, read in one
  -- configuration; selon_query reads it in every configuration, since a quote is indexed in its own language only.
  CREATE FUNCTION selon_query_in(config regconfig, parts text[], prefix boolean[]) RETURNS tsquery IMMUTABLE
  LANGUAGE plpgsql AS $$
  DECLARE
    result tsquery := ''::tsquery;
    i integer;
  BEGIN
    FOR i IN 1 .. coalesce(array_length(parts, 1), 0) LOOP
      result := result && CASE WHEN prefix[i] THEN to_tsquery(config, parts[i]) ELSE phraseto_tsquery(config, parts[i]) END;
    END LOOP;
    RETURN result;
  END $$;
  CREATE FUNCTION selon_query(parts text[], prefix boolean[]) RETURNS tsquery IMMUTABLE LANGUAGE sql AS $$
    SELECT selon_query_in('selon_fr', parts, prefix) || selon_query_in('selon_en', parts, prefix)
      || selon_query_in('selon_simple', parts, prefix)
  $$;
`;

const TABLES = `
  CREATE TABLE documents (
    pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    url text, title text, outlet text, lang text, date text,
    status text NOT NULL, reason text,
    text text NOT NULL,
    text_hash text NOT NULL,
    engine_version text NOT NULL,
    record text NOT NULL,              -- the selon/1 record without its text and quotes, exactly as serialised
    quote_count integer NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX documents_engine ON documents (engine_version);

  CREATE TABLE speakers (
    pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL UNIQUE,
    name text NOT NULL,
    surname text NOT NULL,
    "full" boolean NOT NULL,
    type text,
    canonical bigint NOT NULL
  );
  CREATE INDEX speakers_surname ON speakers (surname, "full");
  CREATE INDEX speakers_canonical ON speakers (canonical);
  CREATE INDEX speakers_key_words ON speakers USING gin ((' ' || key || ' ') gin_trgm_ops);
  CREATE TABLE speaker_aliases (
    speaker bigint NOT NULL REFERENCES speakers (pk) ON DELETE CASCADE,
    alias text NOT NULL,
    PRIMARY KEY (speaker, alias)
  );
  CREATE INDEX speaker_aliases_search ON speaker_aliases USING gin (to_tsvector('selon_simple', alias));

  CREATE TABLE quotes (
    pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc bigint NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    seq integer NOT NULL,
    id text NOT NULL,
    kind text NOT NULL,
    name bigint REFERENCES speakers (pk),
    speaker bigint REFERENCES speakers (pk) DEFERRABLE INITIALLY DEFERRED,
    date text, lang text, outlet text,
    confidence double precision NOT NULL,
    tsv tsvector NOT NULL,             -- content and speaker name, in the quote's language configuration
    UNIQUE (doc, seq)
  );
  CREATE INDEX quotes_speaker ON quotes (speaker, date, doc);
  CREATE INDEX quotes_name ON quotes (name);
  CREATE INDEX quotes_date ON quotes (date);
  CREATE INDEX quotes_lang ON quotes (lang, date);
  CREATE INDEX quotes_outlet ON quotes (outlet, date);
  CREATE INDEX quotes_search ON quotes USING gin (tsv);
  CREATE TABLE quote_records (
    pk bigint PRIMARY KEY REFERENCES quotes (pk) ON DELETE CASCADE,
    record text NOT NULL               -- the selon/1 quote
  );
  CREATE TABLE quote_via (
    quote bigint NOT NULL REFERENCES quotes (pk) ON DELETE CASCADE,
    key text NOT NULL,
    name text NOT NULL
  );
  CREATE INDEX quote_via_quote ON quote_via (quote);
  CREATE INDEX quote_via_key ON quote_via USING gin (key gin_trgm_ops);

  CREATE TABLE accounts (
    pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc bigint NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    id text NOT NULL,
    name bigint REFERENCES speakers (pk),
    speaker bigint REFERENCES speakers (pk) DEFERRABLE INITIALLY DEFERRED,
    speaker_name text,
    verdict text NOT NULL,
    similarity double precision,
    record text NOT NULL,              -- the selon/1 account
    UNIQUE (doc, id)
  );
  CREATE INDEX accounts_speaker ON accounts (speaker);
  CREATE INDEX accounts_name ON accounts (name);

  -- Texts and records are compressed as they are stored (TOAST); lz4 costs a fraction of the default pglz's CPU
  -- (bench/scale.bench.ts), where the server is built with it.
  DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
      ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN record SET COMPRESSION lz4;
      ALTER TABLE quote_records ALTER COLUMN record SET COMPRESSION lz4;
      ALTER TABLE accounts ALTER COLUMN record SET COMPRESSION lz4;
    END IF;
  END $$;
`;

const SPEAKER_FUNCTIONS = `
  CREATE FUNCTION selon_lock_surname(surname text) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('selon.surname:' || surname, 0))
  $$;

  -- Points the lone-surname row of a surname at the unique full name with that surname, or back at itself.
  CREATE FUNCTION selon_settle_surname(s text) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    solo speakers%ROWTYPE;
    fulls bigint[];
    target bigint;
  BEGIN
    SELECT * INTO solo FROM speakers WHERE key = s AND NOT "full";
    IF NOT FOUND THEN RETURN; END IF;
    SELECT array_agg(pk) INTO fulls FROM (SELECT pk FROM speakers WHERE surname = s AND "full" LIMIT 2) f;
    target := CASE WHEN cardinality(fulls) = 1 THEN fulls[1] ELSE solo.pk END;
    IF solo.canonical = target THEN RETURN; END IF;
    UPDATE speakers SET canonical = target WHERE pk = solo.pk;
    UPDATE quotes SET speaker = target WHERE name = solo.pk;
    UPDATE accounts SET speaker = target WHERE name = solo.pk;
  END $$;

  -- Creates the name rows that do not exist yet, in the order given (the order the SQLite store would create them).
  -- Their surnames are locked first, in sorted order: one order for every writer, so writers never deadlock here.
  CREATE FUNCTION selon_add_names(keys text[], names text[], surnames text[], fulls boolean[], types text[])
  RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    i integer;
    s text;
    created bigint;
  BEGIN
    FOR s IN SELECT DISTINCT n.surname FROM unnest(keys, surnames) AS n(key, surname)
        WHERE NOT EXISTS (SELECT 1 FROM speakers WHERE key = n.key) ORDER BY 1 LOOP
      PERFORM selon_lock_surname(s);
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
      CONTINUE WHEN EXISTS (SELECT 1 FROM speakers WHERE key = keys[i]);
      created := NULL;
      INSERT INTO speakers (key, name, surname, "full", type, canonical)
        VALUES (keys[i], names[i], surnames[i], fulls[i], types[i], 0)
        ON CONFLICT (key) DO NOTHING RETURNING pk INTO created;
      IF created IS NOT NULL THEN
        UPDATE speakers SET canonical = created WHERE pk = created;
        PERFORM selon_settle_surname(surnames[i]);
      END IF;
    END LOOP;
  END $$;

  -- Deletes name rows no quote or account uses any more, and re-settles their surnames.
  CREATE FUNCTION selon_remove_unused(pks bigint[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    row record;
  BEGIN
    FOR row IN SELECT pk, surname FROM speakers WHERE pk = ANY(pks) ORDER BY surname, key LOOP
      PERFORM selon_lock_surname(row.surname);
      CONTINUE WHEN EXISTS (SELECT 1 FROM quotes WHERE name = row.pk) OR EXISTS (SELECT 1 FROM accounts WHERE name = row.pk);
      DELETE FROM speakers WHERE pk = row.pk;
      PERFORM selon_settle_surname(row.surname);
    END LOOP;
  END $$;
`;

/**
 * Schema 2: a quote's search vector also holds its canonical speaker's name, so "emmanuel" finds the quotes a document
 * gave to "M. Macron" (the SQLite store's schema 3 says why the canonical name holds every name's words). When a lone
 * surname joins a full name, or stands alone again, the vectors of its quotes are rebuilt from their selon/1 JSON.
 */
const CANONICAL_NAMES = `
  CREATE FUNCTION selon_tsv(lang text, content text, speaker text, canonical text) RETURNS tsvector IMMUTABLE LANGUAGE sql AS $$
    SELECT selon_tsv(lang, content, speaker) || to_tsvector(selon_config(lang), coalesce(canonical, ''))
  $$;

  CREATE OR REPLACE FUNCTION selon_settle_surname(s text) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    solo speakers%ROWTYPE;
    fulls bigint[];
    target bigint;
    target_name text;
  BEGIN
    SELECT * INTO solo FROM speakers WHERE key = s AND NOT "full";
    IF NOT FOUND THEN RETURN; END IF;
    SELECT array_agg(pk) INTO fulls FROM (SELECT pk FROM speakers WHERE surname = s AND "full" LIMIT 2) f;
    target := CASE WHEN cardinality(fulls) = 1 THEN fulls[1] ELSE solo.pk END;
    IF solo.canonical = target THEN RETURN; END IF;
    SELECT name INTO target_name FROM speakers WHERE pk = target;
    UPDATE speakers SET canonical = target WHERE pk = solo.pk;
    UPDATE quotes q SET speaker = target, tsv = coalesce((
        SELECT selon_tsv(q.lang, j.record #>> '{content,text}', j.record #>> '{speaker,name}', target_name)
        FROM (SELECT r.record::json AS record FROM quote_records r WHERE r.pk = q.pk) j), q.tsv)
      WHERE q.name = solo.pk;
    UPDATE accounts SET speaker = target WHERE name = solo.pk;
  END $$;

  UPDATE quotes q SET tsv = q.tsv || to_tsvector(selon_config(q.lang), s.name) FROM speakers s WHERE s.pk = q.speaker;
`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, speakers, quotes, accounts; French (unaccent + french_stem) and English full-text search',
    sql: CONFIGS + TABLES + SPEAKER_FUNCTIONS,
  },
  {
    version: 2,
    name: "quote search also holds the canonical speaker's name",
    sql: CANONICAL_NAMES,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Any key held while migrating: one process migrates, the others wait and then find nothing to do. */
const MIGRATION_LOCK = 7_346_001;

export async function schemaVersion(client: pg.Pool | pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Applies every migration newer than the database's schema, each in its own transaction. */
export async function migrate(client: pg.ClientBase, migrations: Migration[] = MIGRATIONS): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = await schemaVersion(client);
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new SelonError('E008', `the store is at schema ${current}, this selon knows up to ${latest}; upgrade selon`);
    }
    for (const m of migrations.filter((x) => x.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return await schemaVersion(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
