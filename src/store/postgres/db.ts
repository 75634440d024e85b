/**
 * Connections to PostgreSQL: a small pool per store, transactions retried when they lose a race with another
 * writer, and a plain test for "the database is unavailable" that the queue uses to retry a job later.
 */
import pg from 'pg';

/** bigint columns (ids, counts) come back as numbers: selon's ids stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export interface PoolOptions {
  /** Connections at most (default 4). */
  max?: number;
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    types,
    application_name: 'selon',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // A connection cut by the server (restart, failover, "terminating connection due to administrator command") must
  // not take the process down. The pool reports cuts of idle connections; a connection checked out at that moment
  // emits the error on its own client, which had no listener, and a worker writing a batch when PostgreSQL stopped
  // crashed (test/scale-queue.test.ts, "PostgreSQL down", about one run in three). The query in flight rejects on its
  // own, so the job fails as StoreUnavailable and is retried; the next query opens a new connection.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** SQLSTATEs of a transaction that lost a race with a concurrent one and can simply run again. */
const RACES = new Set([
  '40P01', // deadlock detected
  '40001', // serialization failure
  '23505', // unique violation: another writer inserted the same key first
  '23503', // foreign key violation: a name row removed by another writer just before we used it
]);

/** Thrown by a transaction body that noticed a concurrent writer (a row it expected to insert already exists). */
export class RaceLost extends Error {}

const MAX_ATTEMPTS = 6;

export function isRace(err: unknown): boolean {
  return err instanceof RaceLost || RACES.has((err as { code?: string }).code ?? '');
}

/** Connection-level failures: the server is down, restarting, refusing connections, or the network broke. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  if (code.startsWith('08') || code.startsWith('57P') || code === '53300') return true; // connection, shutdown, too many
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message ?? '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `body` in a transaction; a lost race rolls back and runs it again (a few times, after a short random pause). */
export async function inTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      if (isUnavailable(err)) broken = err as Error;
      if (!isRace(err) || attempt >= MAX_ATTEMPTS) throw err;
      await sleep(5 + Math.random() * 20 * attempt);
    } finally {
      client.release(broken);
    }
  }
}
