/**
 * The evaluation gate: the engine, scored on the gold sets shipped in data/gold, must hold the figures pinned in
 * test/floors.json. The current figures are printed so every CI log shows them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGold } from '../src/eval/jsonl.js';
import { runEngine } from '../src/eval/run.js';
import { score } from '../src/eval/score.js';
import { formatText } from '../src/eval/report.js';

const ROOT = resolve(import.meta.dirname, '..');
const GOLD_DIR = join(ROOT, 'data/gold');
const floors = JSON.parse(readFileSync(join(ROOT, 'test/floors.json'), 'utf8')) as Record<string, unknown>;
const sets = Object.keys(floors).filter((k) => k !== 'about');

test('every shipped gold set has floors, and every floor a gold set', () => {
  const shipped = readdirSync(GOLD_DIR).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));
  assert.deepEqual([...shipped].sort(), [...sets].sort());
});

for (const set of sets) {
  test(`eval gate: ${set}`, (t) => {
    const path = join(GOLD_DIR, `${set}.jsonl`);
    assert.ok(existsSync(path), path);
    const golds = readGold(path, true);
    const run = runEngine(golds);
    const scores = score(golds, run.docs);
    for (const line of formatText(scores).trimEnd().split('\n')) t.diagnostic(`${set}: ${line}`);
    assert.deepEqual(run.failures, [], 'the engine fails on no document');
    assert.equal(scores.missing_docs, 0);
    for (const [key, bound] of Object.entries(floors[set] as Record<string, number>)) {
      const ceiling = key.startsWith('max_');
      const figure = ceiling ? key.slice(4) : key;
      const value = (scores as unknown as Record<string, unknown>)[figure];
      assert.equal(typeof value, 'number', `${set}: floors.json names "${figure}", which selon eval does not report`);
      if (ceiling) assert.ok((value as number) <= bound, `${set}: ${figure} ${value} is above its ceiling ${bound}`);
      else assert.ok((value as number) >= bound, `${set}: ${figure} ${(value as number).toFixed(3)} fell below its floor ${bound}`);
    }
  });
}

