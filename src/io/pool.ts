/**
 * Runs documents through runJob: inline, or on a pool of worker threads. A worker thread takes a quarter of a second
 * to load the engine here (see worker-entry.ts), and longer to warm its JIT: far more than a document takes, so a run
 * starts inline and only starts its workers once the input shows it is a batch; documents go to the workers as soon as one is ready. Each document goes to the ready
 * worker with the fewest in flight. A worker that dies fails only the documents it held, and is replaced. Node-only.
 */
import { Worker } from 'node:worker_threads';
import type { DocItem } from './items.js';
import { runJob, type JobResult, type JobSettings } from './run-job.js';
import { workerScript } from './worker-entry.js';

export interface Executor {
  run(item: DocItem): Promise<JobResult>;
  close(): Promise<void>;
}

export function inlineExecutor(settings: JobSettings): Executor {
  return { run: async (item) => runJob(item, settings), close: async () => {} };
}

/**
 * Documents run inline before worker threads start. A thread costs about 2 CPU-seconds to load the engine and warm
 * its JIT (bench/ingest.bench.ts), the time of 100–200 documents: a run shorter than that is faster without threads.
 */
export const INLINE_FIRST = 64;

/** Input size (bytes) from which threads start at once: about 150 pages of 50 KB, well past the break-even. */
export const BATCH_BYTES = 8 * 1024 * 1024;

export interface PoolExecutor extends Executor {
  /** Worker threads ready to take documents (0 while the run is still inline). */
  readyWorkers(): number;
}

/** Inline for the first documents, then on `size` worker threads once they are ready. */
export function workerPool(size: number, settings: JobSettings, inlineFirst = INLINE_FIRST): PoolExecutor {
  const inline = inlineExecutor(settings);
  let pool: WorkerPool | null = null;
  let seen = 0;
  return {
    run(item) {
      if (++seen > inlineFirst && !pool) pool = new WorkerPool(size, settings);
      return pool?.ready ? pool.run(item) : inline.run(item);
    },
    close: async () => pool?.close(),
    readyWorkers: () => pool?.readyCount ?? 0,
  };
}

interface Slot {
  worker: Worker;
  ready: boolean;
  waiting: Map<number, { item: DocItem; resolve: (r: JobResult) => void }>;
}

class WorkerPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closing = false;
  /** Replacements left: a worker that dies at start every time must not respawn forever (inline takes over). */
  private restarts = 8;

  constructor(size: number, private readonly settings: JobSettings) {
    for (let i = 0; i < size; i++) this.start(i);
  }

  get ready(): boolean {
    return this.slots.some((s) => s.ready);
  }

  get readyCount(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  run(item: DocItem): Promise<JobResult> {
    const slot = this.slots.filter((s) => s.ready).reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const n = this.seq++;
    return new Promise((resolve) => {
      slot.waiting.set(n, { item, resolve });
      slot.worker.postMessage({ seq: n, item });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(index: number): void {
    const slot: Slot = { worker: spawnWorker(this.settings), ready: false, waiting: new Map() };
    this.slots[index] = slot;
    slot.worker.on('message', (m: { ready?: true; seq: number; result: JobResult }) => {
      if (m.ready) return void (slot.ready = true);
      slot.waiting.get(m.seq)?.resolve(m.result);
      slot.waiting.delete(m.seq);
    });
    const die = (why: string) => {
      if (this.closing) return;
      slot.ready = false;
      for (const { item, resolve } of slot.waiting.values()) resolve(crashed(item, why));
      slot.waiting.clear();
      if (this.slots[index] === slot && this.restarts-- > 0) this.start(index);
    };
    slot.worker.on('error', (err) => die(err.message));
    slot.worker.on('exit', (code) => die(`worker exited with code ${code}`));
  }
}

function crashed(item: DocItem, why: string): JobResult {
  return { kind: 'result', id: item.id, source: item.source, status: 'failed', reason: 'worker-crashed', detail: why, out: '' };
}

/**
 * A worker's heap limit. Without one, V8 sizes a thread's heap from the machine's memory and collects lazily: two
 * threads reading a 512 MB WARC peaked at 540–870 MB of RSS, against 440 MB with this limit and the same speed
 * (bench/ingest.bench.ts). A 16 MB document, the largest read, needs under 400 MB.
 */
const WORKER_HEAP_MB = 1024;

/** A worker thread running the extraction entry: plain JavaScript when it can be (see worker-entry.ts), else via tsx. */
function spawnWorker(settings: JobSettings): Worker {
  const script = workerScript('extract-worker');
  const options = { workerData: { settings }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (script.kind === 'module') return new Worker(script.url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(script.url.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
