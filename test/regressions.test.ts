/**
 * Every crash or broken record the robustness suite found (fuzzing, pathological inputs, load, faults), reduced to its
 * smallest input, with the contract it broke. A row stays here after the fix, so the bug cannot come back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, type DocumentInput, type ExtractOptions } from '../src/index.js';
import { checkCase } from './fuzz-support.js';

interface Row {
  /** What went wrong, and where it was found. */
  found: string;
  input: string | DocumentInput;
  options?: ExtractOptions;
}

const CONTRACT: Row[] = [
  {
    found: 'fuzz: a verb governing an empty quoted fragment gave a mixed quote with empty content (build-quotes, governedFragment)',
    input: 'Il a déclaré «»',
    options: { lang: 'fr' },
  },
  { found: 'fuzz: the same with a blank fragment', input: 'Il a déclaré « » à Michelle.', options: { lang: 'fr' } },
  { found: 'fuzz: the same before a run of opening marks', input: 'a déclaré« »«« à Michelle', options: { lang: 'fr' } },
];

for (const row of CONTRACT) {
  test(`keeps the selon/1 contract — ${row.found}`, () => {
    const input = typeof row.input === 'string' ? { text: row.input } : row.input;
    assert.deepEqual(checkCase({ input, options: { id: 'regression', ...row.options } }), [], JSON.stringify(row.input));
  });
}

test('an empty quoted fragment is not a quote', () => {
  assert.deepEqual(extract('Il a déclaré «»', { lang: 'fr' }).quotes, []);
});
