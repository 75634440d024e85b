/** Re-extracting stored texts whose engine version differs from the running engine. */
import type { Database } from 'better-sqlite3';
import type { Extraction } from '../../types.js';
import { inputOf, REINDEX_BATCH, type StaleRow } from '../stale.js';
import type { ExtractFn, ReindexOptions, ReindexSummary } from '../store.js';
import { checkRecord, ingestRecord } from './write.js';
import { sql } from './statements.js';


export function reindex(db: Database, extract: ExtractFn, options: ReindexOptions): ReindexSummary {
  const total = sql(db, 'SELECT count(*) FROM documents WHERE engine_version != ?').pluck().get(options.version) as number;
  const summary: ReindexSummary = { checked: total, reindexed: 0, failed: [] };
  const write = db.transaction((record: Extraction) => ingestRecord(db, record, true));
  let after = 0;
  for (;;) {
    // Pages by primary key, so the read is finished before each write and memory stays flat.
    const rows = sql(db, `SELECT pk, id, text, lang, date, status, record FROM documents
      WHERE pk > ? AND engine_version != ? ORDER BY pk LIMIT ${REINDEX_BATCH}`).all(after, options.version) as StaleRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.pk;
      try {
        const record = extract(inputOf(row), { id: row.id });
        checkRecord(record);
        write(record);
        summary.reindexed++;
      } catch (err) {
        summary.failed.push({ id: row.id, reason: err instanceof Error ? err.message : String(err) });
      }
      options.onProgress?.(summary.reindexed + summary.failed.length, total);
    }
  }
  return summary;
}
