/**
 * A short fuzzing budget for `npm test` (seconds): the same generators and checks as `npm run fuzz`
 * (test/fuzz-support.ts), with fixed seeds so a failure replays, plus two sharper sweeps — an astral character at every
 * offset of real sentences (no span may split its surrogate pair), and strings made only of quote marks, spaces,
 * letters and line breaks (pairing under stress). The long run (≥ 1,000,000 inputs) is in docs/robustness.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCase, contractHolds, EN_SEEDS, FR_SEEDS, QUOTE_MARKS } from './fuzz-support.js';

/** FUZZ_RUNS and FUZZ_SEED widen or move the budget locally; CI runs the defaults. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED = Number(process.env.FUZZ_SEED ?? 20260601);

test(`damaged news text keeps the selon/1 contract (${RUNS} inputs, seed ${SEED})`, () => {
  fc.assert(contractHolds, { numRuns: RUNS, seed: SEED });
});

test('an astral character at any offset is never split by a span', () => {
  const sentences = [...FR_SEEDS.slice(0, 8), ...EN_SEEDS.slice(0, 6)];
  for (const [i, s] of sentences.entries()) {
    for (let at = 0; at <= s.length; at += 1) {
      const emoji = ['😀', '𝕏', '👍🏽', '𠜎'][(i + at) % 4]!;
      const text = s.slice(0, at) + emoji + s.slice(at);
      assert.deepEqual(checkCase({ input: { text }, options: { lang: i < 8 ? 'fr' : 'en', id: 'astral' } }), [], JSON.stringify(text));
    }
  }
});

test('strings of quote marks, letters and breaks keep the contract', () => {
  const unit = fc.constantFrom(...QUOTE_MARKS, ' ', 'a', 'Il', ' dit ', ', a déclaré Paul', ' said Ann', '.', ',', ':', '\n', '\n\n', '\r\n', '😀');
  const property = fc.property(fc.string({ unit, maxLength: 80 }), fc.constantFrom('fr', 'en'), (text, lang) => {
    const problems = checkCase({ input: { text }, options: { lang, id: 'marks' } });
    if (problems.length) throw new Error(problems.join('\n'));
  });
  fc.assert(property, { numRuns: 1500, seed: SEED + 1 });
});
