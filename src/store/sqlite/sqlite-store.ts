/** The embedded store: one SQLite file (better-sqlite3 12, WAL), migrated on open. */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { Extraction } from '../../types.js';
import { SelonError } from '../../errors.js';
import type { AccountFilters, ExtractFn, QuoteFilters, ReindexOptions, SpeakerFilters, Store } from '../store.js';
import { foreignTables, migrate } from './migrations.js';
import { checkRecord, ingestRecord } from './write.js';
import { keysAfter, quoteRecords, searchQuotes } from './search.js';
import { getDocument, getSpeaker, listAccounts, listSpeakers, stats, storedKey } from './read.js';
import { reindex } from './reindex.js';
import { FacetCache } from './facet-cache.js';

export function openDatabase(path: string, create = true): Db {
  if (path !== ':memory:' && !existsSync(dirname(path) || '.')) {
    throw new SelonError('E006', `sqlite:${path}: the folder ${dirname(path)} does not exist`);
  }
  if (!create && path !== ':memory:' && !existsSync(path)) {
    throw new SelonError('E006', `sqlite:${path}: no store there yet (selon ingest creates one)`);
  }
  const existed = path !== ':memory:' && existsSync(path);
  let db: Db | null = null;
  try {
    db = new Database(path);
    db.pragma('busy_timeout = 5000');
    if (existed) {
      // Another application's database would get selon's tables added to it: refuse it (one query on sqlite_master).
      // A damaged file would answer some queries with rows missing (silent loss) and take new writes into broken
      // pages: refuse it too. Both before journal_mode = WAL, which rewrites the file header
      // (test/robust-faults.test.ts).
      checkSelonFile(db, path);
      checkIntact(db, path);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof SelonError) throw err;
    // Garbage or a truncated file: the URL is fine, the file is not (E012, not E006).
    const code = String((err as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damagedFile(path, (err as Error).message);
    throw new SelonError('E006', `sqlite:${path}: ${(err as Error).message}`);
  }
}

function checkIntact(db: Db, path: string): void {
  const problems = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
  if (problems.length === 1 && problems[0]!.quick_check === 'ok') return;
  throw damagedFile(path, `damaged: ${problems.map((p) => p.quick_check).join('; ').replace(/\s+/g, ' ')}`);
}

/** A SQLite file with tables but no selon store in it: some other program's data, never written to. */
function checkSelonFile(db: Db, path: string): void {
  const tables = foreignTables(db);
  if (tables.length === 0) return;
  const shown = tables.length > 10 ? `${tables.slice(0, 10).join(', ')} … (${tables.length} tables)` : tables.join(', ');
  throw new SelonError('E012', `sqlite:${path}: not a valid, intact selon database (a SQLite database of another application: ` +
    `tables ${shown}; selon writes only to its own files). Nothing was read or changed: give --store a new file, ` +
    'or an empty one, for selon\'s store');
}

/** An existing file that SQLite cannot read as an intact database, refused on open and left as it is. */
function damagedFile(path: string, why: string): SelonError {
  return new SelonError('E012', `sqlite:${path}: not a valid, intact selon database (${why}). Nothing was read or changed: ` +
    'restore it from a backup, or ingest the documents again into a new file (sqlite3\'s .recover may save part of it)');
}

/** SQLite result codes that mean the disk or the file, not the request: E012 with what happened to the batch. */
const FAULTS: Record<string, string> = {
  SQLITE_FULL: 'the disk (or the database size limit) is full',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_IOERR: 'the disk could not be written or read',
};

function storeFault(err: unknown, path: string): unknown {
  const code = String((err as { code?: unknown })?.code ?? '');
  const what = FAULTS[code] ?? FAULTS[code.split('_').slice(0, 2).join('_')];
  if (!what) return err;
  return new SelonError('E012', `sqlite:${path}: ${what} (${(err as Error).message}). Nothing of this batch was stored and the ` +
    'documents stored before it are kept; once there is room, run the same command again: stored documents are skipped');
}

export function openSqliteStore(path: string, create = true): Store {
  return new SqliteStore(openDatabase(path, create));
}

export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  private readonly writeMany: (records: Extraction[]) => ReturnType<typeof ingestRecord>[];
  private readonly facets: FacetCache;

  constructor(readonly db: Db) {
    this.writeMany = db.transaction((records: Extraction[]) => records.map((r) => ingestRecord(db, r)));
    this.facets = new FacetCache(db);
  }

  async ingest(record: Extraction) {
    return (await this.ingestMany([record]))[0]!;
  }

  async ingestMany(records: Extraction[]) {
    for (const r of records) checkRecord(r);
    try {
      return this.writeMany(records);
    } catch (err) {
      throw storeFault(err, this.db.name);
    } finally {
      this.facets.changed();
    }
  }

  async searchQuotes(filters: QuoteFilters) {
    return searchQuotes(this.db, filters, this.facets);
  }

  async *streamQuotes(filters: QuoteFilters) {
    for (let after = 0; ; ) {
      const keys = keysAfter(this.db, filters, after);
      if (keys.length === 0) return;
      yield* quoteRecords(this.db, keys);
      after = keys[keys.length - 1]!;
    }
  }

  async listSpeakers(filters: SpeakerFilters) {
    return listSpeakers(this.db, filters);
  }

  async getSpeaker(id: number) {
    return getSpeaker(this.db, id);
  }

  async storedKey(id: string) {
    return storedKey(this.db, id);
  }

  async getDocument(id: string) {
    return getDocument(this.db, id);
  }

  async listAccounts(filters: AccountFilters) {
    return listAccounts(this.db, filters);
  }

  async reindex(extract: ExtractFn, options: ReindexOptions) {
    try {
      return reindex(this.db, extract, options);
    } finally {
      this.facets.changed();
    }
  }

  async stats() {
    return stats(this.db);
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
