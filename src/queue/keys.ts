/** Names in Redis: BullMQ's queue, and selon's own per-run bookkeeping next to it. */
export const PREFIX = 'selon';
export const QUEUE = 'extract';

/** Runs by creation time (score: ms since the epoch). */
export const RUNS = `${PREFIX}:runs`;

export function runKeys(run: string) {
  // The braces keep a run's keys in one Redis Cluster slot, so one script can update them together.
  const base = `${PREFIX}:run:{${run}}`;
  return {
    /** Hash: what was enqueued, when, and the counts of finished jobs and their documents. */
    info: base,
    /** Bitmaps by job position: counted as done / as dead-lettered (the gate that makes counting idempotent). */
    done: `${base}:done`,
    dead: `${base}:dead`,
    /** Hash: job position → why it landed in the dead-letter list (JSON). */
    deadLetter: `${base}:dead-letter`,
    /** Hash: job position → the reason of its last failed attempt, while it waits to be retried. */
    retrying: `${base}:retrying`,
    /** List: documents that failed alone inside their job (JSON), the first ones only. */
    failedDocs: `${base}:failed-docs`,
  };
}

/** Documents that failed alone kept per run, for `selon status`; counts cover them all. */
export const FAILED_DOCS_KEPT = 1000;
