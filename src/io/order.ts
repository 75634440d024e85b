/**
 * Runs items concurrently but hands back outcomes in input order. A bounded window of documents is in flight (by
 * count and by size), so memory stays flat however long the input and a slow document holds up reading, not RAM.
 */
import type { InputItem } from './items.js';
import type { Executor } from './pool.js';
import type { JobResult } from './run-job.js';

export type Outcome = JobResult | Exclude<InputItem, { kind: 'doc' }>;

export interface Window {
  /** Documents in flight at most. */
  count: number;
  /** Characters of input in flight at most (one larger document still goes through alone). */
  chars: number;
}

export async function* inOrder(items: AsyncIterable<InputItem>, exec: Executor, window: Window): AsyncGenerator<Outcome> {
  const queue: Array<{ outcome: Promise<Outcome>; chars: number }> = [];
  let chars = 0;
  for await (const item of items) {
    const size = item.kind === 'doc' ? (item.input.text ?? item.input.html ?? '').length : 0;
    while (queue.length && (queue.length >= window.count || chars + size > window.chars)) {
      const head = queue.shift()!;
      chars -= head.chars;
      yield await head.outcome;
    }
    queue.push({ outcome: item.kind === 'doc' ? exec.run(item) : Promise.resolve(item), chars: size });
    chars += size;
  }
  for (const head of queue) yield await head.outcome;
}
