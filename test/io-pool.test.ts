/** The worker pool and the ordering window: results in input order whatever finishes first, failures contained. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineExecutor, workerPool } from '../src/io/pool.js';
import { inOrder, type Outcome } from '../src/io/order.js';
import type { DocItem, InputItem } from '../src/io/items.js';
import type { JobSettings } from '../src/io/run-job.js';

const SETTINGS: JobSettings = { format: 'jsonl', lang: 'auto' };
const SENTENCE = '« Nous avons de quoi nous occuper jusqu\'en 2030 », a déclaré Michel Spiro, le président du conseil du CERN. ';

function doc(i: number): DocItem {
  // Every fifth document is a hundred times longer, so later short ones finish first on the other worker.
  const text = SENTENCE.repeat(i % 5 === 0 ? 60 : 2);
  return { kind: 'doc', id: `d${i}`, source: `s${i}`, input: { id: `d${i}`, text }, notes: [] };
}

async function* items(list: InputItem[]): AsyncGenerator<InputItem> {
  yield* list;
}

async function collect(source: AsyncIterable<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of source) out.push(o);
  return out;
}

test('documents on two worker threads come back in input order, identical to inline', async () => {
  const list: InputItem[] = Array.from({ length: 40 }, (_, i) => doc(i));
  list.splice(7, 0, { kind: 'failed', source: 'x', id: null, reason: 'not-found', detail: '' }, { kind: 'ignored', reason: 'hidden' });
  const pool = workerPool(2, SETTINGS, 0);
  await pool.run(doc(999)); // starts the threads
  for (let waited = 0; pool.readyWorkers() < 2 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.equal(pool.readyWorkers(), 2);
  const threaded = await collect(inOrder(items(list), pool, { count: 16, chars: 1e9 }));
  await pool.close();
  const inline = await collect(inOrder(items(list), inlineExecutor(SETTINGS), { count: 16, chars: 1e9 }));
  assert.deepEqual(threaded, inline);
  assert.deepEqual(threaded.map((o) => (o.kind === 'result' ? o.id : o.kind)).slice(5, 10), ['d5', 'd6', 'failed', 'ignored', 'd7']);
});

test('the window holds at most its count of documents in flight', async () => {
  let inFlight = 0;
  let most = 0;
  const slow = {
    async run(item: DocItem) {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return { kind: 'result' as const, id: item.id, source: item.source, status: 'ok' as const, reason: null, detail: '', out: '' };
    },
    close: async () => {},
  };
  const out = await collect(inOrder(items(Array.from({ length: 50 }, (_, i) => doc(i))), slow, { count: 4, chars: 1e9 }));
  assert.equal(out.length, 50);
  assert.ok(most <= 4, `in flight at most ${most}`);
});

test('an engine error on one document fails that document only', async () => {
  const broken: DocItem = { ...doc(1), input: { id: 'bad', text: 'x', lang: 'fr', date: 'not a date', get html(): string { throw new Error('boom'); } } as never };
  const [bad, good] = await collect(inOrder(items([broken, doc(2)]), inlineExecutor(SETTINGS), { count: 4, chars: 1e9 }));
  assert.deepEqual([bad!.kind, (bad as { status: string }).status, (bad as { reason: string }).reason], ['result', 'failed', 'engine-error']);
  assert.equal((good as { status: string }).status, 'ok');
});
