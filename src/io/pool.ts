/**
 * Runs documents through runJob: inline for one job, or on a pool of worker threads (started as work arrives, up to
 * the pool size). Each document goes to the worker with the fewest in flight. A worker that dies fails only the documents it held, and is replaced. Node-only.
 */
import { Worker } from 'node:worker_threads';
import type { DocItem } from './items.js';
import { runJob, type JobResult, type JobSettings } from './run-job.js';

export interface Executor {
  run(item: DocItem): Promise<JobResult>;
  close(): Promise<void>;
}

export function inlineExecutor(settings: JobSettings): Executor {
  return { run: async (item) => runJob(item, settings), close: async () => {} };
}

interface Slot {
  worker: Worker;
  waiting: Map<number, { item: DocItem; resolve: (r: JobResult) => void }>;
}

export function workerPool(size: number, settings: JobSettings): Executor {
  let seq = 0;
  let closing = false;
  const slots: Slot[] = [];
  const start = (index: number): void => {
    const slot: Slot = { worker: spawnWorker(settings), waiting: new Map() };
    slots[index] = slot;
    slot.worker.on('message', (m: { seq: number; result: JobResult }) => {
      slot.waiting.get(m.seq)?.resolve(m.result);
      slot.waiting.delete(m.seq);
    });
    const die = (why: string) => {
      if (closing && why === 'exit') return;
      for (const { item, resolve } of slot.waiting.values()) resolve(crashed(item, why));
      slot.waiting.clear();
      if (!closing && slots[index] === slot) start(index);
    };
    slot.worker.on('error', (err) => die(err.message));
    slot.worker.on('exit', (code) => die(`exit ${code}`));
  };
  return {
    run(item) {
      // Threads start as work arrives, so a run over one small file does not pay for a full pool.
      if (slots.length < size && slots.every((s) => s.waiting.size > 0)) start(slots.length);
      const slot = slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      const n = seq++;
      return new Promise((resolve) => {
        slot.waiting.set(n, { item, resolve });
        slot.worker.postMessage({ seq: n, item });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

function crashed(item: DocItem, why: string): JobResult {
  return { kind: 'result', id: item.id, source: item.source, status: 'failed', reason: 'worker-crashed', detail: why, out: '' };
}

/**
 * The worker entry is TypeScript when selon runs from source (through tsx): the thread then registers tsx before
 * importing it. Compiled to JavaScript, the entry is loaded directly.
 */
function spawnWorker(settings: JobSettings): Worker {
  const entry = new URL(`./extract-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const options = { workerData: { settings } };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
