/** Re-extracting stored texts whose engine version differs from the running engine (as sqlite/reindex.ts). */
import type pg from 'pg';
import { inputOf, REINDEX_BATCH, type StaleRow } from '../stale.js';
import type { ExtractFn, ReindexOptions, ReindexSummary } from '../store.js';
import { inTransaction } from './db.js';
import { checkRecord } from './rows.js';
import { ingestRound } from './write.js';


export async function reindex(db: pg.Pool, extract: ExtractFn, options: ReindexOptions): Promise<ReindexSummary> {
  const { rows: count } = await db.query<{ n: number }>('SELECT count(*) AS n FROM documents WHERE engine_version != $1', [options.version]);
  const total = count[0]!.n;
  const summary: ReindexSummary = { checked: total, reindexed: 0, failed: [] };
  let after = 0;
  for (;;) {
    // Pages by primary key, so memory stays flat and rewritten rows are not met again.
    const { rows } = await db.query<StaleRow>(`SELECT pk, id, text, lang, date, status, record FROM documents
      WHERE pk > $1 AND engine_version != $2 ORDER BY pk LIMIT ${REINDEX_BATCH}`, [after, options.version]);
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.pk;
      try {
        const record = extract(inputOf(row), { id: row.id });
        checkRecord(record);
        await inTransaction(db, (client) => ingestRound(client, [record], true));
        summary.reindexed++;
      } catch (err) {
        summary.failed.push({ id: row.id, reason: err instanceof Error ? err.message : String(err) });
      }
      options.onProgress?.(summary.reindexed + summary.failed.length, total);
    }
  }
  return summary;
}
