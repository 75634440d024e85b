/**
 * Worker threads run a bundle of their TypeScript entry (src/io/worker-entry.ts): built once, reused while its
 * sources are unchanged, built again when one changes; and a thread on it extracts exactly what the engine does inline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledWorker } from '../src/io/worker-entry.js';
import { workerPool, inlineExecutor } from '../src/io/pool.js';
import type { DocItem } from '../src/io/items.js';
import type { JobSettings } from '../src/io/run-job.js';

const settings: JobSettings = { lang: 'auto', minConfidence: 0, format: 'jsonl' };

test('the bundle is reused while its sources are unchanged and built again when one changes', () => {
  const first = bundledWorker('extract-worker');
  const built = statSync(first).mtimeMs;
  assert.equal(statSync(bundledWorker('extract-worker')).mtimeMs, built, 'unchanged sources: the same file');
  const source = fileURLToPath(new URL('../src/config.ts', import.meta.url));
  const { atime, mtime } = statSync(source);
  try {
    utimesSync(source, atime, new Date(mtime.getTime() + 2000));
    assert.notEqual(statSync(bundledWorker('extract-worker')).mtimeMs, built, 'a changed source: built again');
  } finally {
    utimesSync(source, atime, mtime);
  }
});

test('a worker thread on the bundle extracts what the engine extracts inline', async () => {
  const doc = (id: string, text: string): DocItem => ({ kind: 'doc', id, source: `${id}.txt`, input: { id, text }, notes: [] });
  const items = [doc('fr', '« Nous ne céderons pas », a déclaré la ministre Anne Roy.'), doc('en', 'Three people were arrested, police said on Tuesday.')];
  const pool = workerPool(1, settings, 0);
  try {
    while (pool.readyWorkers() === 0) {
      await pool.run(items[0]!);
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const item of items) {
      assert.deepEqual(await pool.run(item), await inlineExecutor(settings).run(item));
    }
  } finally {
    await pool.close();
  }
});
