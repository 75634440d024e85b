/**
 * Records of one job → the store, a batch per transaction. A batch the store refuses is stored again one record at a
 * time, so a record the store cannot hold fails alone and the rest of its batch is kept. A store that cannot be
 * reached fails the whole job instead (StoreUnavailable): the queue retries it later, and what was stored already is
 * found unchanged then.
 */
import type { Extraction } from '../types.js';
import type { Store } from '../store/store.js';
import { isUnavailable } from '../store/postgres/db.js';
import type { DocCounts, DocFailure } from './jobs.js';
import type { Metrics } from './metrics.js';

export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`store unavailable: ${(cause as Error).message ?? String(cause)}`);
    this.name = 'StoreUnavailable';
  }
}

/**
 * A store that is down, restarting, busy or out of resources (a full disk: PostgreSQL's class 53, SQLite's E012): the
 * job is worth retrying as a whole, later, rather than failing its documents one by one.
 */
export function isTransient(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return isUnavailable(err) || code.startsWith('53') || ['SQLITE_BUSY', 'SQLITE_LOCKED', 'E012'].includes(code);
}

interface Pending {
  record: Extraction;
  source: string;
  /** performance.now() when the document was read. */
  readAt: number;
}

export class StoreBatch {
  private pending: Pending[] = [];

  constructor(
    private readonly store: Store,
    private readonly size: number,
    private readonly docs: DocCounts,
    private readonly failures: DocFailure[],
    private readonly metrics: Metrics,
  ) {}

  async add(record: Extraction, source: string, readAt: number): Promise<void> {
    this.pending.push({ record, source, readAt });
    if (this.pending.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const t0 = performance.now();
    const outcomes = await this.write(batch);
    this.metrics.observe('selon_worker_store_seconds', (performance.now() - t0) / 1000);
    const now = performance.now();
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      this.docs[outcome]++;
      this.metrics.add('selon_worker_documents_total', 1, { outcome });
      if (outcome !== 'failed') {
        this.docs.quotes += p.record.quotes.length;
        this.metrics.add('selon_worker_quotes_total', p.record.quotes.length);
      }
      this.metrics.observe('selon_worker_document_seconds', (now - p.readAt) / 1000);
    });
  }

  private async write(batch: Pending[]): Promise<('added' | 'replaced' | 'unchanged' | 'failed')[]> {
    try {
      return (await this.store.ingestMany(batch.map((p) => p.record))).map((r) => r.outcome);
    } catch (err) {
      if (isTransient(err)) throw new StoreUnavailable(err);
    }
    const outcomes: ('added' | 'replaced' | 'unchanged' | 'failed')[] = [];
    for (const p of batch) outcomes.push(await this.writeOne(p));
    return outcomes;
  }

  private async writeOne(p: Pending): Promise<'added' | 'replaced' | 'unchanged' | 'failed'> {
    try {
      return (await this.store.ingest(p.record)).outcome;
    } catch (err) {
      if (isTransient(err)) throw new StoreUnavailable(err);
      this.failures.push({ id: p.record.id, source: p.source, reason: 'store-error', detail: (err as Error).message });
      return 'failed';
    }
  }
}
