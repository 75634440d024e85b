/**
 * The shared store: PostgreSQL, for many writers (queue workers on any machine) and large corpora. Same Store
 * interface, logical schema and queries as the embedded SQLite store; chosen by a `postgres://…` store URL.
 */
import type pg from 'pg';
import type { Extraction } from '../../types.js';
import { SelonError } from '../../errors.js';
import { redact } from '../url.js';
import type { AccountFilters, ExtractFn, IngestResult, QuoteFilters, ReindexOptions, SpeakerFilters, Store } from '../store.js';
import { createPool, inTransaction, isUnavailable } from './db.js';
import { migrate } from './migrations.js';
import { checkRecord } from './rows.js';
import { ingestRound, rounds } from './write.js';
import { keysAfter, quoteRecords, searchQuotes } from './search.js';
import { getDocument, getSpeaker, listAccounts, listSpeakers, stats, storedKey } from './read.js';
import { reindex } from './reindex.js';

export interface PostgresOptions {
  /** Connections at most (default 4). */
  max?: number;
}

/** Opens the store and migrates it. A server that cannot be reached is a configuration error (E006) here. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const pool = createPool(url, options);
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof SelonError) throw err;
    const why = isUnavailable(err) ? 'cannot connect' : 'cannot open the store';
    throw new SelonError('E006', `PostgreSQL store ${redact(url)}: ${why}: ${(err as Error).message}`);
  }
  return new PostgresStore(pool);
}

export class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  private closed = false;

  constructor(readonly pool: pg.Pool) {}

  async ingest(record: Extraction): Promise<IngestResult> {
    return (await this.ingestMany([record]))[0]!;
  }

  /** One transaction for the batch; a record PostgreSQL cannot hold fails the batch before anything is written. */
  async ingestMany(records: Extraction[]): Promise<IngestResult[]> {
    for (const r of records) checkRecord(r);
    if (records.length === 0) return [];
    const byRound = rounds(records);
    const done = await inTransaction(this.pool, async (client) => {
      const out: IngestResult[][] = [];
      for (const round of byRound) out.push(await ingestRound(client, round));
      return out;
    });
    // Back to input order: the k-th copy of an id is in round k.
    const next = new Map<string, number>();
    const position = byRound.map((round) => new Map(round.map((r, i) => [r, i])));
    return records.map((r) => {
      const k = next.get(r.id) ?? 0;
      next.set(r.id, k + 1);
      return done[k]![position[k]!.get(r)!]!;
    });
  }

  searchQuotes(filters: QuoteFilters) {
    return searchQuotes(this.pool, filters);
  }

  async *streamQuotes(filters: QuoteFilters) {
    for (let after = 0; ; ) {
      const keys = await keysAfter(this.pool, filters, after);
      if (keys.length === 0) return;
      yield* await quoteRecords(this.pool, keys);
      after = keys[keys.length - 1]!;
    }
  }

  listSpeakers(filters: SpeakerFilters) {
    return listSpeakers(this.pool, filters);
  }

  getSpeaker(id: number) {
    return getSpeaker(this.pool, id);
  }

  storedKey(id: string) {
    return storedKey(this.pool, id);
  }

  getDocument(id: string) {
    return getDocument(this.pool, id);
  }

  listAccounts(filters: AccountFilters) {
    return listAccounts(this.pool, filters);
  }

  reindex(extract: ExtractFn, options: ReindexOptions) {
    return reindex(this.pool, extract, options);
  }

  stats() {
    return stats(this.pool);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
