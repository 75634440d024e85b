/**
 * The accounts rules on the labelled pair set (data/accounts/pairs-dev.jsonl): figures may not fall below these
 * floors. The issue asks ≥ 0.85 precision and recall for `divergent` and ≥ 0.90 for near-duplicate clustering; the
 * floors pin what the rules reach on this development set (eval-pairs.ts prints them), a little below, so that a change
 * that loses pairs is seen. Raise them when the figures rise; never lower them to make a change pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePairs } from '../src/accounts/pairs.js';
import { evaluatePairs, type PR } from '../src/accounts/eval-pairs.js';

const FLOORS = {
  all: { divergent: [0.92, 0.97], nearDuplicate: [0.98, 0.96], clustering: [0.92, 0.96] },
  fr: { divergent: [0.88, 0.95], nearDuplicate: [0.95, 0.95], clustering: [0.9, 0.95] },
  en: { divergent: [0.9, 0.95], nearDuplicate: [0.95, 0.93], clustering: [0.9, 0.93] },
} as const;

const pairs = parsePairs(readFileSync(new URL('../data/accounts/pairs-dev.jsonl', import.meta.url), 'utf8'));
const { all, byLang } = evaluatePairs(pairs);

test('pair set: at least 150 pairs, French and English, every label', () => {
  assert.ok(pairs.length >= 150, `${pairs.length} pairs`);
  for (const lang of ['fr', 'en']) {
    for (const label of ['verbatim', 'variant', 'divergent', 'unrelated']) {
      assert.ok(pairs.some((p) => p.lang === lang && p.label === label), `${lang} ${label}`);
    }
  }
  assert.equal(new Set(pairs.map((p) => p.id)).size, pairs.length, 'unique ids');
});

for (const [scope, floors] of Object.entries(FLOORS)) {
  const figures = scope === 'all' ? all : byLang[scope]!;
  for (const [metric, [p, r]] of Object.entries(floors)) {
    test(`pair set, ${scope}: ${metric} precision ≥ ${p}, recall ≥ ${r}`, () => {
      const got = figures[metric as 'divergent'] as PR;
      assert.ok(got.precision >= p, `${metric} precision ${got.precision} < ${p}`);
      assert.ok(got.recall >= r, `${metric} recall ${got.recall} < ${r}`);
    });
  }
}

test('pair set: the issue\'s thresholds hold overall', () => {
  assert.ok(all.divergent.precision >= 0.85 && all.divergent.recall >= 0.85);
  assert.ok(all.clustering.precision >= 0.9 && all.clustering.recall >= 0.9);
});

test('pair sets written more loosely read too (bare strings, context, no offsets, "consistent")', () => {
  const loose = [
    JSON.stringify({ id: 'x1', lang: 'en', label: 'consistent', a: 'We will win.', b: { content: 'we will WIN', context: '“we will WIN”, she said, according to Reuters.', via: ['Reuters'] } }),
    JSON.stringify({ id: 'x2', label: 'unrelated', a: { text: 'Il pleut sur la ville', kind: 'mixed' }, b: 'Le soleil brille sur la mer' }),
  ].join('\n');
  const parsed = parsePairs(loose);
  assert.deepEqual(parsed.map((p) => [p.id, p.lang, p.label, p.text.slice(p.b.start, p.b.end)]), [
    ['x1', 'en', 'verbatim', 'we will WIN'],
    ['x2', 'fr', 'unrelated', 'Le soleil brille sur la mer'],
  ]);
  assert.deepEqual(evaluatePairs(parsed).results.map((r) => r.predicted), ['consistent', 'none']);
  assert.throws(() => parsePairs(JSON.stringify({ label: 'maybe', a: 'x', b: 'y' })), /unknown label/);
});

test('eval-pairs: a file it cannot use is named with the line and the reason, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selon-pairs-'));
  try {
    const script = fileURLToPath(new URL('../src/accounts/eval-pairs.ts', import.meta.url));
    const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' });
    const cases: [string, string, RegExp][] = [
      ['broken.jsonl', '{"id":"x1","label":"variant","a":"a b","b":"a b c"}\n{oops\n', /broken\.jsonl: line 2: not JSON/],
      ['one-sided.jsonl', '{"id":"x1","label":"variant","a":"a b"}\n', /one-sided\.jsonl: line 1 \(pair x1\): no version "b"/],
      ['label.jsonl', '{"label":"maybe","a":"a","b":"b"}\n', /label\.jsonl: line 1: unknown label maybe/],
      ['empty.jsonl', '\n', /empty\.jsonl: no pairs/],
    ];
    for (const [name, body, message] of cases) {
      writeFileSync(join(dir, name), body);
      const r = run(join(dir, name));
      assert.equal(r.status, 1, name);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    const missing = run(join(dir, 'missing.jsonl'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /missing\.jsonl: cannot read \(ENOENT\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
